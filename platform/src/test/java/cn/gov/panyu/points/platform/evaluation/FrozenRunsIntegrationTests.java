package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;

import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/** Rebuilding a run's evaluation is costly (a whole district): each run is rebuilt once, however many ask. */
@PlatformIntegrationTest
@WithMockUser(username = "staff", roles = "STAFF")
class FrozenRunsIntegrationTests {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    ScoreModels models;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JdbcTemplate jdbc;

    /** FrozenRuns counting its rebuilds; a rebuild of {@code slowRun} waits for {@code release} first. */
    private final class CountingFrozenRuns extends FrozenRuns {
        final AtomicInteger rebuilds = new AtomicInteger();
        final CountDownLatch slowStarted = new CountDownLatch(1);
        final CountDownLatch release = new CountDownLatch(1);
        private final long slowRun;

        CountingFrozenRuns(long slowRun) {
            super(jdbcClient, models);
            this.slowRun = slowRun;
        }

        @Override
        Optional<Evaluation> rebuild(long runId) {
            rebuilds.incrementAndGet();
            if (runId == slowRun) {
                slowStarted.countDown();
                await(release);
            }
            return super.rebuild(runId);
        }
    }

    @Test
    void simultaneousFirstRequestsForARunRebuildItOnceAndShareIt() throws Exception {
        long run = computedRun(2073);
        CountingFrozenRuns frozen = new CountingFrozenRuns(run);
        int callers = 6;
        CountDownLatch arrived = new CountDownLatch(callers);
        ExecutorService portal = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Optional<Evaluation>>> answers = new ArrayList<>();
            for (int c = 0; c < callers; c++) {
                answers.add(portal.submit(() -> {
                    arrived.countDown();
                    return frozen.evaluation(run);
                }));
            }
            // the first rebuild is under way and every caller has asked; give the callers a moment to
            // get into evaluation() before the rebuild may finish
            frozen.slowStarted.await(30, TimeUnit.SECONDS);
            arrived.await(30, TimeUnit.SECONDS);
            Thread.sleep(300);
            frozen.release.countDown();

            Evaluation first = answers.get(0).get(60, TimeUnit.SECONDS).orElseThrow();
            for (Future<Optional<Evaluation>> answer : answers) {
                answer.get(60, TimeUnit.SECONDS);
            }
            assertThat(frozen.rebuilds).hasValue(1);
            for (Future<Optional<Evaluation>> answer : answers) {
                assertThat(answer.get()).containsSame(first);
            }
            assertThat(frozen.evaluation(run)).containsSame(first);
            assertThat(frozen.rebuilds).as("kept for later requests").hasValue(1);
        } finally {
            frozen.release.countDown();
            portal.shutdownNow();
        }
    }

    @Test
    void aLongRebuildOfOneRunDoesNotHoldUpAnother() throws Exception {
        long slow = computedRun(2074);
        long other = computedRun(2075);
        CountingFrozenRuns frozen = new CountingFrozenRuns(slow);
        ExecutorService portal = Executors.newSingleThreadExecutor();
        try {
            Future<Optional<Evaluation>> slowAnswer = portal.submit(() -> frozen.evaluation(slow));
            frozen.slowStarted.await(30, TimeUnit.SECONDS);

            assertThat(frozen.evaluation(other)).isPresent();
            assertThat(slowAnswer).isNotDone();

            frozen.release.countDown();
            assertThat(slowAnswer.get(60, TimeUnit.SECONDS)).isPresent();
        } finally {
            frozen.release.countDown();
            portal.shutdownNow();
        }
    }

    @Test
    void aRunWithoutStoredInputIsEmptyAndAskedAgainLater() {
        CountingFrozenRuns frozen = new CountingFrozenRuns(-1);
        long withoutInput = jdbc.queryForObject("select max(id) from evaluation_run", Long.class) + 1_000_000;

        assertThat(frozen.evaluation(withoutInput)).isEmpty();
        assertThat(frozen.evaluation(withoutInput)).isEmpty();
        assertThat(frozen.rebuilds).as("an empty answer is not kept").hasValue(2);
    }

    /** A computed run of a small synthetic district of {@code year}. */
    private long computedRun(int year) {
        DistrictFixture.load(jdbc, 9_000 + year, year, 200);
        return runs.runNow(year, models.activeModelId(), "staff");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
