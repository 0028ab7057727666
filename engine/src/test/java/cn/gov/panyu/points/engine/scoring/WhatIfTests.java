package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.Stage;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static cn.gov.panyu.points.engine.input.InputField.RD_EXPENSE;
import static cn.gov.panyu.points.engine.input.InputField.RD_STAFF;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

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

    /** Changed inputs for the concurrency tests: every enterprise of a district with more R&D spend. */
    private static List<EnterpriseRecord> scenarios(Evaluation e) {
        List<EnterpriseRecord> changed = new ArrayList<>();
        for (int i = 0; i < e.size(); i++) {
            EnterpriseRecord r = e.record(i);
            double rd = r.value(RD_EXPENSE);
            changed.add(r.with(RD_EXPENSE, (Double.isNaN(rd) ? 0 : rd) + 1 + i % 13));
        }
        return changed;
    }

    @Test
    void concurrentWhatIfsGiveExactlyTheSequentialAnswers() throws Exception {
        // two evaluations of the same district: one answers sequentially, the other is asked by many
        // threads at once from its very first question (the lazily frozen cohort is built under load)
        List<EnterpriseRecord> district = new SyntheticDistrict(11, 2024).records(3_000);
        Evaluation sequential = Scorer.score(ScorerTests.MODEL, district);
        Evaluation concurrent = Scorer.score(ScorerTests.MODEL, district);
        List<EnterpriseRecord> scenarios = scenarios(sequential);
        List<ScoreCard> expected = scenarios.stream().map(sequential::whatIf).toList();

        int threads = 8;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<ScoreCard>>> answers = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int offset = t * 97;
                answers.add(pool.submit(() -> {
                    go.await();
                    ScoreCard[] cards = new ScoreCard[scenarios.size()];
                    for (int k = 0; k < cards.length; k++) {
                        // each thread starts elsewhere, so different questions really overlap
                        int i = (k + offset) % cards.length;
                        cards[i] = concurrent.whatIf(scenarios.get(i));
                    }
                    return List.of(cards);
                }));
            }
            go.countDown();
            for (Future<List<ScoreCard>> answer : answers) {
                List<ScoreCard> cards = answer.get(2, TimeUnit.MINUTES);
                for (int i = 0; i < expected.size(); i++) {
                    // records compare their doubles bit for bit: the answers are identical, not just close
                    assertThat(cards.get(i)).as(scenarios.get(i).uscc()).isEqualTo(expected.get(i));
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void whatIfIsNotSerialisedOnTheEvaluation() throws Exception {
        // portal requests of one run share its evaluation: a lock on it would make them queue
        assertThat(Modifier.isSynchronized(Evaluation.class.getMethod("whatIf", EnterpriseRecord.class)
                .getModifiers())).isFalse();
        Evaluation e = Scorer.score(ScorerTests.MODEL, cohort());
        EnterpriseRecord changed = e.record(3).with(RD_EXPENSE, 6.5);
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            synchronized (e) {
                // while this thread holds the evaluation's monitor, another thread still gets its answer
                Future<ScoreCard> answer = other.submit(() -> e.whatIf(changed));
                assertThatCode(() -> answer.get(10, TimeUnit.SECONDS)).doesNotThrowAnyException();
            }
        } finally {
            other.shutdownNow();
        }
    }
}
