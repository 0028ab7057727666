package cn.gov.panyu.points.engine.scoring;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;

/** The engine's version, stamped into every result so that a published score can be reproduced. */
public final class EngineVersion {

    private static final String VERSION = load();

    private EngineVersion() {
    }

    public static String current() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = EngineVersion.class.getResourceAsStream("/engine-version.properties")) {
            Properties p = new Properties();
            if (in != null) {
                p.load(in);
            }
            String v = p.getProperty("engine.version", "dev");
            return v.startsWith("${") ? "dev" : v;
        } catch (IOException e) {
            return "dev";
        }
    }
}
