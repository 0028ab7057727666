package cn.gov.panyu.points.platform.system;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;

/**
 * The {@code system} feature's only door into the engine module: everything it needs to know about
 * the engine passes through here, so an engine API change is fixed in one place.
 *
 * <p>Read once at start-up; neither the engine jar nor its shipped default model changes while the
 * platform runs.
 */
@Component
class EngineAdapter {

    private static final Logger log = LoggerFactory.getLogger(EngineAdapter.class);
    private static final String VERSION_RESOURCE = "/engine-version.properties";

    private final EngineInfo info = read();

    EngineInfo info() {
        return info;
    }

    private static EngineInfo read() {
        String version = engineVersion();
        try {
            ScoreModel model = ModelLoader.defaultModel();
            return new EngineInfo(version, model.id(), model.version(), model.name());
        } catch (RuntimeException e) {
            // A broken shipped model must not take the whole platform down: 系统信息 says so
            // and evaluations (which load the model themselves) fail with the engine's own message.
            log.warn("The engine's default model could not be loaded", e);
            return new EngineInfo(version, null, null, null);
        }
    }

    private static String engineVersion() {
        // Resolved against an engine class so that it is the engine jar's copy that is read.
        try (InputStream in = ModelLoader.class.getResourceAsStream(VERSION_RESOURCE)) {
            if (in == null) {
                return null;
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("engine.version");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
