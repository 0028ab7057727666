package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.List;
import java.util.function.IntPredicate;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * The indicator points of the lines a filter selects in one run's snapshot, per stage: each indicator's median,
 * and its average over the stage and over each tier of the stage. One pass over the snapshot's flat points
 * array; the medians are counted, not sorted (points are hundredths within an indicator's small range), so a
 * request over 100,000 results × 18 indicators allocates a few counters instead of sorting 1.8 million values.
 */
final class IndicatorFigures {

    /** Beyond this many distinct hundredths an indicator's values are sorted instead of counted. */
    private static final int COUNTED_RANGE = 1 << 16;
    private static final int ALL = Tier.values().length;

    private final RunSnapshots.Snapshot snapshot;
    private final int width;
    /** [stage][indicator]: how many selected lines have points for it. */
    private final long[][] counts;
    /** [stage][tier, or ALL][indicator]: the sum of points in hundredths, and how many. */
    private final long[][][] sums;
    private final long[][][] sumCounts;
    private final BigDecimal[][] medians;

    private IndicatorFigures(RunSnapshots.Snapshot snapshot, IntPredicate selected) {
        this.snapshot = snapshot;
        this.width = snapshot.indicators().size();
        int stages = Stage.values().length;
        counts = new long[stages][width];
        sums = new long[stages][ALL + 1][width];
        sumCounts = new long[stages][ALL + 1][width];
        medians = new BigDecimal[stages][width];
        int[] low = new int[width];
        int[] high = new int[width];
        Arrays.fill(low, Integer.MAX_VALUE);
        Arrays.fill(high, Integer.MIN_VALUE);
        int size = snapshot.lines().size();
        for (int i = 0; i < size; i++) {
            if (!selected.test(i)) {
                continue;
            }
            int s = snapshot.stage(i).ordinal();
            Tier tier = snapshot.tier(i);
            int t = tier == null ? -1 : tier.ordinal();
            for (int j = 0; j < width; j++) {
                int v = snapshot.points(i, j);
                if (v == RunSnapshots.Snapshot.ABSENT) {
                    continue;
                }
                counts[s][j]++;
                low[j] = Math.min(low[j], v);
                high[j] = Math.max(high[j], v);
                sums[s][ALL][j] += v;
                sumCounts[s][ALL][j]++;
                if (t >= 0) {
                    sums[s][t][j] += v;
                    sumCounts[s][t][j]++;
                }
            }
        }
        medians(low, high, selected);
    }

    static IndicatorFigures of(RunSnapshots.Snapshot snapshot, IntPredicate selected) {
        return new IndicatorFigures(snapshot, selected);
    }

    /**
     * Every indicator's median in every stage: counted in one more pass over the lines when the indicator's range
     * is small (it always is for points), else sorted.
     */
    private void medians(int[] low, int[] high, IntPredicate selected) {
        int size = snapshot.lines().size();
        int stages = Stage.values().length;
        int[][][] tally = new int[width][][];
        for (int j = 0; j < width; j++) {
            if (high[j] >= low[j] && (long) high[j] - low[j] < COUNTED_RANGE) {
                tally[j] = new int[stages][high[j] - low[j] + 1];
            }
        }
        for (int i = 0; i < size; i++) {
            if (!selected.test(i)) {
                continue;
            }
            int s = snapshot.stage(i).ordinal();
            for (int j = 0; j < width; j++) {
                int v = snapshot.points(i, j);
                if (v != RunSnapshots.Snapshot.ABSENT && tally[j] != null) {
                    tally[j][s][v - low[j]]++;
                }
            }
        }
        for (int j = 0; j < width; j++) {
            for (int s = 0; s < stages; s++) {
                long n = counts[s][j];
                if (n == 0) {
                    continue;
                }
                if (tally[j] != null) {
                    medians[s][j] = middle(nth(tally[j][s], low[j], (n - 1) / 2), nth(tally[j][s], low[j], n / 2));
                } else {
                    medians[s][j] = sortedMedian(j, s, (int) n, selected);
                }
            }
        }
    }

    private BigDecimal sortedMedian(int j, int stage, int n, IntPredicate selected) {
        List<RunSnapshots.Line> lines = snapshot.lines();
        int[] values = new int[n];
        int k = 0;
        for (int i = 0; i < lines.size() && k < n; i++) {
            int v = snapshot.points(i, j);
            if (v != RunSnapshots.Snapshot.ABSENT && lines.get(i).stage().ordinal() == stage && selected.test(i)) {
                values[k++] = v;
            }
        }
        Arrays.sort(values);
        return middle(values[(n - 1) / 2], values[n / 2]);
    }

    /** The value of rank {@code rank} (from 0) among the counted values. */
    private static int nth(int[] tally, int low, long rank) {
        long seen = 0;
        for (int v = 0; v < tally.length; v++) {
            seen += tally[v];
            if (seen > rank) {
                return v + low;
            }
        }
        throw new IllegalStateException("rank " + rank + " beyond " + seen);
    }

    /** The median of an even count is the mean of the two middle values, shown with two decimals as points are. */
    private static BigDecimal middle(int a, int b) {
        return BigDecimal.valueOf((long) a + b, 2).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP);
    }

    /** The median of the indicator at {@code j} among the stage's selected lines, null if none has points for it. */
    BigDecimal median(Stage stage, int j) {
        return medians[stage.ordinal()][j];
    }

    /** The average of the indicator over the stage (tier null) or over one tier of it; null for no line. */
    BigDecimal average(Stage stage, Tier tier, int j) {
        int t = tier == null ? ALL : tier.ordinal();
        long n = sumCounts[stage.ordinal()][t][j];
        return n == 0 ? null : BigDecimal.valueOf(sums[stage.ordinal()][t][j], 2).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** The best tier (领跑 before 竞跑 before 进取) that holds a selected line of the stage, null if none. */
    Tier bestTier(Stage stage) {
        for (Tier t : Tier.values()) {
            for (int j = 0; j < width; j++) {
                if (sumCounts[stage.ordinal()][t.ordinal()][j] > 0) {
                    return t;
                }
            }
        }
        return null;
    }
}
