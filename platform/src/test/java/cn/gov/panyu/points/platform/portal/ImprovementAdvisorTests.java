package cn.gov.panyu.points.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.ScoreCard;
import cn.gov.panyu.points.engine.scoring.Scorer;
import cn.gov.panyu.points.platform.portal.ImprovementAdvisor.Advice;
import cn.gov.panyu.points.platform.portal.ImprovementAdvisor.Candidate;
import cn.gov.panyu.points.platform.portal.ImprovementAdvisor.Suggestion;

class ImprovementAdvisorTests {

    private static final ScoreModel MODEL = ModelLoader.defaultModel();
    private static final List<EnterpriseRecord> DISTRICT = new SyntheticDistrict(4_711, 2025).records(600);
    private static final Evaluation RUN = Scorer.score(MODEL, DISTRICT);
    private final ImprovementAdvisor advisor = ImprovementAdvisor.against(RUN);

    @Test
    void percentileTargetsAreTheStagesValuesAtHigherStepsNearestFirst() {
        double[] sorted = {-5, 0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10};

        assertThat(ImprovementAdvisor.percentileTargets(sorted, 4)).containsExactly(6.0, 7.0, 8.0, 9.0, 10.0);
        assertThat(ImprovementAdvisor.percentileTargets(sorted, Double.NaN)).first().isEqualTo(4.0);
        assertThat(ImprovementAdvisor.percentileTargets(sorted, 10)).isEmpty();
        assertThat(ImprovementAdvisor.percentileTargets(new double[] {-3, 0, 0}, 0)).as("non-positive never scores").isEmpty();
        assertThat(ImprovementAdvisor.percentileTargets(new double[0], 1)).isEmpty();
    }

    @Test
    void lowResearchSpendGetsAnRAndDSuggestionNamingBothAmountAndIntensity() {
        ScoreCard card = RUN.card(firstWhere(i -> RUN.card(i).indicator("T2").fraction() < 0.4
                && RUN.card(i).indicator("T2").fraction() > 0 && RUN.eligible(i)));

        List<Candidate> candidates = advisor.candidates(card.record(), card.stage());
        Advice advice = advisor.advise(card);

        assertThat(candidates).extracting(Candidate::phrase).anySatisfy(t -> assertThat(t)
                .matches("研发费用增加 [0-9,.]+ 万元（研发投入强度由 [0-9.]+% 提高到 [0-9.]+%）"));
        assertThat(advice.suggestions()).isNotEmpty().hasSizeLessThanOrEqualTo(ImprovementAdvisor.SHOWN)
                .allSatisfy(s -> assertThat(s.text()).matches(".+，预计总分 \\+[0-9]+\\.[0-9]{2} 分.*。"));
    }

    @Test
    void everySuggestedGainIsWhatTheEnginesWhatIfSays() {
        for (int i : sample()) {
            ScoreCard card = RUN.card(i);
            for (Candidate c : advisor.candidates(card.record(), card.stage())) {
                ScoreCard changed = RUN.whatIf(c.apply().apply(card.record()));
                assertThat(changed.stage()).as("no candidate moves the enterprise to another stage").isEqualTo(card.stage());
                EnterpriseRecord r = c.apply().apply(card.record());
                assertThat(r.value(InputField.REVENUE_Y0)).isEqualTo(card.record().value(InputField.REVENUE_Y0));
                if (!Double.isNaN(r.value(InputField.RD_STAFF))) {
                    assertThat(r.value(InputField.RD_STAFF)).isLessThanOrEqualTo(r.value(InputField.EMPLOYEES));
                }
            }
            Advice advice = advisor.advise(card);
            assertThat(advice.suggestions()).hasSizeLessThanOrEqualTo(ImprovementAdvisor.SHOWN).allSatisfy(s -> {
                assertThat(s.gain().signum() > 0 || card.eligible() != (s.newRank() > 0)).isTrue();
                assertThat(s.newTotal()).isEqualByComparingTo(card.publishedTotal().add(s.gain()));
                assertThat(s.text()).as("one sentence").endsWith("。");
                assertThat(s.text().substring(0, s.text().length() - 1)).doesNotContain("。", "；");
            });
        }
    }

    @Test
    void anEnterpriseOnNoListIsShownWhatLiftsItOntoOne() {
        int i = firstWhere(k -> RUN.eligible(k) && RUN.tier(k) == null
                && RUN.rank(k) <= (RUN.eligibleCount(RUN.stage(k)) * 25 + 99) / 100);
        ScoreCard card = RUN.card(i);

        Advice advice = advisor.advise(card);

        assertThat(advice.nextTier()).isEqualTo(Tier.RISE);
        assertThat(advice.lifts()).isTrue();
        assertThat(advice.suggestions()).filteredOn(Suggestion::liftsTier).isNotEmpty().allSatisfy(s -> {
            assertThat(s.newTier()).isNotNull();
            assertThat(s.text()).contains("可进入" + s.newTier().label() + "榜");
        });
    }

    @Test
    void aLeaderHasNoNextListToReach() {
        ScoreCard card = RUN.card(firstWhere(k -> RUN.tier(k) == Tier.LEAD));

        Advice advice = advisor.advise(card);

        assertThat(advice.nextTier()).isNull();
        assertThat(advice.lifts()).isFalse();
    }

    @Test
    void aDeductionIsAdvisedAwayAndAVetoLiftsTheEnterpriseBackIntoTheRanking() {
        EnterpriseRecord base = RUN.record(firstWhere(k -> RUN.eligible(k) && RUN.tier(k) != null));
        ScoreCard deducted = RUN.whatIf(base.withNegatives(EnumSet.of(Negative.ABNORMAL)));
        ScoreCard vetoed = RUN.whatIf(base.withNegatives(EnumSet.of(Negative.DISHONEST)));

        assertThat(advisor.advise(deducted).suggestions()).extracting(Suggestion::text)
                .anySatisfy(t -> assertThat(t).startsWith("消除负面情形「" + Negative.ABNORMAL.label() + "」，预计总分 +"));
        Advice back = advisor.advise(vetoed);
        assertThat(back.suggestions()).extracting(Suggestion::text)
                .anySatisfy(t -> assertThat(t).contains("消除负面情形「" + Negative.DISHONEST.label() + "」").contains("恢复参加排名"));
    }

    @Test
    void aMissingDenominatorGivesNoRatioCandidateAndNothingIsSuggestedTwice() {
        EnterpriseRecord r = RUN.record(firstWhere(k -> RUN.eligible(k)));
        EnterpriseRecord noRevenue = r.with(InputField.REVENUE_Y0, 0);

        List<Candidate> candidates = advisor.candidates(noRevenue, RUN.stage(RUN.indexOf(r.uscc()).orElseThrow()));

        assertThat(candidates).noneMatch(c -> c.phrase().contains("研发投入强度由"));
        assertThat(candidates).extracting(c -> c.lever() + c.effort()).doesNotHaveDuplicates();
    }

    /**
     * The example: a firm with 6,245 万元 of revenue was told to raise an 18,500 万元 equity round.
     * The stage's equity values are made that large here, so the candidate exists and would score.
     */
    @Test
    void anEquityRoundOutOfProportionToTheFirmsRevenueIsNotAdvised() {
        EnterpriseRecord base = RUN.record(firstWhere(k -> RUN.eligible(k) && RUN.tier(k) == null
                && !(RUN.record(k).value(InputField.EQUITY_FINANCING_3Y) > 0)));
        EnterpriseRecord firm = base.with(InputField.REVENUE_Y0, 6_245);
        ImprovementAdvisor bigRounds = new ImprovementAdvisor(MODEL, RUN::whatIf, (ind, stage) ->
                ind.value().field() == InputField.EQUITY_FINANCING_3Y ? new double[] {18_500, 18_500, 18_500}
                        : new double[0]);
        ScoreCard card = RUN.whatIf(firm);

        List<Candidate> candidates = bigRounds.candidates(firm, card.stage());
        Candidate equity = candidates.stream().filter(c -> c.phrase().contains("18,500 万元")).findFirst().orElseThrow();
        assertThat(equity.phrase()).startsWith("近三年股权融资额达到 18,500 万元");
        assertThat(RUN.whatIf(equity.apply().apply(firm)).publishedTotal()).as("it would score")
                .isGreaterThan(card.publishedTotal());
        assertThat(equity.effort()).isCloseTo(18_500 / 6_245.0, org.assertj.core.data.Offset.offset(1e-9));

        Advice advice = bigRounds.advise(card);

        assertThat(advice.suggestions()).hasSizeLessThanOrEqualTo(3)
                .noneMatch(s -> s.text().contains("股权融资"));
    }

    @Test
    void everySuggestionIsInProportionToTheFirmAndTheMostPointsForTheEffortComeFirst() {
        for (int i : sample()) {
            ScoreCard card = RUN.card(i);
            List<Candidate> candidates = advisor.candidates(card.record(), card.stage());
            Advice advice = advisor.advise(card);

            assertThat(advice.suggestions()).hasSizeLessThanOrEqualTo(ImprovementAdvisor.SHOWN);
            List<Double> efforts = advice.suggestions().stream().map(s -> candidates.stream()
                    .filter(c -> s.text().startsWith(c.phrase() + "，")).mapToDouble(Candidate::effort).min()
                    .orElseThrow()).toList();
            assertThat(efforts).allSatisfy(e -> assertThat(e).isLessThanOrEqualTo(ImprovementAdvisor.MAX_EFFORT));
            List<Double> worth = IntStream.range(0, efforts.size()).mapToObj(k -> ImprovementAdvisor.worth(
                    advice.suggestions().get(k).gain().movePointRight(2).longValueExact(), efforts.get(k))).toList();
            if (card.eligible()) { // a vetoed firm sees first what brings it back into the ranking
                assertThat(worth).isSortedAccordingTo(java.util.Comparator.reverseOrder());
            }
        }
    }

    @Test
    void effortIsMeasuredAgainstRevenueForAmountsAndHeadcountForCounts() {
        EnterpriseRecord r = RUN.record(0).with(InputField.REVENUE_Y0, 6_245).with(InputField.EMPLOYEES, 80);

        assertThat(ImprovementAdvisor.effort(InputField.EQUITY_FINANCING_3Y, 18_500, r)).isGreaterThan(ImprovementAdvisor.MAX_EFFORT);
        assertThat(ImprovementAdvisor.effort(InputField.RD_EXPENSE, 300, r)).isLessThan(0.05);
        assertThat(ImprovementAdvisor.effort(InputField.RD_STAFF, 8, r)).isEqualTo(0.1);
        assertThat(ImprovementAdvisor.effort(InputField.IP_CLASS1, 8, r)).isEqualTo(ImprovementAdvisor.MAX_EFFORT);
        assertThat(ImprovementAdvisor.effort(InputField.IP_CLASS1, 9, r)).isGreaterThan(ImprovementAdvisor.MAX_EFFORT);
        assertThat(ImprovementAdvisor.effort(InputField.IP_CLASS1, 2, r.with(InputField.EMPLOYEES, 3)))
                .as("even a tiny firm can file two patents").isEqualTo(ImprovementAdvisor.MAX_EFFORT);
        assertThat(ImprovementAdvisor.effort(InputField.RD_EXPENSE, 1, r.with(InputField.REVENUE_Y0, 0))).isInfinite();
    }

    @Test
    void numbersReadTheWayTheUiWritesThem() {
        assertThat(ImprovementAdvisor.number(1234.5)).isEqualTo("1,234.5");
        assertThat(ImprovementAdvisor.number(120)).isEqualTo("120");
        assertThat(ImprovementAdvisor.percent(0.0312)).isEqualTo("3.1%");
        assertThat(BigDecimal.ONE).isPositive();
    }

    private static int firstWhere(java.util.function.IntPredicate p) {
        return IntStream.range(0, RUN.size()).filter(p).findFirst().orElseThrow();
    }

    private static int[] sample() {
        return IntStream.range(0, RUN.size()).filter(i -> i % 40 == 0).toArray();
    }
}
