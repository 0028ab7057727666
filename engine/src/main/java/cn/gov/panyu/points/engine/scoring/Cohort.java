package cn.gov.panyu.points.engine.scoring;

import java.util.Arrays;

/**
 * The present values of one percentile indicator within one stage, prepared for rank look-ups.
 *
 * <p>Only positive values can earn points, and every present value ≤ 0 is below every positive one, so
 * the cohort keeps the positive values sorted plus a count of the rest: L for a positive v is that
 * count plus the positives below v.
 */
final class Cohort {

    private final double[] positives;
    private final int nonPositive;

    private Cohort(double[] sortedPositives, int nonPositive) {
        this.positives = sortedPositives;
        this.nonPositive = nonPositive;
    }

    /**
     * @param values  the indicator's value per enterprise ({@code NaN} = missing)
     * @param members indices of the enterprises in this stage
     * @param count   how many entries of {@code members} are used
     */
    static Cohort of(double[] values, int[] members, int count) {
        double[] pos = new double[count];
        int p = 0;
        int nonPositive = 0;
        for (int k = 0; k < count; k++) {
            double v = values[members[k]];
            if (v > 0) {
                pos[p++] = v;
            } else if (v <= 0) {
                nonPositive++;
            }
        }
        double[] sorted = Arrays.copyOf(pos, p);
        Arrays.sort(sorted);
        return new Cohort(sorted, nonPositive);
    }

    /** n = |V|, the number of present values. */
    int size() {
        return positives.length + nonPositive;
    }

    /** Spec §4: (L + (E + 1) / 2) / n for v > 0, else 0. */
    double fraction(double v) {
        if (!(v > 0)) {
            return 0;
        }
        int lo = lowerBound(v);
        int hi = upperBound(v, lo);
        return percentile(nonPositive + lo, hi - lo, size());
    }

    /**
     * The fraction {@code v} would get if it replaced {@code old} in this cohort, everyone else unchanged
     * (what-if against a frozen cohort). {@code old} is {@code NaN} when the enterprise was not a member.
     */
    double fractionReplacing(double v, double old) {
        if (!(v > 0)) {
            return 0;
        }
        int lo = lowerBound(v);
        int hi = upperBound(v, lo);
        int less = nonPositive + lo;
        int equal = hi - lo;
        int n = size();
        if (!Double.isNaN(old)) {
            n--;
            if (old < v) {
                less--;
            } else if (old == v) {
                equal--;
            }
        }
        return percentile(less, equal + 1, n + 1);
    }

    /** (L + (E + 1) / 2) / n, written as the spec writes it so that the doubles agree bit for bit. */
    static double percentile(int less, int equalIncludingSelf, int n) {
        return (less + (equalIncludingSelf + 1) / 2.0) / n;
    }

    /** First index whose value is ≥ v. */
    private int lowerBound(double v) {
        int lo = 0;
        int hi = positives.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positives[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** First index whose value is > v, searching from {@code from}. */
    private int upperBound(double v, int from) {
        int lo = from;
        int hi = positives.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (positives[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
