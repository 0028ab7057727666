package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;

/** The invariants of spec §4–§6, over random cohorts with many ties, zeros and missing values. */
class ScorerPropertyTests {

    private static final ScoreModel MODEL = ScorerTests.MODEL;

    @Property(tries = 200)
    void pointsStayWithinZeroAndTheWeight(@ForAll("cohorts") List<EnterpriseRecord> firms) {
        Evaluation e = Scorer.score(MODEL, firms);
        for (int i = 0; i < e.size(); i++) {
            for (int j = 0; j < MODEL.indicators().size(); j++) {
                double w = MODEL.indicators().get(j).weight(e.stage(i));
                assertThat(e.points(i, j)).isBetween(0.0, w);
            }
            assertThat(e.total(i)).isGreaterThanOrEqualTo(0.0);
            assertThat(e.bonus(i)).isBetween(0.0, MODEL.bonusCap());
        }
    }

    @Property(tries = 200)
    void permutingTheRowsChangesNothing(@ForAll("cohorts") List<EnterpriseRecord> firms, @ForAll long seed) {
        Evaluation e = Scorer.score(MODEL, firms);
        List<EnterpriseRecord> shuffled = new ArrayList<>(firms);
        Collections.shuffle(shuffled, new Random(seed));
        Evaluation p = Scorer.score(MODEL, shuffled);
        for (int i = 0; i < e.size(); i++) {
            int k = p.indexOf(e.record(i).uscc()).orElseThrow();
            assertThat(p.total(k)).isEqualTo(e.total(i));
            assertThat(p.rank(k)).isEqualTo(e.rank(i));
            assertThat(p.tier(k)).isEqualTo(e.tier(i));
            for (int j = 0; j < MODEL.indicators().size(); j++) {
                assertThat(p.points(k, j)).isEqualTo(e.points(i, j));
            }
        }
    }

    @Property(tries = 300)
    void raisingOneValueNeverLowersItsOwnPointsForThatIndicator(
            @ForAll("cohorts") List<EnterpriseRecord> firms, @ForAll @IntRange(min = 0, max = 1000) int pick,
            @ForAll("scoredFields") InputField field, @ForAll @IntRange(min = 1, max = 50) int raise) {
        int i = pick % firms.size();
        EnterpriseRecord before = firms.get(i);
        double old = before.value(field);
        double raised = (Double.isNaN(old) ? 0 : old) + raise;
        if (field == InputField.REVENUE_Y0) {
            return; // revenue moves the stage and every ratio: not a single-indicator change
        }
        List<EnterpriseRecord> changed = new ArrayList<>(firms);
        changed.set(i, before.with(field, raised));
        Evaluation a = Scorer.score(MODEL, firms);
        Evaluation b = Scorer.score(MODEL, changed);
        for (int j = 0; j < MODEL.indicators().size(); j++) {
            Indicator ind = MODEL.indicators().get(j);
            if (ind.value().field() == field) {
                assertThat(b.points(i, j)).as(ind.code()).isGreaterThanOrEqualTo(a.points(i, j));
            }
        }
    }

    @Property(tries = 200)
    void reweighingUnitFractionsEqualsScoringAgainBitForBit(@ForAll("cohorts") List<EnterpriseRecord> firms,
                                                             @ForAll long seed) {
        Evaluation unit = Scorer.score(withWeights(MODEL, (j, s) -> 1.0), firms);
        Random random = new Random(seed);
        double[][] drawn = new double[MODEL.indicators().size()][3];
        for (double[] w : drawn) {
            for (int s = 0; s < w.length; s++) {
                w[s] = random.nextInt(4) == 0 ? 0 : random.nextInt(20000) / 100.0; // zeros and 2-dp weights
            }
        }
        ScoreModel other = withWeights(MODEL, (j, s) -> drawn[j][s]);
        Evaluation expected = Scorer.score(other, firms);
        Evaluation actual = Scorer.reweighted(unit, other);
        for (int i = 0; i < expected.size(); i++) {
            for (int j = 0; j < MODEL.indicators().size(); j++) {
                assertThat(actual.points(i, j)).isEqualTo(expected.points(i, j));
            }
            assertThat(actual.total(i)).isEqualTo(expected.total(i));
            assertThat(actual.rank(i)).isEqualTo(expected.rank(i));
            assertThat(actual.tier(i)).isEqualTo(expected.tier(i));
        }
    }

    /** The model with weight(indicator index, stage ordinal) as its weights. */
    private static ScoreModel withWeights(ScoreModel m, java.util.function.BiFunction<Integer, Integer, Double> weight) {
        List<Indicator> indicators = new ArrayList<>();
        for (int j = 0; j < m.indicators().size(); j++) {
            Indicator i = m.indicators().get(j);
            indicators.add(new Indicator(i.code(), i.category(), i.name(), i.value(), i.transform(),
                    new double[]{weight.apply(j, 0), weight.apply(j, 1), weight.apply(j, 2)}));
        }
        return new ScoreModel(m.id(), m.version(), m.name(), m.description(), m.district(), m.towns(), m.keyIndustries(),
                m.growthFrom(), m.matureFrom(), m.coreTotal(), indicators, m.bonusCap(), m.bonusItems(), m.negatives(),
                m.tiers());
    }

    @Provide
    Arbitrary<InputField> scoredFields() {
        return Arbitraries.of(InputField.RD_EXPENSE, InputField.RD_STAFF, InputField.IP_CLASS1, InputField.IP_CLASS2,
                InputField.TECH_CONTRACT, InputField.NET_PROFIT, InputField.TAX_PAID, InputField.EQUITY_FINANCING_3Y,
                InputField.RD_PLATFORMS, InputField.AWARDS_5Y, InputField.STANDARDS_5Y, InputField.PROJECTS_3Y);
    }

    @Provide
    Arbitrary<List<EnterpriseRecord>> cohorts() {
        return firm().list().ofMinSize(1).ofMaxSize(60).map(makers -> {
            List<EnterpriseRecord> firms = new ArrayList<>();
            for (int k = 0; k < makers.size(); k++) {
                firms.add(makers.get(k).apply("U" + k));
            }
            return firms;
        });
    }

    /** Small value ranges on purpose: ties, zeros and missing values are where ranking bugs live. */
    private Arbitrary<Function<String, EnterpriseRecord>> firm() {
        Arbitrary<Double> revenue = Arbitraries.of(0.0, 100.0, 499.99, 500.0, 800.0, 9999.0, 10000.0, 25000.0);
        Arbitrary<Double> amount = Arbitraries.of(Double.NaN, 0.0, 1.0, 2.5, 2.5, 7.0, 40.0);
        Arbitrary<Double> signed = Arbitraries.of(Double.NaN, -10.0, 0.0, 3.0, 3.0, 12.0);
        Arbitrary<Double> count = Arbitraries.of(Double.NaN, 0.0, 1.0, 1.0, 2.0, 3.0, 5.0);
        // qualification bits in the low byte, negative bits (a third of firms have some) above
        Arbitrary<Integer> sets = Combinators.combine(Arbitraries.integers().between(0, 31),
                Arbitraries.integers().between(0, 15).map(n -> n % 3 == 0 ? n : 0)).as((q, n) -> q | n << 8);
        return Combinators.combine(revenue, amount, amount, count, count, signed, amount, sets)
                .as((rev, rd, tax, staff, ip, profit, y1, bits) -> id -> {
                    EnterpriseRecord.Builder b = EnterpriseRecord.builder(id).name("企业" + id).town("市桥街道")
                            .industry("C36").established(LocalDate.of(2010, 1, 1));
                    b.set(InputField.REVENUE_Y0, rev).set(InputField.RD_EXPENSE, rd).set(InputField.TAX_PAID, tax)
                            .set(InputField.EMPLOYEES, 10).set(InputField.RD_STAFF, staff).set(InputField.IP_CLASS1, ip)
                            .set(InputField.IP_CLASS2, ip).set(InputField.NET_PROFIT, profit)
                            .set(InputField.REVENUE_Y1, y1).set(InputField.RD_PLATFORMS, staff)
                            .set(InputField.STANDARDS_5Y, ip).set(InputField.TECH_CONTRACT, tax);
                    for (Qualification q : Qualification.values()) {
                        if ((bits & (1 << q.ordinal())) != 0) {
                            b.qualification(q);
                        }
                    }
                    for (Negative n : Negative.values()) {
                        if ((bits & (1 << (8 + n.ordinal()))) != 0) {
                            b.negative(n);
                        }
                    }
                    return b.build();
                });
    }
}
