package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.EnterpriseValues;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.TierRule;
import cn.gov.panyu.points.engine.model.Transform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores a cohort of enterprise records against a model (spec §2–§6). A pure function: no I/O, no
 * clock, no randomness — the same records in any order give the same scores.
 *
 * <p>Work is column-wise (one indicator over all enterprises at a time) because percentiles are
 * relative; indicators are independent, so they are computed in parallel.
 */
public final class Scorer {

    private static final int STAGES = Stage.values().length;
    /** Rows per parallel task of the row-wise pass. */
    private static final int BLOCK = 8192;

    private Scorer() {
    }

    public static Evaluation score(ScoreModel model, List<EnterpriseRecord> records) {
        return score(model, RecordColumns.of(records));
    }

    public static Evaluation score(ScoreModel model, RecordColumns records) {
        int n = records.size();
        Indicator[] indicators = model.indicators().toArray(Indicator[]::new);
        int k = indicators.length;
        double[][] weights = new double[k][STAGES];
        for (int j = 0; j < k; j++) {
            for (Stage s : Stage.values()) {
                weights[j][s.ordinal()] = indicators[j].weight(s);
            }
        }

        // Pass 1, row-wise: every row is read once, in blocks per thread. A percentile indicator's column
        // holds the raw value for now; every other column holds its points already.
        byte[] stage = new byte[n];
        double[][] points = new double[k][n];
        double[] bonus = new double[n];
        double[] deduction = new double[n];
        boolean[] eligible = new boolean[n];
        int revenueAt = InputField.REVENUE_Y0.numericIndex();
        IntStream.range(0, (n + BLOCK - 1) / BLOCK).parallel().forEach(block -> {
            RecordColumns.Cursor r = records.cursor();
            for (int i = block * BLOCK, end = Math.min(n, i + BLOCK); i < end; i++) {
                r.at(i);
                int s = model.stageOf(r.number(revenueAt)).ordinal();
                stage[i] = (byte) s;
                for (int j = 0; j < k; j++) {
                    Indicator ind = indicators[j];
                    points[j][i] = ind.isPercentile() ? ind.value().extract(r, model)
                            : weights[j][s] * absoluteFraction(model, ind, r);
                }
                bonus[i] = bonus(model, r);
                deduction[i] = deduction(model, r);
                eligible[i] = !vetoed(model, r);
            }
        });

        int[][] members = new int[STAGES][n];
        int[] memberCount = new int[STAGES];
        for (int i = 0; i < n; i++) {
            members[stage[i]][memberCount[stage[i]]++] = i;
        }

        // Pass 2, column-wise: percentiles are relative, one indicator at a time, indicators in parallel
        IntStream.range(0, k).parallel().filter(j -> indicators[j].isPercentile()).forEach(j -> {
            for (int s = 0; s < STAGES; s++) {
                percentilePoints(points[j], members[s], memberCount[s], weights[j][s]);
            }
        });

        double[] core = new double[n];
        double[] total = new double[n];
        long[] totalCents = new long[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double c = 0;
            for (double[] p : points) {
                c += p[i]; // in model order, so the sum is the same on every run
            }
            core[i] = c;
            total[i] = total(c, bonus[i], deduction[i]);
            totalCents[i] = Rounding.cents(total[i]);
        });

        int[] rank = new int[n];
        byte[] tier = new byte[n];
        Arrays.fill(tier, (byte) -1);
        int[] eligibleCount = new int[STAGES];
        for (int s = 0; s < STAGES; s++) {
            eligibleCount[s] = rankStage(model, members[s], memberCount[s], eligible, totalCents, rank, tier);
        }
        return new Evaluation(model, records, stage, points, core, bonus,
                deduction, total, totalCents, eligible, rank, tier, eligibleCount);
    }

    /**
     * Spec §4 percentile for one stage. Present values ≤ 0 rank below every positive value and score 0,
     * so only the positive ones are sorted (with their rows); each run of equal values then shares
     * L = values below, E = the run's length. Works in place: {@code column} holds the raw values of
     * the stage's members on entry and their points on return.
     */
    private static void percentilePoints(double[] column, int[] members, int count, double weight) {
        long[] keys = new long[count];
        int[] rows = new int[count];
        int positive = 0;
        int nonPositive = 0;
        for (int k = 0; k < count; k++) {
            int i = members[k];
            double v = column[i];
            column[i] = 0; // the column turns from values into points; non-positive and missing score 0
            if (v > 0) {
                // for positive doubles the bit pattern orders exactly like the value, and equal ⇔ equal bits
                keys[positive] = Double.doubleToRawLongBits(v);
                rows[positive++] = i;
            } else if (v <= 0) {
                nonPositive++;
            }
        }
        PairSort.sort(keys, rows, positive);
        int n = positive + nonPositive;
        for (int from = 0; from < positive; ) {
            int to = from + 1;
            while (to < positive && keys[to] == keys[from]) {
                to++;
            }
            double p = weight * Cohort.percentile(nonPositive + from, to - from, n);
            for (int k = from; k < to; k++) {
                column[rows[k]] = p;
            }
            from = to;
        }
    }

    /** Fraction of a bands or set indicator: it depends on the record alone. */
    static double absoluteFraction(ScoreModel model, Indicator indicator, EnterpriseValues r) {
        Transform t = indicator.transform();
        if (t instanceof Transform.Bands bands) {
            return bands.fraction(indicator.value().extract(r, model));
        }
        if (t instanceof Transform.SetMembers set) {
            return set.fraction(indicator.value().members(r));
        }
        throw new IllegalArgumentException(indicator.code() + " is relative");
    }

    static double bonus(ScoreModel model, EnterpriseValues r) {
        double sum = 0;
        for (BonusItem b : model.bonusItems()) {
            if (b.applies(b.value().extract(r, model))) {
                sum += b.points();
            }
        }
        return Math.min(model.bonusCap(), sum);
    }

    static double deduction(ScoreModel model, EnterpriseValues r) {
        double sum = 0;
        for (NegativeItem item : model.negatives()) {
            if (item.effect() == NegativeItem.Effect.DEDUCT && has(r, item)) {
                sum += item.points();
            }
        }
        return sum;
    }

    static boolean vetoed(ScoreModel model, EnterpriseValues r) {
        for (NegativeItem item : model.negatives()) {
            if (item.isVeto() && has(r, item)) {
                return true;
            }
        }
        return false;
    }

    static boolean has(EnterpriseValues r, NegativeItem item) {
        return (r.negativeBits() & (1 << item.code().ordinal())) != 0;
    }

    static double total(double core, double bonus, double deduction) {
        return Math.max(0, core + bonus - deduction);
    }

    /**
     * Ranks the eligible members of one stage by published total, descending; equal totals share a rank
     * and the next rank skips (1, 2, 2, 4). Assigns tiers by the model's cut-offs.
     *
     * @return m, the number of eligible enterprises in the stage
     */
    private static int rankStage(ScoreModel model, int[] members, int count, boolean[] eligible,
                                 long[] totalCents, int[] rank, byte[] tier) {
        long[] keys = new long[count];
        int m = 0;
        for (int k = 0; k < count; k++) {
            int i = members[k];
            if (eligible[i]) {
                // descending total in the high half, index in the low half: one primitive sort does it
                keys[m++] = ((Integer.MAX_VALUE - totalCents[i]) << 32) | i;
            }
        }
        Arrays.sort(keys, 0, m);
        long previous = Long.MIN_VALUE;
        int currentRank = 0;
        for (int pos = 0; pos < m; pos++) {
            int i = (int) keys[pos];
            if (totalCents[i] != previous) {
                currentRank = pos + 1;
                previous = totalCents[i];
            }
            rank[i] = currentRank;
            tier[i] = (byte) tierOf(model, currentRank, m);
        }
        return m;
    }

    /** Ordinal of the tier for a rank among m eligible, or -1 for none. */
    static int tierOf(ScoreModel model, long rank, long m) {
        for (TierRule rule : model.tiers()) {
            if (rank <= rule.cutOff(m)) {
                return rule.tier().ordinal();
            }
        }
        return -1;
    }
}
