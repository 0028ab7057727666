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
        assertThat(advice.best()).isNotEmpty().hasSizeLessThanOrEqualTo(ImprovementAdvisor.BEST_SHOWN)
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
            assertThat(advice.best()).allSatisfy(s -> {
                assertThat(s.gain()).isPositive();
                assertThat(s.newTotal()).isEqualByComparingTo(card.publishedTotal().add(s.gain()));
            });
            assertThat(advice.best()).extracting(Suggestion::gain).isSortedAccordingTo((a, b) -> b.compareTo(a));
        }
    }

    @Test
    void anEnterpriseOnNoListIsShownWhatLiftsItOntoOne() {
        int i = firstWhere(k -> RUN.eligible(k) && RUN.tier(k) == null
                && RUN.rank(k) <= (RUN.eligibleCount(RUN.stage(k)) * 25 + 99) / 100);
        ScoreCard card = RUN.card(i);

        Advice advice = advisor.advise(card);

        assertThat(advice.nextTier()).isEqualTo(Tier.RISE);
        assertThat(advice.lifts()).isNotEmpty().allSatisfy(s -> {
            assertThat(s.liftsTier()).isTrue();
            assertThat(s.newTier()).isNotNull();
            assertThat(s.text()).contains("可进入" + s.newTier().label() + "榜");
        });
    }

    @Test
    void aLeaderHasNoNextListToReach() {
        ScoreCard card = RUN.card(firstWhere(k -> RUN.tier(k) == Tier.LEAD));

        Advice advice = advisor.advise(card);

        assertThat(advice.nextTier()).isNull();
        assertThat(advice.lifts()).isEmpty();
    }

    @Test
    void aDeductionIsAdvisedAwayAndAVetoLiftsTheEnterpriseBackIntoTheRanking() {
        EnterpriseRecord base = RUN.record(firstWhere(k -> RUN.eligible(k) && RUN.tier(k) != null));
        ScoreCard deducted = RUN.whatIf(base.withNegatives(EnumSet.of(Negative.ABNORMAL)));
        ScoreCard vetoed = RUN.whatIf(base.withNegatives(EnumSet.of(Negative.DISHONEST)));

        assertThat(advisor.advise(deducted).best()).extracting(Suggestion::text)
                .anySatisfy(t -> assertThat(t).startsWith("消除负面情形「" + Negative.ABNORMAL.label() + "」，预计总分 +"));
        Advice back = advisor.advise(vetoed);
        assertThat(back.lifts()).extracting(Suggestion::text)
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
