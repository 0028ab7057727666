package cn.gov.panyu.points.engine.quality;

/**
 * One scale, 0–100, for flags of different rules, so that one queue can rank them. The bands say how sure
 * a rule is that something is wrong: a contradiction is certain (90–100); two sources that disagree are
 * a fact, how much matters (40–90); an outlier or a jump may be a real event (35–90, growing with the
 * distance from the threshold).
 */
final class Severity {

    private Severity() {
    }

    /** Contradictions: 90, plus up to 10 for the relative excess (1 + 1 staff above 10 is small). */
    static double impossible(double excessRatio) {
        return 90 + Math.min(10, 10 * excessRatio);
    }

    /** Disagreeing sources: 40, plus up to 50 for the relative difference (which is at most 1). */
    static double disagreement(double relativeDifference) {
        return 40 + Math.min(50, 50 * relativeDifference);
    }

    /** Outliers: ten times |z| (35 at the threshold of 3.5), at most 90. */
    static double outlier(double z) {
        return Math.min(90, 10 * Math.abs(z));
    }

    /** Jumps: 35 at the factor, 10 more for each doubling beyond it, at most 90. */
    static double jump(double ratio, double factor) {
        if (Double.isInfinite(ratio)) {
            return 90;
        }
        return Math.min(90, 35 + 10 * Math.log(ratio / factor) / Math.log(2));
    }
}
