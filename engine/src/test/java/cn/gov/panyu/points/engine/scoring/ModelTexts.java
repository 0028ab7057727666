package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.model.ModelLoader;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The shipped default model's text, for tests that derive variants from it. */
final class ModelTexts {

    private ModelTexts() {
    }

    static String defaultModelText() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_MODEL_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
