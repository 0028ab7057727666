package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static cn.gov.panyu.points.engine.input.InputField.ACADEMIA_PROJECTS_3Y;
import static cn.gov.panyu.points.engine.input.InputField.CONTEST_AWARD_3Y;
import static cn.gov.panyu.points.engine.input.InputField.EMPLOYEES;
import static cn.gov.panyu.points.engine.input.InputField.HITECH_REVENUE;
import static cn.gov.panyu.points.engine.input.InputField.RD_EXPENSE;
import static cn.gov.panyu.points.engine.input.InputField.RD_PLATFORMS;
import static cn.gov.panyu.points.engine.input.InputField.RD_STAFF;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y1;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y2;
import static cn.gov.panyu.points.engine.input.InputField.STANDARDS_5Y;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class ScorerTests {

    static final ScoreModel MODEL = ModelLoader.defaultModel();

    static Evaluation score(EnterpriseRecord... records) {
        return Scorer.score(MODEL, List.of(records));
    }

    static double points(Evaluation e, String uscc, String indicator) {
        return e.card(uscc).orElseThrow().indicator(indicator).points();
    }

    @Nested
    class Percentile {

        @Test
        void tiesShareTheAverageRankAndMissingOrNonPositiveGetsZero() {
            // STARTUP, T1 = rd_expense, weight 80. Present: -5, 0, 10, 20, 20, 30 → n = 6
            Evaluation e = score(
                    Firm.named("neg").revenue(100).set(RD_EXPENSE, -0.0).build(),
                    Firm.named("zero").revenue(100).set(RD_EXPENSE, 0).build(),
                    Firm.named("ten").revenue(100).set(RD_EXPENSE, 10).build(),
                    Firm.named("twentyA").revenue(100).set(RD_EXPENSE, 20).build(),
                    Firm.named("twentyB").revenue(100).set(RD_EXPENSE, 20).build(),
                    Firm.named("thirty").revenue(100).set(RD_EXPENSE, 30).build(),
                    Firm.named("missing").revenue(100).build());
            assertThat(points(e, "zero", "T1")).isZero();
            assertThat(points(e, "neg", "T1")).isZero();
            assertThat(points(e, "missing", "T1")).isZero();
            assertThat(points(e, "ten", "T1")).isEqualTo(80 * (2 + 1) / 6.0);       // L=2, E=1
            assertThat(points(e, "twentyA", "T1")).isEqualTo(80 * (3 + 1.5) / 6.0); // L=3, E=2
            assertThat(points(e, "twentyB", "T1")).isEqualTo(points(e, "twentyA", "T1"));
            assertThat(points(e, "thirty", "T1")).isEqualTo(80.0);                  // single highest gets 1
        }

        @Test
        void isComputedWithinTheStageOnly() {
            Evaluation e = score(
                    Firm.named("s").revenue(100).set(RD_EXPENSE, 1).build(),
                    Firm.named("g").revenue(600).set(RD_EXPENSE, 50).build(),
                    Firm.named("g2").revenue(700).set(RD_EXPENSE, 100).build());
            assertThat(points(e, "s", "T1")).isEqualTo(80.0);
            assertThat(points(e, "g", "T1")).isEqualTo(80 * 0.5);
        }

        @Test
        void negativeNetProfitCountsInNButScoresZero() {
            Evaluation e = score(
                    Firm.named("loss").revenue(100).set(cn.gov.panyu.points.engine.input.InputField.NET_PROFIT, -30).build(),
                    Firm.named("gain").revenue(100).set(cn.gov.panyu.points.engine.input.InputField.NET_PROFIT, 5).build());
            assertThat(points(e, "loss", "G3")).isZero();
            assertThat(points(e, "gain", "G3")).isEqualTo(30.0); // L=1, E=1 → (1+1)/2 = 1
        }
    }

    @Nested
    class DerivedValues {

        @Test
        void growthUsesTheThreeYearFormulaAndTreatsZeroYearsAsMissing() {
            ScoreCard twoYears = score(Firm.named("a").revenue(150).set(REVENUE_Y1, 100).build()).card(0);
            assertThat(twoYears.indicator("G2").raw()).isEqualTo(150.0 / 100 - 1);
            ScoreCard zeroY2 = score(Firm.named("a").revenue(150).set(REVENUE_Y1, 100).set(REVENUE_Y2, 0).build()).card(0);
            assertThat(zeroY2.indicator("G2").raw()).isEqualTo(0.5);
            ScoreCard three = score(Firm.named("a").revenue(150).set(REVENUE_Y1, 100).set(REVENUE_Y2, 80).build()).card(0);
            assertThat(three.indicator("G2").raw()).isEqualTo(0.5 * (100 / 80.0 + 150 / 100.0) - 1);
            ScoreCard zeroY1 = score(Firm.named("a").revenue(150).set(REVENUE_Y1, 0).set(REVENUE_Y2, 80).build()).card(0);
            assertThat(zeroY1.indicator("G2").missing()).isTrue();
            ScoreCard noY1 = score(Firm.named("a").revenue(150).build()).card(0);
            assertThat(noY1.indicator("G2").missing()).isTrue();
        }

        @Test
        void ratiosToRevenueAreMissingWhenRevenueIsZero() {
            ScoreCard c = score(Firm.named("a").revenue(0).set(RD_EXPENSE, 5).set(HITECH_REVENUE, 0).build()).card(0);
            assertThat(c.indicator("T2").missing()).isTrue();
            assertThat(c.indicator("G6").missing()).isTrue();
            assertThat(c.indicator("T1").points()).isEqualTo(80.0);
        }

        @Test
        void rdStaffRatioDividesByEmployees() {
            ScoreCard c = score(Firm.named("a").revenue(10).set(RD_STAFF, 3).set(EMPLOYEES, 12).build()).card(0);
            assertThat(c.indicator("T4").raw()).isEqualTo(0.25);
        }
    }

    @Nested
    class Stages {

        @Test
        void boundariesAre500And10000Inclusive() {
            Evaluation e = score(Firm.named("a").revenue(499.99).build(), Firm.named("b").revenue(500).build(),
                    Firm.named("c").revenue(9999.99).build(), Firm.named("d").revenue(10000).build(),
                    Firm.named("e").revenue(0).build());
            assertThat(IntStream.range(0, 5).mapToObj(e::stage)).containsExactly(
                    Stage.STARTUP, Stage.GROWTH, Stage.GROWTH, Stage.MATURE, Stage.STARTUP);
        }
    }

    @Nested
    class BandsAndSets {

        @Test
        void bandsPayTheFirstThresholdReached() {
            Evaluation e = score(Firm.named("a").revenue(600).set(STANDARDS_5Y, 2).set(RD_PLATFORMS, 7).build(),
                    Firm.named("b").revenue(600).set(STANDARDS_5Y, 0).set(RD_PLATFORMS, 1).build());
            assertThat(points(e, "a", "A3")).isEqualTo(20 * 0.8);
            assertThat(points(e, "a", "T8")).isEqualTo(40 * 1.0);
            assertThat(points(e, "b", "A3")).isZero();
            assertThat(points(e, "b", "T8")).isEqualTo(40 * 0.6);
        }

        @Test
        void setMembersAddUpToAtMostOne() {
            Evaluation e = score(Firm.named("a").revenue(10).with(Qualification.HTE).with(Qualification.TSME).build(),
                    Firm.named("b").revenue(10).with(Qualification.HTE).with(Qualification.LITTLE_GIANT).build());
            assertThat(points(e, "a", "A1")).isCloseTo(40 * 0.9, within(1e-12));
            assertThat(points(e, "b", "A1")).isEqualTo(40.0);
            assertThat(e.card(0).indicator("A1").rawText()).isEqualTo("HTE;TSME");
        }
    }

    @Nested
    class BonusAndNegatives {

        @Test
        void bonusItemsAddAndAreCapped() {
            String yaml = ModelTexts.defaultModelText().replace("cap: 100", "cap: 50");
            ScoreModel capped = ModelLoader.parse(yaml, "capped.yaml");
            EnterpriseRecord all = Firm.named("a").revenue(10).industry("C36").set(CONTEST_AWARD_3Y, 1)
                    .set(ACADEMIA_PROJECTS_3Y, 2).build();
            assertThat(Scorer.score(MODEL, List.of(all)).bonus(0)).isEqualTo(100.0);
            assertThat(Scorer.score(capped, List.of(all)).bonus(0)).isEqualTo(50.0);
            EnterpriseRecord one = Firm.named("b").revenue(10).industry("C38").set(ACADEMIA_PROJECTS_3Y, 1).build();
            assertThat(score(one).card(0).bonuses()).extracting(b -> b.code()).containsExactly("B3");
        }

        @Test
        void vetoKeepsTheScoreButRemovesRankAndTier() {
            Evaluation e = score(Firm.named("v").revenue(100).set(RD_EXPENSE, 50).with(Negative.DISHONEST).build(),
                    Firm.named("a").revenue(100).set(RD_EXPENSE, 10).build());
            ScoreCard vetoed = e.card("v").orElseThrow();
            assertThat(vetoed.total()).isPositive();
            assertThat(vetoed.eligible()).isFalse();
            assertThat(vetoed.rank()).isZero();
            assertThat(vetoed.tier()).isNull();
            ScoreCard other = e.card("a").orElseThrow();
            assertThat(other.rank()).isEqualTo(1);
            assertThat(other.eligibleInStage()).isEqualTo(1);
            assertThat(other.tier()).isEqualTo(Tier.LEAD);
        }

        @Test
        void deductionsNeverPushTheTotalBelowZero() {
            Evaluation e = score(Firm.named("d").revenue(100).set(RD_EXPENSE, 1)
                    .with(Negative.ABNORMAL).with(Negative.TAX_D).build(),
                    Firm.named("leader").revenue(400).set(RD_EXPENSE, 90).build());
            assertThat(e.deduction(0)).isEqualTo(200.0);
            assertThat(e.core(0)).isLessThan(200);
            assertThat(e.total(0)).isZero();
            assertThat(e.eligible(0)).isTrue();
        }
    }

    @Nested
    class RanksAndTiers {

        @Test
        void equalPublishedTotalsShareARankAndTheNextSkips() {
            // rd_platforms bands give exact totals: 2 → 20, 1 → 12, 0 → 0 (STARTUP weight 20)
            Evaluation e = score(Firm.named("a").revenue(10).set(RD_PLATFORMS, 2).build(),
                    Firm.named("b").revenue(10).set(RD_PLATFORMS, 1).build(),
                    Firm.named("c").revenue(10).set(RD_PLATFORMS, 1).build(),
                    Firm.named("d").revenue(10).set(RD_PLATFORMS, 0).build());
            assertThat(IntStream.range(0, 4).map(e::rank)).containsExactly(1, 2, 2, 4);
        }

        @Test
        void tierCutOffsUseTheExactCeiling() {
            // m = 21: ⌈1.05⌉ = 2 领跑, ⌈2.1⌉ = 3 竞跑, ⌈4.2⌉ = 5 进取
            List<EnterpriseRecord> firms = new ArrayList<>();
            for (int k = 0; k < 21; k++) {
                firms.add(Firm.named("f" + k).revenue(10).set(RD_STAFF, 21 - k).build());
            }
            Evaluation e = Scorer.score(MODEL, firms);
            assertThat(IntStream.range(0, 21).mapToObj(e::tier).toList()).containsExactly(
                    Tier.LEAD, Tier.LEAD, Tier.RUN, Tier.RISE, Tier.RISE,
                    null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
            // m = 20: ⌈1⌉ = 1, ⌈2⌉ = 2, ⌈4⌉ = 4 — no floating-point rounding pushes a cut-off up
            Evaluation twenty = Scorer.score(MODEL, firms.subList(0, 20));
            assertThat(IntStream.range(0, 5).mapToObj(twenty::tier).toList())
                    .containsExactly(Tier.LEAD, Tier.RUN, Tier.RISE, Tier.RISE, null);
        }

        @Test
        void tiesAcrossACutOffAllTakeTheBetterTier() {
            List<EnterpriseRecord> firms = new ArrayList<>();
            for (int k = 0; k < 20; k++) {
                firms.add(Firm.named("f" + k).revenue(10).set(RD_PLATFORMS, k < 3 ? 2 : 0).build());
            }
            Evaluation e = Scorer.score(MODEL, firms);
            // three tie at rank 1 ≤ ⌈0.05·20⌉ = 1, so all three lead
            assertThat(IntStream.range(0, 3).mapToObj(e::tier)).containsOnly(Tier.LEAD);
            assertThat(e.rank(3)).isEqualTo(4);
        }
    }
}
