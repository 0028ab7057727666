package cn.gov.panyu.points.engine.output;

/**
 * What a result was computed from (spec §7): enough to reproduce it later.
 *
 * @param model       model id and version, e.g. {@code panyu-2025@2025.1}
 * @param inputSha256 hex SHA-256 of the input file's bytes
 */
public record Provenance(String model, String inputSha256, String engineVersion, int year) {
}
