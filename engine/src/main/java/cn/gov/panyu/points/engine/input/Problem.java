package cn.gov.panyu.points.engine.input;

/**
 * A broken rule, worded for both audiences: staff read Chinese, logs and the CLI's English mode read
 * English. Kept as one value so that the two wordings can never drift apart at a call site. Public
 * because every entry point shows the engine's wording of a rule ({@link FieldRules}), not its own.
 */
public record Problem(String zh, String en) {
}
