package cn.gov.panyu.points.platform.portal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import cn.gov.panyu.points.platform.table.DecimalPattern;

/**
 * 提升建议: what an enterprise could change to score more, found by trying changes against the frozen
 * cohort of a published run rather than by rules of thumb. Candidates come from the model itself — each
 * weighted indicator's transform says which values would score more (the next band; the stage's values at
 * higher percentile steps; a qualification not yet held), each bonus item not yet earned, each negative
 * circumstance present — and each is scored with the engine's what-if.
 *
 * <p>Advice must be something the firm can act on, so each change is weighed against the firm's size
 * ({@link #effort}): an amount against its yearly revenue, R&D staff against its employees, other counts
 * against its headcount. A change out of proportion (an 18,500 万元 equity round for a firm with 6,245 万元
 * of revenue) is no advice and is dropped, however many points it would bring; the rest are ranked by the
 * points they bring per unit of that effort ({@link #MIN_EFFORT} at least: a step of 0.4 万元 in tax paid is
 * no cheaper to plan than one of 40 万元), and at most {@link #SHOWN} are shown, one sentence each.
 *
 * <p>Pure: no database, no Spring. The caller supplies the what-if function and the stage's values, so
 * that the same class serves a published run and a unit test's small cohort.
 */
public final class ImprovementAdvisor {

    /** Shares of the stage's present values a percentile candidate aims at (0.5 = the stage's median). */
    static final double[] STEPS = {0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.0};
    static final int SHOWN = 3;
    /**
     * The largest change worth suggesting, relative to the firm's size: half a year's revenue in new spending
     * or funding, half its staff again as R&D staff. Beyond that a suggestion reads as a different firm.
     */
    static final double MAX_EFFORT = 0.5;
    /** Staff per patent, award, standard or project a year that a firm can be expected to manage. */
    static final double STAFF_PER_ITEM = 10;
    /** At least this many such items count as within reach of even the smallest firm. */
    static final double MIN_ITEMS = 2;
    /** Any change takes some doing: the effort a change is ranked with is never below this. */
    static final double MIN_EFFORT = 0.05;
    /** Obtaining a qualification: a year's application work, whatever the firm's size. */
    static final double QUALIFICATION_EFFORT = 0.25;
    /** Clearing a negative circumstance: mostly paperwork with the authority that recorded it. */
    static final double NEGATIVE_EFFORT = 0.1;

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
     * @param nextTier    the list one step up from today's (null when already 领跑)
     * @param suggestions at most {@link #SHOWN} changes in proportion to the firm, one per lever, easiest first
     */
    public record Advice(BigDecimal total, Tier tier, Tier nextTier, List<Suggestion> suggestions) {

        public Advice {
            suggestions = List.copyOf(suggestions);
        }

        public boolean empty() {
            return suggestions.isEmpty();
        }

        /** Whether any suggestion reaches a better list. */
        public boolean lifts() {
            return suggestions.stream().anyMatch(Suggestion::liftsTier);
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
        List<Scored> scored = new ArrayList<>();
        for (Candidate c : candidates(current.record(), current.stage())) {
            if (!(c.effort() <= MAX_EFFORT)) {
                continue; // out of proportion to the firm: not advice, however many points it brings
            }
            ScoreCard card = whatIf.apply(c.apply().apply(current.record()));
            long gain = cents(card.publishedTotal()) - cents(current.publishedTotal());
            // a veto lifted changes no points but brings the enterprise back into the ranking
            if (gain > 0 || card.eligible() && !current.eligible()) {
                scored.add(new Scored(c, card, gain, lifts(current, card)));
            }
        }
        // per lever and across levers: back into the ranking first (for a vetoed firm nothing else counts), then
        // the most points for the effort, then the list reached, then the points
        Comparator<Scored> worthwhile = Comparator.comparing((Scored s) -> s.card().eligible(), Comparator.reverseOrder())
                .thenComparingDouble(s -> -worth(s.gain(), s.candidate().effort()))
                .thenComparing(Scored::lifts, Comparator.reverseOrder())
                .thenComparing(Comparator.comparingLong(Scored::gain).reversed());
        Map<String, Scored> byLever = new LinkedHashMap<>();
        for (Scored s : scored) {
            byLever.merge(s.candidate().lever(), s, (a, b) -> worthwhile.compare(a, b) <= 0 ? a : b);
        }
        List<Suggestion> shown = byLever.values().stream().sorted(worthwhile).limit(SHOWN)
                .map(s -> suggestion(s, current)).toList();
        return new Advice(current.publishedTotal(), current.tier(), nextTier(current), shown);
    }

    /** Points (in cents) per unit of effort relative to the firm's size; a lifted veto without points counts as one. */
    static double worth(long gainCents, double effort) {
        return Math.max(gainCents, 1) / Math.max(MIN_EFFORT, effort);
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
                        add(unique, new Candidate(ind.code(), "Q:" + q.name(), "取得「" + q.label() + "」资质", QUALIFICATION_EFFORT,
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
            if (ind.transform() instanceof Transform.Bands bands) {
                bands.bands().stream().map(Transform.Band::atLeast).filter(t -> !(t <= now)).sorted().forEach(targets::add);
            } else if (ind.isPercentile()) {
                targets.addAll(percentileTargets(stageValues.sorted(ind, stage), now));
            }
            for (double target : targets) {
                lever.change(ind, r, target).ifPresent(c -> add(unique, c));
            }
        }
        for (BonusItem b : model.bonusItems()) {
            Lever lever = Lever.of(b.value());
            if (lever != null && lever.denominator() == null && !b.applies(b.value().extract(r, model))) {
                lever.change(b.code(), b.value().label(), r, b.atLeast()).ifPresent(c -> add(unique, c));
            }
        }
        for (NegativeItem n : model.negatives()) {
            if (r.has(n.code())) {
                add(unique, new Candidate(n.code().name(), "N:" + n.code().name(), "消除负面情形「" + n.code().label() + "」",
                        NEGATIVE_EFFORT, rec -> rec.withNegatives(without(rec.negatives(), n.code()))));
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
     * @param effort size of the change relative to the firm's size ({@link #effort}); above {@link #MAX_EFFORT}
     *               it is out of proportion
     */
    record Candidate(String code, String lever, String phrase, double effort,
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

        java.util.Optional<Candidate> change(Indicator ind, EnterpriseRecord r, double target) {
            return change(ind.code(), ind.value().label(), r, target);
        }

        /** The change that brings the value to at least {@code target}; empty when the rules forbid it. */
        java.util.Optional<Candidate> change(String code, String valueLabel, EnterpriseRecord r, double target) {
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
            return java.util.Optional.of(new Candidate(code, field.key(), phrase, effort(field, to - start, r),
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

    /**
     * How big an increase of {@code delta} in {@code field} is for this firm: amounts as a share of its
     * yearly revenue, R&D staff as a share of its employees, other counts (patents, awards, standards,
     * projects…) against what its headcount can produce ({@link #STAFF_PER_ITEM}, at least
     * {@link #MIN_ITEMS}). Infinite when the firm's size is unknown, so that nothing is advised blind.
     */
    static double effort(InputField field, double delta, EnterpriseRecord r) {
        double revenue = r.value(InputField.REVENUE_Y0);
        double employees = r.value(InputField.EMPLOYEES);
        if (field.kind().amount()) {
            return revenue > 0 ? delta / revenue : Double.POSITIVE_INFINITY;
        }
        if (field == InputField.RD_STAFF) {
            return employees > 0 ? delta / employees : Double.POSITIVE_INFINITY;
        }
        if (field.kind() == InputField.Kind.FLAG) {
            return QUALIFICATION_EFFORT; // a contest prize: like a qualification, a matter of applying
        }
        double reach = Double.isNaN(employees) ? MIN_ITEMS : Math.max(MIN_ITEMS, employees / STAFF_PER_ITEM);
        return delta / reach * MAX_EFFORT;
    }

    private static final DecimalPattern NUMBER = DecimalPattern.of("#,##0.##", RoundingMode.HALF_UP);

    static String number(double v) {
        return NUMBER.format(v);
    }

    static String percent(double ratio) {
        return BigDecimal.valueOf(ratio * 100).setScale(1, RoundingMode.HALF_UP).toPlainString() + "%";
    }
}
