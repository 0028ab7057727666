package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.Stage;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static cn.gov.panyu.points.engine.input.InputField.RD_EXPENSE;
import static cn.gov.panyu.points.engine.input.InputField.RD_STAFF;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y0;
import static org.assertj.core.api.Assertions.assertThat;

class WhatIfTests {

    private static List<EnterpriseRecord> cohort() {
        List<EnterpriseRecord> firms = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            firms.add(Firm.named("f" + k).revenue(50 + 10 * k).set(RD_EXPENSE, k % 7).set(RD_STAFF, k % 5).build());
        }
        return firms;
    }

    @Test
    void unchangedInputReproducesTheEvaluatedCard() {
        Evaluation e = Scorer.score(ScorerTests.MODEL, cohort());
        for (int i = 0; i < e.size(); i++) {
            ScoreCard original = e.card(i);
            ScoreCard same = e.whatIf(e.record(i));
            assertThat(same.total()).isEqualTo(original.total());
            assertThat(same.rank()).isEqualTo(original.rank());
            assertThat(same.tier()).isEqualTo(original.tier());
            assertThat(same.eligibleInStage()).isEqualTo(original.eligibleInStage());
        }
    }

    @Test
    void matchesAFullRescoreForTheChangedEnterpriseItself() {
        List<EnterpriseRecord> firms = cohort();
        Evaluation e = Scorer.score(ScorerTests.MODEL, firms);
        EnterpriseRecord changed = firms.get(3).with(RD_EXPENSE, 6.5);
        ScoreCard whatIf = e.whatIf(changed);
        List<EnterpriseRecord> rescored = new ArrayList<>(firms);
        rescored.set(3, changed);
        ScoreCard full = Scorer.score(ScorerTests.MODEL, rescored).card(3);
        // the enterprise's own points equal a full re-score; only others' totals are frozen
        assertThat(whatIf.indicator("T1").points()).isEqualTo(full.indicator("T1").points());
        assertThat(whatIf.core()).isEqualTo(full.core());
        assertThat(whatIf.total()).isGreaterThan(e.card(3).total());
        assertThat(whatIf.rank()).isLessThan(e.card(3).rank());
    }

    @Test
    void changingStageScoresAgainstTheNewStage() {
        Evaluation e = Scorer.score(ScorerTests.MODEL, cohort());
        EnterpriseRecord grown = e.record(0).with(REVENUE_Y0, 600);
        ScoreCard c = e.whatIf(grown);
        assertThat(c.stage()).isEqualTo(Stage.GROWTH);
        assertThat(c.eligibleInStage()).isEqualTo(e.eligibleCount(Stage.GROWTH) + 1);
    }

    @Test
    void aVetoInTheScenarioRemovesRankAndANewcomerIsAdded() {
        Evaluation e = Scorer.score(ScorerTests.MODEL, cohort());
        ScoreCard vetoed = e.whatIf(e.record(5).withNegatives(java.util.EnumSet.of(Negative.ACCIDENT)));
        assertThat(vetoed.eligible()).isFalse();
        assertThat(vetoed.rank()).isZero();
        assertThat(vetoed.eligibleInStage()).isEqualTo(e.eligibleCount(e.stage(5)) - 1);

        ScoreCard newcomer = e.whatIf(Firm.named("new").revenue(100).set(RD_EXPENSE, 100).build());
        assertThat(newcomer.eligibleInStage()).isEqualTo(e.eligibleCount(Stage.STARTUP) + 1);
        assertThat(newcomer.indicator("T1").fraction()).isEqualTo(1.0);
    }
}
