package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.model.TierRule;
import cn.gov.panyu.points.engine.model.Transform;
import cn.gov.panyu.points.engine.model.ValueKey;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/**
 * docs/scoring-spec.md §2–§6 written out as literally as possible, as an oracle for the fast scorer:
 * one enterprise at a time, plain loops and lists, obvious rather than fast.
 *
 * <p>It shares no code with the fast path. From the model it reads data only — weights, thresholds,
 * band lists, set members, bonus and negative items, tier percentages, stage limits, key industries —
 * and from the records their input fields. Every rule that turns these into numbers (derived values,
 * stages, transforms, bonus cap, negatives, rounding, ranks, tiers) is written again here from the
 * spec's text; {@code ReferenceScorerIndependenceTests} holds it to that.
 *
 * <p>Arithmetic is the spec's: derived values, fractions and points in binary64 exactly as the spec
 * writes them (§2, §4); published numbers rounded to hundredths half up with {@link BigDecimal}
 * (§6), from the unrounded value's shortest decimal form as ADR 0003 decides.
 */
public final class ReferenceScorer {

    private ReferenceScorer() {
    }

    /** Scores every record against the model; results in the order of the records. */
    public static List<ReferenceResult> score(ScoreModel model, List<EnterpriseRecord> records) {
        List<Stage> stages = new ArrayList<>();
        for (EnterpriseRecord r : records) {
            stages.add(stageOf(model, r));
        }

        // unrounded points: pointsByIndicator.get(j).get(i) is indicator j of enterprise i
        List<Indicator> indicators = model.indicators();
        List<List<Double>> pointsByIndicator = new ArrayList<>();
        for (Indicator indicator : indicators) {
            pointsByIndicator.add(indicatorPoints(model, indicator, records, stages));
        }

        List<Double> bonuses = bonuses(model, records);
        List<Unranked> unranked = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            EnterpriseRecord r = records.get(i);
            Set<Negative> negatives = r.negatives();
            Map<String, BigDecimal> published = new LinkedHashMap<>();
            double core = 0;
            for (int j = 0; j < indicators.size(); j++) {
                double p = pointsByIndicator.get(j).get(i);
                published.put(indicators.get(j).code(), publish(p));
                core += p; // §6: core = Σ indicator points, unrounded, in model order
            }
            double bonus = bonuses.get(i);
            double deduction = deduction(model, negatives);
            double total = Math.max(0, core + bonus - deduction);
            unranked.add(new Unranked(r.uscc(), stages.get(i), published, publish(core), publish(bonus),
                    publish(deduction), publish(total), !vetoed(model, negatives)));
        }
        return ranked(model, unranked);
    }

    /** A result before ranks and tiers, which need the whole stage. */
    private record Unranked(String uscc, Stage stage, Map<String, BigDecimal> points, BigDecimal core,
                            BigDecimal bonus, BigDecimal deduction, BigDecimal total, boolean eligible) {
    }

    // ---- §3 stage ---------------------------------------------------------------------------------

    /** STARTUP below the growth limit, GROWTH from it up to below the mature limit, MATURE from that on. */
    static Stage stageOf(ScoreModel model, EnterpriseRecord r) {
        double revenue = r.value(InputField.REVENUE_Y0);
        if (revenue < model.growthFrom()) {
            return Stage.STARTUP;
        }
        if (revenue < model.matureFrom()) {
            return Stage.GROWTH;
        }
        return Stage.MATURE;
    }

    // ---- §4 transforms ----------------------------------------------------------------------------

    /** One indicator's unrounded points for every enterprise: weight(stage) × f. */
    private static List<Double> indicatorPoints(ScoreModel model, Indicator indicator, List<EnterpriseRecord> records,
                                                List<Stage> stages) {
        List<Double> fractions = new ArrayList<>();
        Transform transform = indicator.transform();
        if (transform instanceof Transform.Percentile) {
            fractions = percentileFractions(values(model, records, indicator.value()), stages);
        } else if (transform instanceof Transform.Bands bands) {
            for (double v : values(model, records, indicator.value())) {
                fractions.add(bandFraction(bands.bands(), v));
            }
        } else if (transform instanceof Transform.SetMembers set) {
            for (EnterpriseRecord r : records) {
                fractions.add(setFraction(set.members(), members(r, indicator.value())));
            }
        } else {
            throw new IllegalArgumentException("transform not in the spec: " + transform);
        }
        List<Double> points = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            points.add(indicator.weight(stages.get(i)) * fractions.get(i));
        }
        return points;
    }

    /** Each enterprise's percentile among the present values of its own stage. */
    private static List<Double> percentileFractions(List<Double> values, List<Stage> stages) {
        Map<Stage, Percentile> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            // "V = the values of this indicator that are present among all enterprises of the same stage"
            List<Double> present = new ArrayList<>();
            for (int i = 0; i < values.size(); i++) {
                if (stages.get(i) == s && !Double.isNaN(values.get(i))) {
                    present.add(values.get(i));
                }
            }
            byStage.put(s, new Percentile(present));
        }
        List<Double> fractions = new ArrayList<>();
        for (int i = 0; i < values.size(); i++) {
            fractions.add(byStage.get(stages.get(i)).fraction(values.get(i)));
        }
        return fractions;
    }

    /**
     * §4 percentile within one stage. For a value v: missing or ≤ 0 gives 0; else (L + (E + 1) / 2) / n,
     * L = values in V strictly less than v, E = values equal to v (v itself included), n = |V|.
     */
    private static final class Percentile {
        private final int n;
        /** For each positive value of V: {L, E}. Only positive values are ever asked for. */
        private final Map<Double, int[]> lessAndEqual = new HashMap<>();

        Percentile(List<Double> present) {
            List<Double> sorted = new ArrayList<>(present);
            Collections.sort(sorted);
            n = sorted.size();
            // In ascending order a run of equal values starts after exactly the L values less than it,
            // and is E long. (-0.0 sorts before 0.0; both are below every positive value, which is all
            // that matters, since only positive values are looked up.)
            int start = 0;
            while (start < n) {
                double v = sorted.get(start);
                int end = start;
                while (end < n && sorted.get(end) == v) {
                    end++;
                }
                if (v > 0) {
                    lessAndEqual.put(v, new int[]{start, end - start});
                }
                start = end;
            }
        }

        double fraction(double v) {
            if (Double.isNaN(v) || v <= 0) {
                return 0;
            }
            int[] le = lessAndEqual.get(v);
            int less = le[0];
            int equal = le[1];
            return (less + (equal + 1) / 2.0) / n;
        }
    }

    /** §4 bands, highest threshold first: the fraction of the first threshold reached; missing or below all → 0. */
    private static double bandFraction(List<Transform.Band> bands, double v) {
        if (Double.isNaN(v)) {
            return 0;
        }
        for (Transform.Band band : bands) {
            if (v >= band.atLeast()) {
                return band.fraction();
            }
        }
        return 0;
    }

    /** §4 set: min(1, sum of the values of the listed members present). */
    private static double setFraction(Map<String, Double> memberValues, List<String> present) {
        double sum = 0;
        for (String member : present) {
            Double value = memberValues.get(member);
            if (value != null) {
                sum += value;
            }
        }
        return Math.min(1, sum);
    }

    // ---- §5 bonus and negatives -------------------------------------------------------------------

    /** Σ points of the items whose value is at least their threshold, capped; a missing value earns nothing. */
    private static List<Double> bonuses(ScoreModel model, List<EnterpriseRecord> records) {
        List<Double> sums = new ArrayList<>(Collections.nCopies(records.size(), 0.0));
        for (BonusItem item : model.bonusItems()) {
            List<Double> values = values(model, records, item.value());
            for (int i = 0; i < records.size(); i++) {
                double v = values.get(i);
                if (!Double.isNaN(v) && v >= item.atLeast()) {
                    sums.set(i, sums.get(i) + item.points());
                }
            }
        }
        List<Double> capped = new ArrayList<>();
        for (double sum : sums) {
            capped.add(Math.min(model.bonusCap(), sum));
        }
        return capped;
    }

    /** Σ points of the deduct items the enterprise has. */
    private static double deduction(ScoreModel model, Set<Negative> present) {
        double sum = 0;
        for (NegativeItem item : model.negatives()) {
            if (item.effect() == NegativeItem.Effect.DEDUCT && present.contains(item.code())) {
                sum += item.points();
            }
        }
        return sum;
    }

    /** Any veto item present makes the enterprise ineligible (it is still scored). */
    private static boolean vetoed(ScoreModel model, Set<Negative> present) {
        for (NegativeItem item : model.negatives()) {
            if (item.effect() == NegativeItem.Effect.VETO && present.contains(item.code())) {
                return true;
            }
        }
        return false;
    }

    // ---- §6 rounding, ranks, tiers ----------------------------------------------------------------

    /** Two decimals, half up, from the unrounded value (its shortest decimal form, ADR 0003). */
    static BigDecimal publish(double unrounded) {
        return BigDecimal.valueOf(unrounded).setScale(2, RoundingMode.HALF_UP);
    }

    /**
     * Within each stage, among eligible enterprises, by published total descending: equal totals share a
     * rank and the next rank skips (1, 2, 2, 4). Then the tier of each rank.
     */
    private static List<ReferenceResult> ranked(ScoreModel model, List<Unranked> results) {
        Map<Unranked, Integer> rank = new IdentityHashMap<>();
        Map<Unranked, Tier> tier = new IdentityHashMap<>();
        for (Stage s : Stage.values()) {
            List<Unranked> eligible = new ArrayList<>();
            for (Unranked u : results) {
                if (u.stage() == s && u.eligible()) {
                    eligible.add(u);
                }
            }
            int m = eligible.size();
            eligible.sort(Comparator.comparing(Unranked::total).reversed());
            int current = 0;
            for (int position = 0; position < m; position++) {
                Unranked u = eligible.get(position);
                if (position == 0 || u.total().compareTo(eligible.get(position - 1).total()) != 0) {
                    current = position + 1; // the rank after a run of equal totals skips the run
                }
                rank.put(u, current);
                tier.put(u, tierOf(model, current, m));
            }
        }
        List<ReferenceResult> out = new ArrayList<>();
        for (Unranked u : results) {
            out.add(new ReferenceResult(u.uscc(), u.stage(), u.points(), u.core(), u.bonus(), u.deduction(),
                    u.total(), u.eligible(), rank.get(u), tier.get(u)));
        }
        return out;
    }

    /** The first tier, best first, whose cut-off ⌈topPercent/100 · m⌉ the rank is within; else none. */
    private static Tier tierOf(ScoreModel model, int rank, int m) {
        for (TierRule rule : model.tiers()) {
            BigDecimal cutOff = BigDecimal.valueOf(rule.topPercent()).multiply(BigDecimal.valueOf(m))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.CEILING); // the exact ceiling
            if (BigDecimal.valueOf(rank).compareTo(cutOff) <= 0) {
                return rule.tier();
            }
        }
        return null;
    }

    // ---- §1 inputs and §2 derived values ------------------------------------------------------------

    /** The number an indicator or bonus item reads, for every enterprise; NaN when missing. */
    private static List<Double> values(ScoreModel model, List<EnterpriseRecord> records, ValueKey key) {
        ToDoubleFunction<EnterpriseRecord> read = reader(model, key);
        List<Double> values = new ArrayList<>();
        for (EnterpriseRecord r : records) {
            values.add(read.applyAsDouble(r));
        }
        return values;
    }

    /** How to read a key named in the model: a §2 derived value, else the §1 input column of that name. */
    static ToDoubleFunction<EnterpriseRecord> reader(ScoreModel model, ValueKey key) {
        return switch (key.key()) {
            case "rd_intensity" -> r -> shareOfRevenue(r.value(InputField.RD_EXPENSE), r.value(InputField.REVENUE_Y0));
            case "rd_staff_ratio" -> r -> staffRatio(r.value(InputField.RD_STAFF), r.value(InputField.EMPLOYEES));
            case "revenue_growth" -> r -> revenueGrowth(r.value(InputField.REVENUE_Y2), r.value(InputField.REVENUE_Y1),
                    r.value(InputField.REVENUE_Y0));
            case "hitech_ratio" -> r -> shareOfRevenue(r.value(InputField.HITECH_REVENUE), r.value(InputField.REVENUE_Y0));
            case "key_industry" -> r -> model.keyIndustries().contains(r.industry()) ? 1 : 0;
            default -> {
                InputField field = inputField(key.key());
                yield r -> r.value(field);
            }
        };
    }

    /** rd_intensity, hitech_ratio: amount / revenue_y0, missing if either is missing or revenue_y0 = 0. */
    static double shareOfRevenue(double amount, double revenueY0) {
        if (Double.isNaN(amount) || Double.isNaN(revenueY0) || revenueY0 == 0) {
            return Double.NaN;
        }
        return amount / revenueY0;
    }

    /** rd_staff_ratio = rd_staff / employees; employees is required and ≥ 1, so only rd_staff can be missing. */
    static double staffRatio(double rdStaff, double employees) {
        if (Double.isNaN(rdStaff) || Double.isNaN(employees)) {
            return Double.NaN;
        }
        return rdStaff / employees;
    }

    /**
     * The 高企 three-year formula, with a = revenue_y2, b = revenue_y1, c = revenue_y0: missing if b is
     * missing or 0; c/b − 1 if a is missing or 0; else ½·(b/a + c/b) − 1.
     */
    static double revenueGrowth(double a, double b, double c) {
        if (Double.isNaN(b) || b == 0) {
            return Double.NaN;
        }
        if (Double.isNaN(a) || a == 0) {
            return c / b - 1;
        }
        return 0.5 * (b / a + c / b) - 1;
    }

    /** The input column a model key names directly: model keys are the CSV header names (§1). */
    private static InputField inputField(String key) {
        for (InputField field : InputField.values()) {
            if (field.key().equals(key)) {
                return field;
            }
        }
        throw new IllegalArgumentException("no input column " + key);
    }

    /** The members a set-valued key holds, in the order §1 lists them (the order their values are added in). */
    private static List<String> members(EnterpriseRecord r, ValueKey key) {
        List<String> names = new ArrayList<>();
        switch (key.key()) {
            case "qualifications" -> {
                Set<Qualification> held = r.qualifications();
                for (Qualification q : Qualification.values()) {
                    if (held.contains(q)) {
                        names.add(q.name());
                    }
                }
            }
            case "negatives" -> {
                Set<Negative> present = r.negatives();
                for (Negative n : Negative.values()) {
                    if (present.contains(n)) {
                        names.add(n.name());
                    }
                }
            }
            default -> throw new IllegalArgumentException(key.key() + " is not set-valued");
        }
        return names;
    }
}
