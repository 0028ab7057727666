package cn.gov.panyu.points.engine.input;

/**
 * A broken rule, worded for both audiences: staff read Chinese, logs and the CLI's English mode read
 * English. Kept as one value so that the two wordings can never drift apart at a call site.
 */
record Problem(String zh, String en) {
}
