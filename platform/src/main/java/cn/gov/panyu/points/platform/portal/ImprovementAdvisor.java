package cn.gov.panyu.points.platform.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.model.Transform;
import cn.gov.panyu.points.engine.model.ValueKey;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.ScoreCard;
import cn.gov.panyu.points.platform.collection.RecordField;

/**
 * 提升建议: what an enterprise could change to score more, found by trying changes against the frozen
 * cohort of a published run rather than by rules of thumb. Candidates come from the model itself — each
 * weighted indicator's transform says which values would score more (the next band; the stage's values at
 * higher percentile steps; a qualification not yet held), each bonus item not yet earned, each negative
 * circumstance present — and each is scored with the engine's what-if.
 *
 * <p>Pure: no database, no Spring. The caller supplies the what-if function and the stage's values, so
 * that the same class serves a published run and a unit test's small cohort.
 */
public final class ImprovementAdvisor {

    /** Shares of the stage's present values a percentile candidate aims at (0.5 = the stage's median). */
    static final double[] STEPS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};
    /** How many percentile steps above today count as a modest change, worth suggesting on its own. */
    static final int MODEST_STEPS = 2;
    static final int BEST_SHOWN = 3;
    static final int LIFTS_SHOWN = 3;
    /** How many of the best single changes are tried together when none lifts the tier alone. */
    static final int COMBINED = 3;

    /**
     * One suggestion in plain Chinese with its effect.
     *
     * @param newRank 0 when the changed enterprise would still be ineligible
     * @param newTier null when it would be on no list
     */
    public record Suggestion(String text, String indicatorCode, BigDecimal gain, BigDecimal newTotal, int newRank,
                             Tier newTier, boolean liftsTier) {
    }

    /**
     * @param nextTier the list one step up from today's (null when already 领跑)
     * @param best     the changes that add the most points, one per lever
     * @param lifts    the smallest change per lever that reaches a better list, best first
     */
    public record Advice(BigDecimal total, Tier tier, Tier nextTier, List<Suggestion> best, List<Suggestion> lifts) {

        public Advice {
            best = List.copyOf(best);
            lifts = List.copyOf(lifts);
        }

        public boolean empty() {
            return best.isEmpty() && lifts.isEmpty();
        }
    }

    /** The present values of one indicator among the enterprises of a stage in the run, ascending. */
    @FunctionalInterface
    public interface StageValues {
        double[] sorted(Indicator indicator, Stage stage);
    }

    private final ScoreModel model;
    private final Function<EnterpriseRecord, ScoreCard> whatIf;
    private final StageValues stageValues;

    public ImprovementAdvisor(ScoreModel model, Function<EnterpriseRecord, ScoreCard> whatIf, StageValues stageValues) {
        this.model = model;
        this.whatIf = whatIf;
        this.stageValues = stageValues;
    }

    /** An advisor asking the run's own what-if, with the stage values read from the run's records. */
    public static ImprovementAdvisor against(Evaluation run) {
        ScoreModel model = run.model();
        Map<String, double[]> values = new java.util.concurrent.ConcurrentHashMap<>();
        StageValues stageValues = (ind, stage) -> values.computeIfAbsent(ind.code() + "@" + stage, k -> {
            RecordColumns.Cursor cursor = run.columns().cursor();
            double[] v = new double[run.size()];
            int n = 0;
            for (int i = 0; i < run.size(); i++) {
                if (run.stage(i) == stage) {
                    double x = ind.value().extract(cursor.at(i), model);
                    if (!Double.isNaN(x)) {
                        v[n++] = x;
                    }
                }
            }
            double[] sorted = java.util.Arrays.copyOf(v, n);
            java.util.Arrays.sort(sorted);
            return sorted;
        });
        return new ImprovementAdvisor(model, run::whatIf, stageValues);
    }

    /** @param current the enterprise's explained result in the run (its record is the run's input) */
    public Advice advise(ScoreCard current) {
        Tier next = nextTier(current);
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates(current.record(), current.stage())) {
            ScoreCard card = whatIf.apply(c.apply().apply(current.record()));
            long gain = cents(card.publishedTotal()) - cents(current.publishedTotal());
            // a veto lifted changes no points but brings the enterprise back into the ranking
            if (gain > 0 || card.eligible() && !current.eligible()) {
                scored.add(new Scored(c, card, gain, lifts(current, card)));
            }
        }
        List<Scored> best = onePerLever(scored.stream().filter(s -> s.candidate().modest()).toList(),
                Comparator.comparingLong(Scored::gain).reversed());
        best = best.stream().sorted(Comparator.comparingLong(Scored::gain).reversed()).limit(BEST_SHOWN).toList();

        List<Scored> lifts = onePerLever(scored.stream().filter(Scored::lifts).toList(),
                Comparator.comparingDouble((Scored s) -> s.candidate().effort()));
        lifts = new ArrayList<>(lifts.stream().sorted(Comparator.comparingLong(Scored::gain).reversed())
                .limit(LIFTS_SHOWN).toList());
        if (lifts.isEmpty() && next != null && best.size() > 1) {
            combined(current, best).filter(Scored::lifts).ifPresent(lifts::add);
        }
        return new Advice(current.publishedTotal(), current.tier(), next,
                best.stream().map(s -> suggestion(s, current)).toList(),
                lifts.stream().map(s -> suggestion(s, current)).toList());
    }

    /** Every change the model rewards, for this record in this stage; not yet scored. */
    List<Candidate> candidates(EnterpriseRecord r, Stage stage) {
        Map<String, Candidate> unique = new LinkedHashMap<>();
        for (Indicator ind : model.indicators()) {
            if (ind.weight(stage) <= 0) {
                continue;
            }
            if (ind.transform() instanceof Transform.SetMembers set && ind.value() == ValueKey.QUALIFICATIONS) {
                for (Qualification q : Qualification.values()) {
                    Double worth = set.members().get(q.name());
                    if (worth != null && worth > 0 && !r.has(q)) {
                        add(unique, new Candidate(ind.code(), "Q:" + q.name(), "取得「" + q.label() + "」资质", true, 1,
                                rec -> rec.withQualifications(with(rec.qualifications(), q))));
                    }
                }
                continue;
            }
            Lever lever = Lever.of(ind.value());
            if (lever == null) {
                continue;
            }
            double now = ind.value().extract(r, model);
            List<Double> targets = new ArrayList<>();
            int modest = Integer.MAX_VALUE;
            if (ind.transform() instanceof Transform.Bands bands) {
                bands.bands().stream().map(Transform.Band::atLeast).filter(t -> !(t <= now)).sorted().forEach(targets::add);
            } else if (ind.isPercentile()) {
                targets.addAll(percentileTargets(stageValues.sorted(ind, stage), now));
                modest = MODEST_STEPS;
            }
            for (int k = 0; k < targets.size(); k++) {
                lever.change(ind, r, targets.get(k), k < modest).ifPresent(c -> add(unique, c));
            }
        }
        for (BonusItem b : model.bonusItems()) {
            Lever lever = Lever.of(b.value());
            if (lever != null && lever.denominator() == null && !b.applies(b.value().extract(r, model))) {
                lever.change(b.code(), b.value().label(), r, b.atLeast(), true).ifPresent(c -> add(unique, c));
            }
        }
        for (NegativeItem n : model.negatives()) {
            if (r.has(n.code())) {
                add(unique, new Candidate(n.code().name(), "N:" + n.code().name(), "消除负面情形「" + n.code().label() + "」",
                        true, 1, rec -> rec.withNegatives(without(rec.negatives(), n.code()))));
            }
        }
        return List.copyOf(unique.values());
    }

    /** The stage's values at the {@link #STEPS}, above today's value, nearest first. */
    static List<Double> percentileTargets(double[] sorted, double now) {
        Set<Double> targets = new LinkedHashSet<>();
        int n = sorted.length;
        for (double q : STEPS) {
            if (n == 0) {
                break;
            }
            double t = sorted[Math.max(0, (int) Math.ceil(q * n) - 1)];
            if (t > 0 && !(t <= now)) {
                targets.add(t);
            }
        }
        return List.copyOf(targets);
    }

    private java.util.Optional<Scored> combined(ScoreCard current, List<Scored> parts) {
        List<Scored> used = parts.stream().limit(COMBINED).toList();
        UnaryOperator<EnterpriseRecord> all = rec -> {
            EnterpriseRecord changed = rec;
            for (Scored s : used) {
                changed = s.candidate().apply().apply(changed);
            }
            return changed;
        };
        String phrase = "同时" + used.stream().map(s -> s.candidate().phrase()).collect(Collectors.joining("、"));
        Candidate c = new Candidate("", "COMBINED", phrase, false, used.size(), all);
        ScoreCard card = whatIf.apply(all.apply(current.record()));
        long gain = cents(card.publishedTotal()) - cents(current.publishedTotal());
        return gain > 0 ? java.util.Optional.of(new Scored(c, card, gain, lifts(current, card))) : java.util.Optional.empty();
    }

    private static List<Scored> onePerLever(List<Scored> scored, Comparator<Scored> preferred) {
        Map<String, Scored> byLever = new LinkedHashMap<>();
        for (Scored s : scored) {
            byLever.merge(s.candidate().lever(), s, (a, b) -> preferred.compare(a, b) <= 0 ? a : b);
        }
        return List.copyOf(byLever.values());
    }

    private Suggestion suggestion(Scored s, ScoreCard current) {
        StringBuilder text = new StringBuilder(s.candidate().phrase())
                .append("，预计总分 +").append(BigDecimal.valueOf(s.gain(), 2).toPlainString()).append(" 分");

        ScoreCard card = s.card();
        if (card.eligible() && current.eligible() && card.rank() < current.rank()) {
            text.append("，排名由第 ").append(current.rank()).append(" 名升至第 ").append(card.rank()).append(" 名");
        } else if (card.eligible() && !current.eligible()) {
            text.append("，恢复参加排名（第 ").append(card.rank()).append(" 名）");
        }
        if (s.lifts()) {
            text.append("，可进入").append(card.tier().label()).append("榜");
        }
        return new Suggestion(text.append('。').toString(), s.candidate().code(), BigDecimal.valueOf(s.gain(), 2),
                card.publishedTotal(), card.eligible() ? card.rank() : 0, card.tier(), s.lifts());
    }

    /** A better list than today's: any list when on none (or ineligible), else a higher one. */
    static boolean lifts(ScoreCard current, ScoreCard changed) {
        if (!changed.eligible() || changed.tier() == null) {
            return false;
        }
        return !current.eligible() || current.tier() == null || changed.tier().ordinal() < current.tier().ordinal();
    }

    private Tier nextTier(ScoreCard current) {
        if (!current.eligible() || current.tier() == null) {
            return model.tiers().isEmpty() ? null : model.tiers().get(model.tiers().size() - 1).tier();
        }
        int i = current.tier().ordinal();
        return i == 0 ? null : Tier.values()[i - 1];
    }

    private static void add(Map<String, Candidate> unique, Candidate c) {
        unique.putIfAbsent(c.lever() + "=" + c.effort(), c);
    }

    private static long cents(BigDecimal published) {
        return published.movePointRight(2).longValueExact();
    }

    private static Set<Qualification> with(Set<Qualification> held, Qualification q) {
        Set<Qualification> set = held.isEmpty() ? EnumSet.noneOf(Qualification.class) : EnumSet.copyOf(held);
        set.add(q);
        return set;
    }

    private static Set<Negative> without(Set<Negative> held, Negative n) {
        Set<Negative> set = held.isEmpty() ? EnumSet.noneOf(Negative.class) : EnumSet.copyOf(held);
        set.remove(n);
        return set;
    }

    /**
     * One change to try.
     *
     * @param code   the indicator, bonus item or negative it is about
     * @param lever  what is changed (an input field, a qualification, a negative): suggestions show one per lever
     * @param modest small enough to suggest on its own (the nearest percentile steps; every band, set member…)
     * @param effort size of the change relative to today, to pick the smallest of a lever's changes
     */
    record Candidate(String code, String lever, String phrase, boolean modest, double effort,
                     UnaryOperator<EnterpriseRecord> apply) {
    }

    private record Scored(Candidate candidate, ScoreCard card, long gain, boolean lifts) {
    }

    /**
     * The input field a value moves with (spec §2): the field itself, or the numerator of a ratio. Revenue
     * is no lever — it decides the stage and is the denominator of two ratios — nor are the employees, the
     * denominator of the R&D staff ratio, nor derived values without one field behind them.
     */
    record Lever(InputField field, InputField denominator) {

        static Lever of(ValueKey key) {
            return switch (key) {
                case RD_INTENSITY -> new Lever(InputField.RD_EXPENSE, InputField.REVENUE_Y0);
                case RD_STAFF_RATIO -> new Lever(InputField.RD_STAFF, InputField.EMPLOYEES);
                case HITECH_RATIO -> new Lever(InputField.HITECH_REVENUE, InputField.REVENUE_Y0);
                case REVENUE_Y0, REVENUE_Y1, REVENUE_Y2, REVENUE_GROWTH, EMPLOYEES, KEY_INDUSTRY, QUALIFICATIONS,
                     NEGATIVES -> null;
                default -> key.field() == null ? null : new Lever(key.field(), null);
            };
        }

        java.util.Optional<Candidate> change(Indicator ind, EnterpriseRecord r, double target, boolean modest) {
            return change(ind.code(), ind.value().label(), r, target, modest);
        }

        /** The change that brings the value to at least {@code target}; empty when the rules forbid it. */
        java.util.Optional<Candidate> change(String code, String valueLabel, EnterpriseRecord r, double target,
                                             boolean modest) {
            double base = denominator == null ? 1 : r.value(denominator);
            if (Double.isNaN(base) || base <= 0) {
                return java.util.Optional.empty();
            }
            double from = r.value(field);
            double start = Double.isNaN(from) ? 0 : from;
            double to = start + roundUp(target * base - start);
            if (!(to > start) || to > ceiling(r)) {
                return java.util.Optional.empty();
            }
            String phrase = phrase(valueLabel, r, from, to);
            double effort = (to - start) / Math.max(1, start);
            return java.util.Optional.of(new Candidate(code, field.key(), phrase, modest, effort,
                    rec -> rec.with(field, to)));
        }

        /** Counts in whole units; amounts in round figures (the last significant digits don't matter to advice). */
        private double roundUp(double delta) {
            if (field.kind() == InputField.Kind.COUNT || field.kind() == InputField.Kind.FLAG) {
                return Math.ceil(delta - 1e-9);
            }
            double step = delta >= 1000 ? 100 : delta >= 100 ? 10 : delta >= 10 ? 1 : 0.1;
            return Math.ceil(delta / step - 1e-9) * step;
        }

        /** What the spec's rules allow: R&D staff within employees, high-tech revenue within revenue, flags ≤ 1. */
        private double ceiling(EnterpriseRecord r) {
            return switch (field) {
                case RD_STAFF -> r.value(InputField.EMPLOYEES);
                case HITECH_REVENUE -> r.value(InputField.REVENUE_Y0);
                default -> field.kind() == InputField.Kind.FLAG ? 1 : Double.MAX_VALUE;
            };
        }

        private String phrase(String valueLabel, EnterpriseRecord r, double from, double to) {
            String unit = RecordField.forColumn(field.key()).unit();
            if (field.kind() == InputField.Kind.FLAG) {
                return "实现「" + field.label() + "」";
            }
            boolean none = Double.isNaN(from) || from == 0;
            String amount = none ? field.label() + "达到 " + number(to) + " " + unit
                    : field.label() + "增加 " + number(to - from) + " " + unit;
            if (denominator != null) {
                double base = r.value(denominator);
                return amount + "（" + valueLabel + (Double.isNaN(from) ? "达到 " : "由 " + percent(from / base) + " 提高到 ")
                        + percent(to / base) + "）";
            }
            return none ? amount : amount + "（达到 " + number(to) + " " + unit + "）";
        }
    }

    static String number(double v) {
        DecimalFormat f = new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT));
        f.setRoundingMode(RoundingMode.HALF_UP);
        return f.format(v);
    }

    static String percent(double ratio) {
        return BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
