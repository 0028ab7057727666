package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;
import cn.gov.panyu.points.engine.scoring.Scorer;
import cn.gov.panyu.points.engine.scoring.reference.RandomCohorts.Shape;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsReport;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import static org.assertj.core.api.Assertions.fail;

/**
 * The fast scorer against the spec-literal {@link ReferenceScorer}: on random cohorts every published
 * number (each indicator's points, core, bonus, deduction, total), the stage, eligibility, rank and tier
 * of every enterprise must agree.
 *
 * <p>Sizes run from a single enterprise to 20,000, so that the radix sorts of ranks and percentiles run
 * every pass over well-filled buckets; tries fall as sizes grow, which keeps the class at about ten
 * seconds on two busy cores. The cohorts lean on ties (small value pools, twins), missing values, zero
 * revenue, stage limits, qualifications, vetoes and deductions (see {@link RandomCohorts}); one property
 * draws a random model as well (see {@link ModelVariants}). A failure lists the first disagreements with
 * the inputs of the enterprises involved, and jqwik shrinks the cohort's size and shape.
 */
@StatisticsReport(StatisticsReport.StatisticsReportMode.OFF) // the coverage checks below speak up when needed
class ReferenceScorerOracleTests {

    private static final ScoreModel DEFAULT_MODEL = ModelLoader.defaultModel();
    /** How many disagreements a failure lists: the first few say enough. */
    private static final int SHOWN = 8;

    @Property(tries = 600)
    void tinyCohortsAgree(@ForAll("tinyCohorts") Shape shape) {
        assertAgreement(DEFAULT_MODEL, shape, "");
        coverage("tied ranks", 20);
    }

    @Property(tries = 60)
    void mediumCohortsAgree(@ForAll("mediumCohorts") Shape shape) {
        assertAgreement(DEFAULT_MODEL, shape, "");
        // the cohorts must keep reaching what the spec is careful about, whatever becomes of the generator
        // (thresholds at about half of what the generator reaches, so that chance alone never trips them)
        coverage("size over 1,500", 20);
        coverage("tied ranks", 50);
        coverage("all three stages", 25);
        coverage("zero revenue", 20);
        coverage("vetoed", 25);
        coverage("deducted", 25);
        coverage("total floored at 0", 10);
        coverage("tiers", 80);
    }

    @Property(tries = 6)
    void largeCohortsAgree(@ForAll("largeCohorts") Shape shape) {
        assertAgreement(DEFAULT_MODEL, shape, "");
    }

    @Property(tries = 200)
    void cohortsAgreeUnderRandomModels(@ForAll long modelSeed, @ForAll("variantCohorts") Shape shape) {
        String yaml = ModelVariants.yaml(modelSeed);
        assertAgreement(ModelVariants.model(yaml), shape, "\nmodel:\n" + yaml);
    }

    @Provide
    Arbitrary<Shape> tinyCohorts() {
        return shapes(1, 40);
    }

    @Provide
    Arbitrary<Shape> mediumCohorts() {
        return shapes(41, 3_000);
    }

    @Provide
    Arbitrary<Shape> largeCohorts() {
        return shapes(10_000, 20_000);
    }

    @Provide
    Arbitrary<Shape> variantCohorts() {
        return shapes(1, 1_500);
    }

    private static Arbitrary<Shape> shapes(int minSize, int maxSize) {
        Arbitrary<Integer> size = Arbitraries.integers().between(minSize, maxSize)
                .withDistribution(RandomDistribution.uniform());
        // mostly small pools: ties are where ranks and percentiles go wrong
        Arbitrary<Integer> distinct = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(1, 6)),
                Tuple.of(3, Arbitraries.integers().between(7, 60)),
                Tuple.of(2, Arbitraries.integers().between(61, 5_000)));
        Arbitrary<Integer> missing = Arbitraries.of(0, 5, 30, 70, 100);
        Arbitrary<Integer> qualifications = Arbitraries.of(0, 15, 50, 100);
        Arbitrary<Integer> negatives = Arbitraries.of(0, 3, 15, 50);
        Arbitrary<Integer> twins = Arbitraries.of(0, 5, 30);
        return Combinators.combine(size, Arbitraries.longs(), distinct, missing, qualifications, negatives, twins)
                .as(Shape::new);
    }

    // ---- the comparison -----------------------------------------------------------------------------

    private static void assertAgreement(ScoreModel model, Shape shape, String context) {
        List<EnterpriseRecord> records = RandomCohorts.cohort(shape, model);
        List<ReferenceResult> expected = ReferenceScorer.score(model, records);
        Evaluation actual = Scorer.score(model, records);
        collectFeatures(records, expected);

        List<String> disagreements = new ArrayList<>();
        Set<Integer> involved = new LinkedHashSet<>();
        for (int i = 0; i < records.size(); i++) {
            int before = disagreements.size();
            compare(model, expected.get(i), actual, i, disagreements);
            if (disagreements.size() > before) {
                involved.add(i);
            }
        }
        if (!disagreements.isEmpty()) {
            StringBuilder message = new StringBuilder();
            message.append(disagreements.size()).append(" disagreements in ").append(shape).append(" (")
                    .append(records.size()).append(" enterprises), the first:\n");
            disagreements.stream().limit(SHOWN).forEach(d -> message.append("  ").append(d).append('\n'));
            message.append("enterprises involved:\n");
            involved.stream().limit(SHOWN).forEach(i -> message.append("  ").append(describe(records.get(i))).append('\n'));
            fail(message + context);
        }
    }

    /** What a cohort exercised, for the coverage checks. */
    private static void collectFeatures(List<EnterpriseRecord> records, List<ReferenceResult> results) {
        Statistics.label("size over 1,500").collect(records.size() > 1_500);
        Statistics.label("tied ranks").collect(results.stream().filter(r -> r.rank() != null)
                .map(r -> r.stage() + "#" + r.rank()).distinct().count()
                < results.stream().filter(r -> r.rank() != null).count());
        Statistics.label("all three stages").collect(results.stream().map(ReferenceResult::stage).distinct().count() == 3);
        Statistics.label("zero revenue").collect(records.stream().anyMatch(r -> r.value(InputField.REVENUE_Y0) == 0));
        Statistics.label("vetoed").collect(results.stream().anyMatch(r -> !r.eligible()));
        Statistics.label("deducted").collect(results.stream().anyMatch(r -> r.deduction().signum() > 0));
        Statistics.label("total floored at 0").collect(results.stream()
                .anyMatch(r -> r.total().signum() == 0 && r.deduction().signum() > 0));
        Statistics.label("tiers").collect(results.stream().anyMatch(r -> r.tier() != null));
    }

    private static void coverage(String feature, double atLeastPercent) {
        Statistics.label(feature).coverage(c -> c.check(true).percentage(p -> p >= atLeastPercent));
    }

    /** Every published field of enterprise i: "uscc field: reference X, fast Y" for each that differs. */
    private static void compare(ScoreModel model, ReferenceResult want, Evaluation got, int i, List<String> out) {
        String who = want.uscc() + " (" + want.stage() + ") ";
        if (!got.record(i).uscc().equals(want.uscc())) {
            out.add(who + "is not row " + i + " of the evaluation");
            return;
        }
        same(out, who + "stage", want.stage(), got.stage(i));
        List<Indicator> indicators = model.indicators();
        for (int j = 0; j < indicators.size(); j++) {
            String code = indicators.get(j).code();
            same(out, who + code, want.points().get(code), published(got.points(i, j)));
        }
        same(out, who + "core", want.core(), published(got.core(i)));
        same(out, who + "bonus", want.bonus(), published(got.bonus(i)));
        same(out, who + "deduction", want.deduction(), published(got.deduction(i)));
        same(out, who + "total", want.total(), Rounding.decimal(got.totalCents(i)));
        same(out, who + "eligible", want.eligible(), got.eligible(i));
        same(out, who + "rank", want.rank(), got.eligible(i) ? Integer.valueOf(got.rank(i)) : null);
        same(out, who + "tier", want.tier(), got.tier(i));
    }

    /**
     * The fast path's published form of one of its unrounded numbers: its own rounding rule, so that a
     * fault there shows up as a disagreement too.
     */
    private static BigDecimal published(double unrounded) {
        return Rounding.decimal(Rounding.cents(unrounded));
    }

    private static void same(List<String> out, String what, Object reference, Object fast) {
        boolean equal = reference instanceof BigDecimal r && fast instanceof BigDecimal f
                ? r.compareTo(f) == 0
                : Objects.equals(reference, fast);
        if (!equal) {
            out.add(what + ": reference " + reference + ", fast " + fast);
        }
    }

    /** A record's inputs, missing fields left out: enough to rebuild it by hand. */
    private static String describe(EnterpriseRecord r) {
        StringBuilder sb = new StringBuilder(r.uscc()).append(" industry=").append(r.industry());
        for (InputField f : InputField.numericFields()) {
            if (!r.isMissing(f)) {
                sb.append(' ').append(f.key()).append('=').append(r.value(f));
            }
        }
        return sb.append(" qualifications=").append(r.qualifications()).append(" negatives=").append(r.negatives())
                .toString();
    }
}
