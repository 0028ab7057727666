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
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.model.Transform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The scores of one cohort under one model. Row-level accessors ({@link #stage(int)}, {@link #points(int, int)},
 * …) serve bulk writers without allocating; {@link #card(int)} builds the explained result of one
 * enterprise; {@link #whatIf(EnterpriseRecord)} re-scores one enterprise against this frozen cohort.
 *
 * <p>Safe for concurrent use without waiting on each other: the scores never change after scoring, the
 * look-up structures built on first use are immutable once built, and a what-if keeps its working
 * values in locals of the call. (The platform asks one run's evaluation from every portal request.)
 */
public final class Evaluation {

    private static final Tier[] TIERS = Tier.values();
    private static final Stage[] STAGES = Stage.values();

    private final ScoreModel model;
    private final RecordColumns records;
    private final byte[] stage;
    private final double[][] points;
    private final double[] core;
    private final double[] bonus;
    private final double[] deduction;
    private final double[] total;
    private final long[] totalCents;
    private final boolean[] eligible;
    private final int[] rank;
    private final byte[] tier;
    private final int[] eligibleCount;

    private final Lazy<Map<String, Integer>> indexByUscc = new Lazy<>(this::buildIndex);
    private final Lazy<Frozen> frozen = new Lazy<>(this::freeze);

    /**
     * The cohort every what-if is scored against: per percentile indicator and stage the present values,
     * and per stage the eligible published totals in ascending order. Never modified once built.
     */
    private record Frozen(Cohort[][] cohorts, long[][] totals) {
    }

    Evaluation(ScoreModel model, RecordColumns records, byte[] stage, double[][] points, double[] core,
               double[] bonus, double[] deduction, double[] total, long[] totalCents, boolean[] eligible,
               int[] rank, byte[] tier, int[] eligibleCount) {
        this.model = model;
        this.records = records;
        this.stage = stage;
        this.points = points;
        this.core = core;
        this.bonus = bonus;
        this.deduction = deduction;
        this.total = total;
        this.totalCents = totalCents;
        this.eligible = eligible;
        this.rank = rank;
        this.tier = tier;
        this.eligibleCount = eligibleCount;
    }

    public ScoreModel model() {
        return model;
    }

    public int size() {
        return records.size();
    }

    /** The scored records as a list view (materialises a record per access). */
    public List<EnterpriseRecord> records() {
        return records.asRecords();
    }

    /** The scored records by column: what bulk readers use. */
    public RecordColumns columns() {
        return records;
    }

    public EnterpriseRecord record(int i) {
        return records.record(i);
    }

    public Stage stage(int i) {
        return STAGES[stage[i]];
    }

    /** Unrounded points of indicator {@code j} (model order) for enterprise {@code i}. */
    public double points(int i, int j) {
        return points[j][i];
    }

    public double core(int i) {
        return core[i];
    }

    public double bonus(int i) {
        return bonus[i];
    }

    public double deduction(int i) {
        return deduction[i];
    }

    public double total(int i) {
        return total[i];
    }

    /** The published total in hundredths: what ranks compare. */
    public long totalCents(int i) {
        return totalCents[i];
    }

    public boolean eligible(int i) {
        return eligible[i];
    }

    /** 0 when ineligible. */
    public int rank(int i) {
        return rank[i];
    }

    /** null when the enterprise is on no list. */
    public Tier tier(int i) {
        return tier[i] < 0 ? null : TIERS[tier[i]];
    }

    /** m: eligible enterprises in a stage. */
    public int eligibleCount(Stage s) {
        return eligibleCount[s.ordinal()];
    }

    public Optional<Integer> indexOf(String uscc) {
        return Optional.ofNullable(index().get(uscc));
    }

    public Optional<ScoreCard> card(String uscc) {
        return indexOf(uscc).map(this::card);
    }

    /** The explained result of enterprise {@code i}. */
    public ScoreCard card(int i) {
        EnterpriseRecord r = records.record(i);
        Stage s = stage(i);
        List<IndicatorScore> scores = new ArrayList<>();
        List<Indicator> indicators = model.indicators();
        for (int j = 0; j < indicators.size(); j++) {
            Indicator ind = indicators.get(j);
            double weight = ind.weight(s);
            double f = weight == 0 ? 0 : points[j][i] / weight;
            scores.add(explain(ind, r, weight == 0 ? fractionOf(ind, r, i) : f, points[j][i], weight));
        }
        return new ScoreCard(r, s, scores, bonusesApplied(r), negativesApplied(r), core[i], bonus[i],
                deduction[i], total[i], eligible[i], rank[i], tier(i), eligibleCount[stage[i]]);
    }

    /**
     * Re-scores one enterprise with changed inputs against this evaluation's frozen cohort: every other
     * enterprise keeps its values and published total; the changed record replaces the enterprise's old
     * one in its (possibly new) stage. An enterprise not in the evaluation is scored as a newcomer.
     */
    public ScoreCard whatIf(EnterpriseRecord changed) {
        Frozen cohort = frozen.get();
        Integer index = index().get(changed.uscc());
        Stage s = model.stageOf(changed.value(InputField.REVENUE_Y0));
        boolean sameStage = index != null && stage[index] == s.ordinal();
        EnterpriseRecord old = index == null ? null : records.record(index);

        List<Indicator> indicators = model.indicators();
        List<IndicatorScore> scores = new ArrayList<>();
        double c = 0;
        for (int j = 0; j < indicators.size(); j++) {
            Indicator ind = indicators.get(j);
            double f;
            if (ind.isPercentile()) {
                double oldValue = sameStage ? ind.value().extract(old, model) : Double.NaN;
                f = cohort.cohorts()[j][s.ordinal()].fractionReplacing(ind.value().extract(changed, model), oldValue);
            } else {
                f = Scorer.absoluteFraction(model, ind, changed);
            }
            double p = ind.weight(s) * f;
            c += p;
            scores.add(explain(ind, changed, f, p, ind.weight(s)));
        }
        double b = Scorer.bonus(model, changed);
        double d = Scorer.deduction(model, changed);
        double t = Scorer.total(c, b, d);
        boolean ok = !Scorer.vetoed(model, changed);

        // others = the stage's eligible published totals without this enterprise's old one
        long[] sorted = cohort.totals()[s.ordinal()];
        long cents = Rounding.cents(t);
        boolean wasCounted = sameStage && eligible[index];
        int m = sorted.length - (wasCounted ? 1 : 0) + (ok ? 1 : 0);
        int r = 0;
        Tier newTier = null;
        if (ok) {
            int better = sorted.length - upperBound(sorted, cents);
            if (wasCounted && totalCents[index] > cents) {
                better--;
            }
            r = better + 1;
            int t2 = Scorer.tierOf(model, r, m);
            newTier = t2 < 0 ? null : TIERS[t2];
        }
        return new ScoreCard(changed, s, scores, bonusesApplied(changed), negativesApplied(changed), c, b, d, t,
                ok, r, newTier, m);
    }

    private Frozen freeze() {
        int n = records.size();
        int[][] members = new int[STAGES.length][n];
        int[] count = new int[STAGES.length];
        for (int i = 0; i < n; i++) {
            members[stage[i]][count[stage[i]]++] = i;
        }
        List<Indicator> indicators = model.indicators();
        Cohort[][] cohorts = new Cohort[indicators.size()][];
        for (int j = 0; j < indicators.size(); j++) {
            Indicator ind = indicators.get(j);
            if (!ind.isPercentile()) {
                continue;
            }
            double[] values = new double[n];
            RecordColumns.Cursor cursor = records.cursor();
            for (int i = 0; i < n; i++) {
                values[i] = ind.value().extract(cursor.at(i), model);
            }
            cohorts[j] = new Cohort[STAGES.length];
            for (int s = 0; s < STAGES.length; s++) {
                cohorts[j][s] = Cohort.of(values, members[s], count[s]);
            }
        }
        long[][] totals = new long[STAGES.length][];
        for (int s = 0; s < STAGES.length; s++) {
            totals[s] = Arrays.stream(members[s], 0, count[s]).filter(i -> eligible[i])
                    .mapToLong(i -> totalCents[i]).sorted().toArray();
        }
        return new Frozen(cohorts, totals);
    }

    /** First index with a value > key, in an ascending array. */
    private static int upperBound(long[] sorted, long key) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private double fractionOf(Indicator ind, EnterpriseRecord r, int i) {
        // a zero weight hides the fraction in the points; recompute it for the explanation
        if (!ind.isPercentile()) {
            return Scorer.absoluteFraction(model, ind, r);
        }
        int j = model.indicators().indexOf(ind);
        double v = ind.value().extract(r, model);
        return frozen.get().cohorts()[j][stage[i]].fraction(v);
    }

    private IndicatorScore explain(Indicator ind, EnterpriseValues r, double fraction, double pts, double max) {
        if (ind.transform() instanceof Transform.SetMembers) {
            int bits = ind.value().members(r);
            Enum<?>[] constants = ind.value().memberType().getEnumConstants();
            String text = Arrays.stream(constants).filter(e -> (bits & (1 << e.ordinal())) != 0)
                    .map(Enum::name).collect(Collectors.joining(";"));
            return new IndicatorScore(ind, Double.NaN, text, fraction, pts, max);
        }
        double raw = ind.value().extract(r, model);
        return new IndicatorScore(ind, raw, Double.isNaN(raw) ? "" : String.valueOf(raw), fraction, pts, max);
    }

    private List<BonusItem> bonusesApplied(EnterpriseValues r) {
        return model.bonusItems().stream().filter(b -> b.applies(b.value().extract(r, model))).toList();
    }

    private List<NegativeItem> negativesApplied(EnterpriseValues r) {
        return model.negatives().stream().filter(n -> Scorer.has(r, n)).toList();
    }

    private Map<String, Integer> index() {
        return indexByUscc.get();
    }

    private Map<String, Integer> buildIndex() {
        Map<String, Integer> map = new HashMap<>(records.size() * 2);
        for (int i = 0; i < records.size(); i++) {
            map.put(records.uscc(i), i);
        }
        return map;
    }

    /**
     * A value built on first use and only read afterwards. Building takes a while for a whole district,
     * so concurrent first callers wait for one build rather than each making their own; every later call
     * is a plain volatile read and never waits. The value must not be modified once built.
     */
    private static final class Lazy<T> {
        private final Supplier<T> build;
        private volatile T value;

        Lazy(Supplier<T> build) {
            this.build = build;
        }

        T get() {
            T built = value;
            if (built == null) {
                synchronized (this) {
                    built = value;
                    if (built == null) {
                        built = build.get();
                        value = built;
                    }
                }
            }
            return built;
        }
    }
}
