package cn.gov.panyu.points.platform.system;

/**
 * What the platform shows about the scoring engine it runs on. A field is null when the engine could
 * not tell it (no version resource, or a default model that does not load).
 *
 * @param version        the engine's build version, stamped into every evaluation result
 * @param modelId        the default points model's id, e.g. {@code panyu-2025}
 * @param modelVersion   the default model's version, e.g. {@code 2025.1}
 * @param modelName      the default model's display name
 */
public record EngineInfo(String version, String modelId, String modelVersion, String modelName) {

    public boolean modelAvailable() {
        return modelId != null;
    }
}
