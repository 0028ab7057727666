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
import cn.gov.panyu.points.engine.model.ValueKey;

import java.util.ArrayList;
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

    private Scorer() {
    }

    public static Evaluation score(ScoreModel model, List<EnterpriseRecord> records) {
        return score(model, RecordColumns.of(records));
    }

    public static Evaluation score(ScoreModel model, RecordColumns records) {
        int n = records.size();
        List<RecordColumns.Slice> slices = records.slices();
        Indicator[] indicators = model.indicators().toArray(Indicator[]::new);
        int k = indicators.length;

        byte[] stage = stages(model, slices, n);
        int[][] members = new int[STAGES][n];
        int[] memberCount = new int[STAGES];
        for (int i = 0; i < n; i++) {
            members[stage[i]][memberCount[stage[i]]++] = i;
        }
        int largestStage = Arrays.stream(memberCount).max().orElse(0);
        ThreadLocal<PairSort> sorters = ThreadLocal.withInitial(() -> new PairSort(largestStage));

        // Column-wise: each indicator reads its value column in one small loop and turns it into points
        // in place; percentiles are relative within a stage anyway. Indicators, the bonus and the
        // negatives are independent, so they run in parallel.
        double[][] points = new double[k][n];
        double[] bonus = new double[n];
        double[] deduction = new double[n];
        boolean[] eligible = new boolean[n];
        List<Runnable> tasks = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            Indicator indicator = indicators[j];
            double[] column = points[j];
            tasks.add(() -> indicatorPoints(model, indicator, slices, stage, members, memberCount, column,
                    sorters.get()));
        }
        tasks.add(() -> bonusColumn(model, slices, bonus));
        tasks.add(() -> negatives(model, slices, deduction, eligible));
        tasks.parallelStream().forEach(Runnable::run);
        return totalsAndRanks(model, records, stage, members, memberCount, points, bonus, deduction, eligible, sorters);
    }

    /**
     * The cohort of {@code base} under a model that differs from {@code base}'s only in its indicator weights
     * (same indicators in the same order, transforms, stages, bonus, negatives and tiers): each indicator's
     * points are its fraction times the new weight, so nothing is extracted or sorted again except the ranks —
     * what weighing many weight variants of one cohort needs (calibration's sensitivity analysis).
     *
     * <p>{@code base} must have been scored with every indicator weight 1 (its points are then the fractions
     * themselves), so that the result equals {@link #score(ScoreModel, RecordColumns)} with {@code model} bit
     * for bit: weight × fraction is the very product the scorer forms.
     *
     * @throws IllegalArgumentException when {@code base} was not scored with unit weights or the models differ
     *                                  in their indicators
     */
    public static Evaluation reweighted(Evaluation base, ScoreModel model) {
        List<Indicator> unit = base.model().indicators();
        Indicator[] indicators = model.indicators().toArray(Indicator[]::new);
        if (unit.size() != indicators.length) {
            throw new IllegalArgumentException("the models differ in their indicators");
        }
        for (int j = 0; j < indicators.length; j++) {
            for (Stage s : Stage.values()) {
                if (unit.get(j).weight(s) != 1) {
                    throw new IllegalArgumentException("the base evaluation must be scored with unit weights");
                }
            }
            if (!unit.get(j).code().equals(indicators[j].code())) {
                throw new IllegalArgumentException("the models differ in their indicators");
            }
        }
        int n = base.size();
        byte[] stage = new byte[n];
        int[][] members = new int[STAGES][n];
        int[] memberCount = new int[STAGES];
        double[] bonus = new double[n];
        double[] deduction = new double[n];
        boolean[] eligible = new boolean[n];
        for (int i = 0; i < n; i++) {
            stage[i] = (byte) base.stage(i).ordinal();
            members[stage[i]][memberCount[stage[i]]++] = i;
            bonus[i] = base.bonus(i);
            deduction[i] = base.deduction(i);
            eligible[i] = base.eligible(i);
        }
        double[][] points = new double[indicators.length][];
        IntStream.range(0, indicators.length).parallel().forEach(j -> {
            double[] weight = new double[STAGES];
            for (Stage s : Stage.values()) {
                weight[s.ordinal()] = indicators[j].weight(s);
            }
            points[j] = weightedFractions(base, j, weight, stage);
        });
        int largestStage = Arrays.stream(memberCount).max().orElse(0);
        ThreadLocal<PairSort> sorters = ThreadLocal.withInitial(() -> new PairSort(largestStage));
        return totalsAndRanks(model, base.columns(), stage, members, memberCount, points, bonus, deduction, eligible,
                sorters);
    }

    private static double[] weightedFractions(Evaluation base, int j, double[] weight, byte[] stage) {
        double[] column = new double[stage.length];
        for (int i = 0; i < column.length; i++) {
            column[i] = weight[stage[i]] * base.points(i, j);
        }
        return column;
    }

    /** Spec §5–§6 from the indicator points: core, total, published total, then ranks and tiers per stage. */
    private static Evaluation totalsAndRanks(ScoreModel model, RecordColumns records, byte[] stage, int[][] members,
                                             int[] memberCount, double[][] points, double[] bonus, double[] deduction,
                                             boolean[] eligible, ThreadLocal<PairSort> sorters) {
        int n = stage.length;
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
        IntStream.range(0, STAGES).parallel().forEach(s ->
                eligibleCount[s] = rankStage(model, members[s], memberCount[s], eligible, totalCents, rank, tier,
                        sorters.get()));
        return new Evaluation(model, records, stage, points, core, bonus,
                deduction, total, totalCents, eligible, rank, tier, eligibleCount);
    }

    /** Spec §3, per row: the stage's ordinal by revenue_y0. */
    private static byte[] stages(ScoreModel model, List<RecordColumns.Slice> slices, int n) {
        byte[] stage = new byte[n];
        int revenueAt = InputField.REVENUE_Y0.numericIndex();
        for (RecordColumns.Slice slice : slices) {
            double[] revenue = slice.numbers(revenueAt);
            for (int i = 0, at = slice.start(); i < slice.size(); i++) {
                stage[at + i] = (byte) model.stageOf(revenue[i]).ordinal();
            }
        }
        return stage;
    }

    /** One indicator's points for every row (spec §4–§5): its value column, transformed in place. */
    private static void indicatorPoints(ScoreModel model, Indicator indicator, List<RecordColumns.Slice> slices,
                                        byte[] stage, int[][] members, int[] memberCount, double[] column,
                                        PairSort sorter) {
        double[] weight = new double[STAGES];
        for (Stage s : Stage.values()) {
            weight[s.ordinal()] = indicator.weight(s);
        }
        // each loop sits in a method of its own: a JIT compiles small one-loop methods far faster than one
        // method entered at several long-running loops, and on two cores compiling competes with scoring
        Transform t = indicator.transform();
        if (t instanceof Transform.SetMembers set) {
            for (RecordColumns.Slice slice : slices) {
                setPoints(set, indicator.value().members(slice), slice.start(), slice.size(), weight, stage, column);
            }
            return;
        }
        for (RecordColumns.Slice slice : slices) {
            indicator.value().extract(slice, model, column, slice.start());
        }
        if (t instanceof Transform.Bands bands) {
            bandPoints(bands, weight, stage, column);
        } else {
            for (int s = 0; s < STAGES; s++) {
                percentilePoints(column, members[s], memberCount[s], weight[s], sorter);
            }
        }
    }

    private static void setPoints(Transform.SetMembers set, byte[] bits, int at, int size, double[] weight,
                                  byte[] stage, double[] column) {
        for (int i = 0; i < size; i++) {
            column[at + i] = weight[stage[at + i]] * set.fraction(bits[i] & 0xFF);
        }
    }

    private static void bandPoints(Transform.Bands bands, double[] weight, byte[] stage, double[] column) {
        for (int i = 0; i < column.length; i++) {
            column[i] = weight[stage[i]] * bands.fraction(column[i]);
        }
    }

    /** Spec §5 bonus per row: the items that apply, in model order, capped. */
    private static void bonusColumn(ScoreModel model, List<RecordColumns.Slice> slices, double[] bonus) {
        double[] values = new double[bonus.length];
        ValueKey extracted = null;
        for (BonusItem item : model.bonusItems()) {
            if (item.value() != extracted) {
                for (RecordColumns.Slice slice : slices) {
                    item.value().extract(slice, model, values, slice.start());
                }
                extracted = item.value();
            }
            for (int i = 0; i < bonus.length; i++) {
                if (item.applies(values[i])) {
                    bonus[i] += item.points();
                }
            }
        }
        double cap = model.bonusCap();
        for (int i = 0; i < bonus.length; i++) {
            bonus[i] = Math.min(cap, bonus[i]);
        }
    }

    /** Spec §5 negatives per row: deductions summed in model order, and whether any veto applies. */
    private static void negatives(ScoreModel model, List<RecordColumns.Slice> slices, double[] deduction,
                                  boolean[] eligible) {
        // a row's negatives are a byte of bits: look both answers up for each of the 256 combinations once
        double[] deductionOf = new double[256];
        boolean[] vetoedBy = new boolean[256];
        for (int bits = 0; bits < 256; bits++) {
            deductionOf[bits] = deduction(model, bits);
            vetoedBy[bits] = vetoed(model, bits);
        }
        for (RecordColumns.Slice slice : slices) {
            byte[] bits = slice.negatives();
            for (int i = 0, at = slice.start(); i < slice.size(); i++) {
                int present = bits[i] & 0xFF;
                deduction[at + i] = deductionOf[present];
                eligible[at + i] = !vetoedBy[present];
            }
        }
    }

    /**
     * Spec §4 percentile for one stage. Present values ≤ 0 rank below every positive value and score 0,
     * so only the positive ones are sorted (with their rows); each run of equal values then shares
     * L = values below, E = the run's length. Works in place: {@code column} holds the raw values of
     * the stage's members on entry and their points on return.
     */
    private static void percentilePoints(double[] column, int[] members, int count, double weight,
                                         PairSort sorter) {
        long[] keys = sorter.keys();
        int[] rows = sorter.rows();
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
        sorter.sort(positive);
        groupPoints(sorter.keys(), sorter.rows(), positive, nonPositive, weight, column);
    }

    /**
     * The points of sorted positive values: each run of equal values shares L = values below (all
     * {@code nonPositive} ones included), E = the run's length.
     */
    private static void groupPoints(long[] keys, int[] rows, int positive, int nonPositive, double weight,
                                    double[] column) {
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
        return deduction(model, r.negativeBits());
    }

    /** @param negativeBits the negative circumstances present, by ordinal */
    private static double deduction(ScoreModel model, int negativeBits) {
        double sum = 0;
        for (NegativeItem item : model.negatives()) {
            if (item.effect() == NegativeItem.Effect.DEDUCT && has(negativeBits, item)) {
                sum += item.points();
            }
        }
        return sum;
    }

    static boolean vetoed(ScoreModel model, EnterpriseValues r) {
        return vetoed(model, r.negativeBits());
    }

    private static boolean vetoed(ScoreModel model, int negativeBits) {
        for (NegativeItem item : model.negatives()) {
            if (item.isVeto() && has(negativeBits, item)) {
                return true;
            }
        }
        return false;
    }

    static boolean has(EnterpriseValues r, NegativeItem item) {
        return has(r.negativeBits(), item);
    }

    private static boolean has(int negativeBits, NegativeItem item) {
        return (negativeBits & (1 << item.code().ordinal())) != 0;
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
                                 long[] totalCents, int[] rank, byte[] tier, PairSort sorter) {
        long[] keys = sorter.keys();
        int[] rows = sorter.rows();
        int m = 0;
        for (int k = 0; k < count; k++) {
            int i = members[k];
            if (eligible[i]) {
                // descending total; members are in row order and the sort is stable, so ties stay in row order
                keys[m] = Long.MAX_VALUE - totalCents[i];
                rows[m++] = i;
            }
        }
        sorter.sort(m);
        // the stage's tier cut-offs, once, rather than per enterprise
        List<TierRule> rules = model.tiers();
        long[] cutOffs = new long[rules.size()];
        byte[] tiers = new byte[rules.size()];
        for (int t = 0; t < cutOffs.length; t++) {
            cutOffs[t] = rules.get(t).cutOff(m);
            tiers[t] = (byte) rules.get(t).tier().ordinal();
        }
        assignRanks(sorter.rows(), m, totalCents, cutOffs, tiers, rank, tier);
        return m;
    }

    /** Walks a stage's rows in rank order: equal totals share a rank, the next rank skips; tier by cut-off. */
    private static void assignRanks(int[] rows, int m, long[] totalCents, long[] cutOffs, byte[] tiers, int[] rank,
                                    byte[] tier) {
        long previous = Long.MIN_VALUE;
        int currentRank = 0;
        int t = 0;
        for (int pos = 0; pos < m; pos++) {
            int i = rows[pos];
            if (totalCents[i] != previous) {
                currentRank = pos + 1;
                previous = totalCents[i];
                while (t < cutOffs.length && currentRank > cutOffs[t]) {
                    t++; // ranks only grow, so the tier only moves down
                }
            }
            rank[i] = currentRank;
            tier[i] = t < cutOffs.length ? tiers[t] : -1;
        }
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
