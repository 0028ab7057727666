package cn.gov.panyu.points.engine.calibration;

/**
 * Rank correlation of paired observations: Spearman's ρ (Pearson's r of the average ranks, so ties share the
 * mean of the ranks they span) and Kendall's τ-b (corrected for ties in either variable), the latter in
 * O(n log n) by Knight's merge-sort method so that a district of 100,000 enterprises takes milliseconds.
 * Both are NaN when a variable is constant (the coefficient is undefined).
 */
public final class RankCorrelation {

    private RankCorrelation() {
    }

    /** Spearman's ρ with average ranks for ties. */
    public static double spearman(double[] x, double[] y) {
        check(x, y);
        return Moments.pearsonOfCentred(Moments.centred(averageRanks(x)), Moments.centred(averageRanks(y)));
    }

    /**
     * Kendall's τ-b = (n_c − n_d) / √((n₀ − n₁)(n₀ − n₂)), n₀ = n(n − 1)/2, n₁ and n₂ the pairs tied in x and in y.
     * Knight (1966): sort by x then y; n_c − n_d = n₀ − n₁ − n₂ + n₃ − 2·swaps, where n₃ counts pairs tied in both
     * and swaps are the exchanges a merge sort of the y sequence makes (pairs discordant in y).
     */
    public static double kendallTauB(double[] x, double[] y) {
        check(x, y);
        int n = x.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, y); // stable: within equal x the second sort keeps y ascending
        IndexSort.sort(order, x);
        long pairs = (long) n * (n - 1) / 2;
        long tiedX = 0;
        long tiedBoth = 0;
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && x[order[to]] == x[order[from]]) {
                to++;
            }
            tiedX += choose2(to - from);
            for (int a = from; a < to; ) { // within the run of equal x, y is ascending
                int b = a + 1;
                while (b < to && y[order[b]] == y[order[a]]) {
                    b++;
                }
                tiedBoth += choose2(b - a);
                a = b;
            }
            from = to;
        }
        double[] ys = new double[n];
        for (int i = 0; i < n; i++) {
            ys[i] = y[order[i]];
        }
        long swaps = IndexSort.countInversions(ys);
        long tiedY = 0;
        for (int from = 0; from < n; ) { // ys is now sorted
            int to = from + 1;
            while (to < n && ys[to] == ys[from]) {
                to++;
            }
            tiedY += choose2(to - from);
            from = to;
        }
        double denominator = Math.sqrt((double) (pairs - tiedX) * (double) (pairs - tiedY));
        if (denominator == 0) {
            return Double.NaN;
        }
        double concordantMinusDiscordant = (double) (pairs - tiedX - tiedY + tiedBoth - 2 * swaps);
        return Math.max(-1, Math.min(1, concordantMinusDiscordant / denominator));
    }

    /** Ranks 1..n, ties sharing the mean of the ranks they span (e.g. two values tied for 2nd both get 2.5). */
    public static double[] averageRanks(double[] v) {
        int n = v.length;
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        IndexSort.sort(order, v);
        double[] rank = new double[n];
        for (int from = 0; from < n; ) {
            int to = from + 1;
            while (to < n && v[order[to]] == v[order[from]]) {
                to++;
            }
            double r = (from + 1 + to) / 2.0; // mean of from+1 .. to
            for (int k = from; k < to; k++) {
                rank[order[k]] = r;
            }
            from = to;
        }
        return rank;
    }

    private static long choose2(long t) {
        return t * (t - 1) / 2;
    }

    private static void check(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new CalibrationException("两列数据的个数不同", "x and y differ in length");
        }
        if (x.length < 2) {
            throw new CalibrationException("至少需要两对数据", "at least two pairs are needed");
        }
        for (int i = 0; i < x.length; i++) {
            if (!Double.isFinite(x[i])) {
                throw new CalibrationException(i, 0, "x", "不是有限的数值", "not a finite number");
            }
            if (!Double.isFinite(y[i])) {
                throw new CalibrationException(i, 1, "y", "不是有限的数值", "not a finite number");
            }
        }
    }
}
