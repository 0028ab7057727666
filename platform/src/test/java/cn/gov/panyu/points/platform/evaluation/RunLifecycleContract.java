package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.concurrent.DelegatingSecurityContextExecutorService;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.scoring.EngineVersion;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;
import cn.gov.panyu.points.engine.scoring.Scorer;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The rules of evaluation runs, 公示 and publishing, written once and run against every database the
 * platform supports (H2 in {@link EvaluationRunsIntegrationTests}, PostgreSQL in
 * {@link EvaluationRunsPostgresIntegrationTests}). Each test owns a year of synthetic data, so tests do
 * not see each other's runs, and re-running the suite on the same database works.
 */
@WithMockUser(username = "staff", roles = "STAFF")
abstract class RunLifecycleContract {

    static final int SIZE = 400;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    PublishedResults published;

    @Autowired
    RunResults results;

    @Autowired
    Objections objections;

    @Autowired
    ScoreModels models;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    ResultStore store;

    @Autowired
    RunLeases leases;

    @Autowired
    YearRecords yearRecords;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    private List<EnterpriseRecord> district(int year) {
        return DistrictFixture.load(jdbc, 7_000 + year, year, SIZE);
    }

    @Test
    void runStoresEveryEnterpriseWithModelVersionInputHashAndEngineVersion() {
        district(2051);
        long model = models.activeModelId();

        long id = runs.runNow(2051, model, "staff");

        RunSummary run = runs.summary(id);
        assertThat(run.status()).isEqualTo(RunStatus.DRAFT);
        assertThat(run.modelId()).isEqualTo(model);
        assertThat(run.inputSha256()).hasSize(64);
        assertThat(run.engineVersion()).isEqualTo(EngineVersion.current());
        assertThat(run.enterprises()).isEqualTo(SIZE);
        assertThat(run.progressDone()).isEqualTo(SIZE);
        assertThat(jdbc.queryForObject("select count(*) from score_result where run_id = ?", Long.class, id)).isEqualTo(SIZE);
        String points = jdbc.queryForObject("select points from score_result where run_id = ? order by uscc limit 1", String.class, id);
        assertThat(points.split(";")).hasSize(models.load(model).indicators().size());
    }

    @Test
    void storedResultsAreWhatTheEngineComputesFromTheSameRecords() {
        List<EnterpriseRecord> records = district(2052);
        long model = models.activeModelId();
        Evaluation expected = Scorer.score(models.load(model), records);

        long id = runs.runNow(2052, model, "staff");

        Map<String, BigDecimal> totals = new HashMap<>();
        jdbc.query("select uscc, total from score_result where run_id = ?",
                rs -> { totals.put(rs.getString(1).trim(), rs.getBigDecimal(2)); }, id);
        for (int i = 0; i < expected.size(); i++) {
            assertThat(totals.get(expected.record(i).uscc())).as(expected.record(i).uscc())
                    .isEqualByComparingTo(Rounding.decimal(expected.totalCents(i)));
        }
        assertThat(runs.summary(id).inputSha256()).isEqualTo(CanonicalCsv.sha256(CanonicalCsv.write(
                records.stream().sorted(java.util.Comparator.comparing(EnterpriseRecord::uscc)).toList())));
    }

    @Test
    void rerunningUnchangedInputReproducesHashAndResultsExactly() {
        district(2053);
        long model = models.activeModelId();

        long first = runs.runNow(2053, model, "staff");
        long second = runs.runNow(2053, model, "staff");

        assertThat(runs.summary(second).inputSha256()).isEqualTo(runs.summary(first).inputSha256());
        assertThat(resultRows(second)).isEqualTo(resultRows(first));
    }

    @Test
    void changedInputChangesTheHashAndTheResults() {
        List<EnterpriseRecord> records = district(2054);
        long model = models.activeModelId();
        long before = runs.runNow(2054, model, "staff");
        jdbc.update("update enterprise_year set rd_expense = coalesce(rd_expense, 0) + 500 where data_year = ? and uscc = ?",
                2054, records.get(0).uscc());

        long after = runs.runNow(2054, model, "staff");

        assertThat(runs.summary(after).inputSha256()).isNotEqualTo(runs.summary(before).inputSha256());
        assertThat(resultRows(after)).isNotEqualTo(resultRows(before));
    }

    @Test
    void verifyingRecomputesFromTheStoredInputAndConfirmsIdenticalResults() {
        district(2055);
        long id = runs.runNow(2055, models.activeModelId(), "staff");

        EvaluationRuns.Verification v = runs.verify(id);

        assertThat(v.identical()).isTrue();
        assertThat(v.recomputed()).isEqualTo(SIZE);
    }

    @Test
    void verifyingReportsResultsThatNoLongerMatchTheirInput() {
        district(2056);
        long id = runs.runNow(2056, models.activeModelId(), "staff");
        String uscc = jdbc.queryForObject("select min(uscc) from score_result where run_id = ?", String.class, id).trim();
        jdbc.update("update score_result set total = total + 1 where run_id = ? and uscc = ?", id, uscc);

        EvaluationRuns.Verification v = runs.verify(id);

        assertThat(v.identical()).isFalse();
        assertThat(v.hashMatches()).isTrue();
        assertThat(v.differing()).containsExactly(uscc);
    }

    @Test
    void anEnterpriseWithoutRevenueIsLeftOutAndTheRunSaysSo() {
        List<EnterpriseRecord> records = district(2057);
        jdbc.update("update enterprise_year set revenue_y0 = null where data_year = ? and uscc = ?", 2057, records.get(3).uscc());

        long id = runs.runNow(2057, models.activeModelId(), "staff");

        RunSummary run = runs.summary(id);
        assertThat(run.enterprises()).isEqualTo(SIZE - 1);
        assertThat(run.message()).contains("1 家因缺少本年营业收入未参加评价");
    }

    @Test
    void aYearWithoutDataFailsWithAChineseMessageAndNoResults() {
        jdbc.update("delete from enterprise_year where data_year = ?", 2058);

        assertThatThrownBy(() -> runs.runNow(2058, models.activeModelId(), "staff"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("2058 年度没有可评价的企业数据");
        Long failed = jdbc.queryForObject("select max(id) from evaluation_run where data_year = 2058", Long.class);
        assertThat(runs.summary(failed).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.summary(failed).message()).doesNotContain("Exception");
    }

    @Test
    void aBackgroundRunShowsProgressAndEndsAsDraft() throws InterruptedException {
        district(2059);

        long id = runs.start(2059, models.activeModelId(), "staff");

        RunSummary run = awaitFinished(id);
        assertThat(run.status()).isEqualTo(RunStatus.DRAFT);
        assertThat(run.progressDone()).isEqualTo(run.progressTotal()).isEqualTo(SIZE);
        assertThat(run.percent()).isEqualTo(100);
    }

    @Test
    void simultaneousStartsForOneYearQueueOneRunAndTellTheOthersWhichRunIsGoing() throws Exception {
        district(2070);
        long model = models.activeModelId();
        // the callers act as this test's signed-in staff user, like the requests of one person clicking
        // several times; a few rounds, because whether simultaneous calls really overlap is up to timing
        ExecutorService browser = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(4));
        try {
            for (int round = 0; round < 5; round++) {
                List<Outcome<Long>> outcomes = atOnce(browser, Collections.nCopies(4, () -> runs.start(2070, model, "staff")));

                List<Long> started = outcomes.stream().filter(Outcome::succeeded).map(Outcome::value).sorted().toList();
                assertThat(started).as("round %d: runs queued", round).isNotEmpty();
                // on a busy machine a caller may arrive after the first run has already finished, and then rightly
                // starts the next one: never two working at once, each started after the one before had finished
                for (int i = 1; i < started.size(); i++) {
                    RunSummary before = awaitFinished(started.get(i - 1));
                    assertThat(runs.summary(started.get(i)).createdAt()).as("round %d: run %d started after run %d finished",
                            round, started.get(i), before.id()).isAfterOrEqualTo(before.finishedAt());
                }
                assertThat(outcomes.stream().filter(o -> !o.succeeded()).map(Outcome::refusal))
                        .as("round %d: the others are told which run is going", round).hasSize(4 - started.size())
                        .allMatch(m -> started.stream().anyMatch(id ->
                                m.matches("2070 年度已有评价批次 #" + id + " 正在计算（(排队中|计算中)），请等待其完成.*")), "names a started run");
                for (long id : started) {
                    // a run is not disturbed by the refused calls: it computes every enterprise
                    assertThat(awaitFinished(id).status()).as("run %d", id).isEqualTo(RunStatus.DRAFT);
                    assertThat(jdbc.queryForObject("select count(*) from score_result where run_id = ?", Long.class, id))
                            .as("results of run %d", id).isEqualTo(SIZE);
                }
            }
        } finally {
            browser.shutdownNow();
        }
    }

    @Test
    void theDatabaseGivesAYearOneWorkingRunWhicheverInstanceAsks() {
        long model = models.activeModelId();
        long other = workingRun(2078, model);
        try {
            assertThatThrownBy(() -> runs.start(2078, model, "staff")).isInstanceOf(EvaluationException.class)
                    .hasMessage("2078 年度已有评价批次 #" + other + " 正在计算（计算中），请等待其完成后再开始新的计算。");
            assertThatThrownBy(() -> runs.runNow(2078, model, "staff")).isInstanceOf(EvaluationException.class)
                    .hasMessageContaining("#" + other);
            // not the platform's check but the database's: a second working run of the year cannot be stored
            assertThatThrownBy(() -> workingRun(2078, model)).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.update("""
                    insert into evaluation_run (data_year, model_id, status, created_by) values (2078, ?, 'QUEUED', 'x')""", model))
                    .as("a working run without its slot").isInstanceOf(DataIntegrityViolationException.class);
            assertThat(jdbc.queryForObject("select count(*) from evaluation_run where data_year = 2078 and status in ('QUEUED', 'RUNNING')",
                    Long.class)).isEqualTo(1);
        } finally {
            stopWorking(other);
        }
    }

    /**
     * A RUNNING run of the year as another platform instance's worker leaves it in the shared database,
     * with its heartbeat {@code age} ago (by the database's clock).
     */
    long workingRun(int year, long model, String instance, Duration age) {
        jdbc.update("""
                insert into evaluation_run (data_year, model_id, status, year_slot, message, created_by, worker_instance, heartbeat_at)
                values (?, ?, 'RUNNING', 'WORKING', '正在计算积分', 'other', ?, ?)""", year, model, instance, databaseTimeAgo(age));
        return jdbc.queryForObject("select id from evaluation_run where data_year = ? and year_slot = 'WORKING'", Long.class, year);
    }

    private long workingRun(int year, long model) {
        return workingRun(year, model, "other-instance", Duration.ZERO);
    }

    /** Makes a computed run look like one whose instance crashed while saving it, {@code age} ago. */
    private void crashedWhileRunning(long runId, Duration age) {
        jdbc.update("""
                update evaluation_run set status = 'RUNNING', year_slot = 'WORKING', message = '正在保存结果',
                       worker_instance = 'crashed-instance', heartbeat_at = ? where id = ?""", databaseTimeAgo(age), runId);
    }

    private Timestamp databaseTimeAgo(Duration age) {
        return Timestamp.valueOf(jdbc.queryForObject("select localtimestamp", Timestamp.class).toLocalDateTime().minus(age));
    }

    private void stopWorking(long runId) {
        jdbc.update("update evaluation_run set status = 'FAILED', year_slot = null where id = ? and year_slot = 'WORKING'", runId);
    }

    private long resultCount(long runId) {
        return jdbc.queryForObject("select count(*) from score_result where run_id = ?", Long.class, runId);
    }

    @Test
    void startUpTakesOverOnlyTheRunsWhoseInstanceStoppedBeating() {
        district(2080);
        long model = models.activeModelId();
        long alive = workingRun(2079, model, "other-instance", Duration.ZERO);
        long crashed = runs.runNow(2080, model, "staff");
        crashedWhileRunning(crashed, Duration.ofMinutes(10));
        try {
            runs.afterPropertiesSet(); // this instance's start-up check

            assertThat(runs.summary(alive).status()).as("a run another instance is computing").isEqualTo(RunStatus.RUNNING);
            RunSummary taken = runs.summary(crashed);
            assertThat(taken.status()).isEqualTo(RunStatus.FAILED);
            assertThat(taken.message()).isEqualTo("平台重启导致计算中断，请重新计算。");
            assertThat(resultCount(crashed)).as("what the crashed run had saved").isZero();
            // the year is free for a new run
            assertThat(jdbc.queryForObject("select year_slot from evaluation_run where id = ?", String.class, crashed)).isNull();
        } finally {
            stopWorking(alive);
        }
    }

    @Test
    void anInstanceRenewsTheLeasesOfItsOwnRunsAndTakesOverExpiredOnesAsItGoes() throws InterruptedException {
        long model = models.activeModelId();
        // a second instance on the same database, with a lease short enough to watch it expire
        RunLeases instance = new RunLeases(jdbcClient, store, Duration.ofMillis(400));
        long own = workingRun(2088, model, instance.instance(), Duration.ZERO);
        long other = workingRun(2089, model, "other-instance", Duration.ZERO);
        instance.hold(own);
        instance.afterPropertiesSet();
        try {
            long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
            while (runs.summary(other).status().working() && System.nanoTime() < deadline) {
                Thread.sleep(50);
            }

            assertThat(runs.summary(other).status()).as("a run whose instance stopped beating").isEqualTo(RunStatus.FAILED);
            assertThat(runs.summary(own).status()).as("the instance's own run, its lease renewed").isEqualTo(RunStatus.RUNNING);
            assertThat(jdbc.queryForObject("select heartbeat_at from evaluation_run where id = ?", Timestamp.class, own))
                    .isAfter(databaseTimeAgo(Duration.ofMillis(400)));
        } finally {
            instance.release(own);
            instance.destroy();
            stopWorking(own);
            stopWorking(other);
        }
    }

    @Test
    void aGracefulStopHandsItsRunsBackAtOnce() {
        long model = models.activeModelId();
        RunLeases instance = new RunLeases(jdbcClient, store, Duration.ofMinutes(1));
        long own = workingRun(2083, model, instance.instance(), Duration.ZERO);
        instance.hold(own);

        instance.destroy();

        assertThat(runs.summary(own).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.summary(own).message()).isEqualTo("平台重启导致计算中断，请重新计算。");
    }

    @Test
    void aWorkerWhoseRunWasTakenOverStopsAndLeavesNoResults() {
        district(2084);
        long model = models.activeModelId();
        // the worker stalls past its lease just before saving (as in a long garbage collection or a
        // network outage) and another instance takes its run over; then the worker wakes up and saves
        ResultStore stalling = new ResultStore(jdbc, jdbcClient, tx) {
            @Override
            void store(long runId, Evaluation ev, java.util.function.IntConsumer progress) {
                jdbc.update("update evaluation_run set heartbeat_at = ? where id = ?", databaseTimeAgo(Duration.ofMinutes(10)), runId);
                new RunLeases(jdbcClient, store, Duration.ofMinutes(1)).takeOverExpired();
                super.store(runId, ev, progress);
            }
        };
        EvaluationRuns withStallingWorker = new EvaluationRuns(jdbcClient, models,
                new RunWorker(jdbcClient, yearRecords, stalling, models, leases), audit, tx, leases, new PublicationGate(jdbcClient), event -> { });
        try {
            assertThatThrownBy(() -> withStallingWorker.runNow(2084, model, "staff")).isInstanceOf(EvaluationException.class)
                    .hasMessageContaining("已被标记为计算中断");
        } finally {
            withStallingWorker.destroy();
        }

        long id = jdbc.queryForObject("select max(id) from evaluation_run where data_year = 2084", Long.class);
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.summary(id).message()).as("what the takeover recorded").isEqualTo("平台重启导致计算中断，请重新计算。");
        assertThat(resultCount(id)).isZero();
    }

    @Test
    void aRunThatFailsBeyondWhatTheWorkerExpectsLeavesNoResults() {
        district(2085);
        // the district did not fit in memory, just after the results were saved
        ResultStore failing = new ResultStore(jdbc, jdbcClient, tx) {
            @Override
            void store(long runId, Evaluation ev, java.util.function.IntConsumer progress) {
                super.store(runId, ev, progress);
                throw new OutOfMemoryError("simulated: the district did not fit in memory");
            }
        };
        EvaluationRuns withFailingStore = new EvaluationRuns(jdbcClient, models,
                new RunWorker(jdbcClient, yearRecords, failing, models, leases), audit, tx, leases, new PublicationGate(jdbcClient), event -> { });
        try {
            assertThatThrownBy(() -> withFailingStore.runNow(2085, models.activeModelId(), "staff"))
                    .isInstanceOf(OutOfMemoryError.class);
        } finally {
            withFailingStore.destroy();
        }

        long id = jdbc.queryForObject("select max(id) from evaluation_run where data_year = 2085", Long.class);
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.FAILED);
        assertThat(runs.summary(id).message()).startsWith("计算失败：系统内部错误").doesNotContain("Error");
        assertThat(resultCount(id)).isZero();
    }

    @Test
    void startingTheYearAgainRemovesWhatItsFailedRunsLeftBehind() {
        district(2086);
        long model = models.activeModelId();
        // a run that failed with its results still stored: its worker died before it could remove them
        // (before the lease existed), or its last chunk landed after its clean-up
        long failed = runs.runNow(2086, model, "staff");
        jdbc.update("update evaluation_run set status = 'FAILED', message = '计算失败' where id = ?", failed);
        assertThat(resultCount(failed)).isEqualTo(SIZE);

        long retried = runs.runNow(2086, model, "staff");

        assertThat(resultCount(failed)).isZero();
        assertThat(resultCount(retried)).isEqualTo(SIZE);
    }

    /** What one of several simultaneous calls did: returned a value, or was refused with a user message. */
    record Outcome<T>(T value, String refusal) {
        boolean succeeded() {
            return refusal == null;
        }
    }

    /**
     * Makes the calls at the same moment, one per thread of {@code threads}; their outcomes in call order.
     * A call may be refused with an {@link EvaluationException}; anything else it throws fails the test.
     */
    static <T> List<Outcome<T>> atOnce(ExecutorService threads, List<Callable<T>> calls) throws Exception {
        CountDownLatch ready = new CountDownLatch(calls.size());
        CountDownLatch go = new CountDownLatch(1);
        List<Future<Outcome<T>>> running = new ArrayList<>();
        for (Callable<T> call : calls) {
            running.add(threads.submit(() -> {
                ready.countDown();
                go.await();
                try {
                    return new Outcome<>(call.call(), null);
                } catch (EvaluationException e) {
                    return new Outcome<T>(null, e.getMessage());
                }
            }));
        }
        ready.await();
        go.countDown();
        List<Outcome<T>> outcomes = new ArrayList<>();
        for (Future<Outcome<T>> f : running) {
            outcomes.add(f.get(60, TimeUnit.SECONDS));
        }
        return outcomes;
    }

    @Test
    void putOnNoticeReplacesTheRunOnNoticeOfTheSameYear() {
        district(2060);
        long model = models.activeModelId();
        long old = runs.runNow(2060, model, "staff");
        runs.putOnNotice(old, LocalDate.now().plusDays(7), "staff");
        long corrected = runs.runNow(2060, model, "staff");

        runs.putOnNotice(corrected, LocalDate.now().plusDays(7), "staff");

        assertThat(runs.summary(old).status()).isEqualTo(RunStatus.SUPERSEDED);
        assertThat(runs.summary(corrected).status()).isEqualTo(RunStatus.NOTICE);
        assertThat(runs.summary(corrected).noticeEnds()).isEqualTo(LocalDate.now().plusDays(7));
    }

    @Test
    void simultaneousNoticeAndPublishingOfTwoRunsOfAYearLeaveOneOnNoticeAndOnePublished() throws Exception {
        district(2076);
        long model = models.activeModelId();
        LocalDate endsOn = LocalDate.now().plusDays(7);
        // two staff members, each taking their own run of the year to 公示 and then to 发布 at the same
        // moment; a few rounds, because whether the calls really overlap is up to timing
        ExecutorService staff = new DelegatingSecurityContextExecutorService(Executors.newFixedThreadPool(2));
        try {
            for (int round = 0; round < 6; round++) {
                long a = runs.runNow(2076, model, "staff");
                long b = runs.runNow(2076, model, "staff");

                List<Outcome<Long>> noticed = atOnce(staff, List.of(() -> notice(a, endsOn), () -> notice(b, endsOn)));

                // one after the other, as if clicked a moment apart: the later one replaces the earlier
                assertThat(noticed).as("round %d", round).allMatch(Outcome::succeeded);
                assertThat(runsOf(2076, RunStatus.NOTICE)).as("round %d: on notice", round).hasSize(1);
                long onNotice = runsOf(2076, RunStatus.NOTICE).get(0);
                assertThat(runs.summary(onNotice == a ? b : a).status()).isEqualTo(RunStatus.SUPERSEDED);
                NoticePeriods.endedYesterday(jdbc, onNotice);

                List<Outcome<Long>> publishing = atOnce(staff, List.of(() -> publish(a), () -> publish(b)));

                assertThat(runsOf(2076, RunStatus.PUBLISHED)).as("round %d: published", round).containsExactly(onNotice);
                assertThat(published.run(2076).map(PublishedRun::runId)).hasValue(onNotice);
                assertThat(publishing.stream().filter(Outcome::succeeded).map(Outcome::value)).containsExactly(onNotice);
                // the loser is told that its run was replaced, and by which (on notice or just published,
                // depending on which of the two went first)
                assertThat(publishing.stream().filter(o -> !o.succeeded()).map(Outcome::refusal))
                        .singleElement().asString().contains("当前为“已被替代”", "的是批次 #" + onNotice);
            }
        } finally {
            staff.shutdownNow();
        }
    }

    @Test
    void theDatabaseGivesAYearOneRunOnNoticeAndOnePublishedRun() {
        district(2077);
        long model = models.activeModelId();
        long first = runs.runNow(2077, model, "staff");
        long second = runs.runNow(2077, model, "staff");
        runs.putOnNotice(first, LocalDate.now(), "staff");

        // not the platform's checks but the database's: whatever writes the rows, a year keeps one of each
        for (String status : List.of("NOTICE", "PUBLISHED")) {
            assertThatThrownBy(() -> jdbc.update("update evaluation_run set status = ?, year_slot = ? where id in (?, ?)",
                    status, status, first, second)).as(status).isInstanceOf(DataIntegrityViolationException.class);
            assertThatThrownBy(() -> jdbc.update("update evaluation_run set status = ?, year_slot = null where id = ?", status, second))
                    .as(status + " without its slot").isInstanceOf(DataIntegrityViolationException.class);
        }
        assertThat(runs.summary(second).status()).isEqualTo(RunStatus.DRAFT);
    }

    private long notice(long runId, LocalDate endsOn) {
        runs.putOnNotice(runId, endsOn, "staff");
        return runId;
    }

    private long publish(long runId) {
        runs.publish(runId, "staff");
        return runId;
    }

    private List<Long> runsOf(int year, RunStatus status) {
        return jdbc.queryForList("select id from evaluation_run where data_year = ? and status = ? order by id", Long.class,
                year, status.name());
    }

    @Test
    void aNoticeCannotEndInThePastAndOnlyDraftsGoOnNotice() {
        district(2061);
        long id = runs.runNow(2061, models.activeModelId(), "staff");

        assertThatThrownBy(() -> runs.putOnNotice(id, LocalDate.now().minusDays(1), "staff"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("不能早于今天");
        runs.putOnNotice(id, LocalDate.now(), "staff");
        assertThatThrownBy(() -> runs.putOnNotice(id, LocalDate.now(), "staff"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("待公示");
    }

    @Test
    void withdrawingANoticeTakesTheRunBackToDraft() {
        district(2062);
        long id = runs.runNow(2062, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now().plusDays(3), "staff");

        runs.withdrawNotice(id, "staff");

        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.DRAFT);
        assertThat(runs.summary(id).noticeEnds()).isNull();
    }

    @Test
    void onlyARunOnNoticeCanBePublished() {
        district(2063);
        long id = runs.runNow(2063, models.activeModelId(), "staff");

        assertThatThrownBy(() -> runs.publish(id, "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("公示中");
        assertThat(published.run(2063).map(PublishedRun::runId)).isEmpty();
    }

    @Test
    void publishingSwitchesThePublicationAndKeepsTheOldRunReadable() {
        district(2064);
        long model = models.activeModelId();
        long first = publishedRun(2064, model);
        assertThat(published.run(2064).map(PublishedRun::runId)).hasValue(first);
        long firstListed = results.tierList(2064, Stage.STARTUP, null, TableQuery.of(1, 20, null, null)).total();

        // the corrected run is complete and on notice, yet readers still see the published one
        jdbc.update("update enterprise_year set revenue_y0 = revenue_y0 * 0.5 where data_year = ?", 2064);
        long second = runs.runNow(2064, model, "staff");
        runs.putOnNotice(second, LocalDate.now(), "staff");
        NoticePeriods.endedYesterday(jdbc, second);
        assertThat(published.run(2064).map(PublishedRun::runId)).hasValue(first);
        assertThat(tierListUsccs(2064)).isEqualTo(usccsOnLists(first));

        runs.publish(second, "staff");

        assertThat(published.run(2064).map(PublishedRun::runId)).hasValue(second);
        assertThat(tierListUsccs(2064)).isEqualTo(usccsOnLists(second));
        assertThat(runs.summary(first).status()).isEqualTo(RunStatus.SUPERSEDED);
        assertThat(results.ofRun(first, null, TableQuery.of(1, 20, null, null)).total()).isEqualTo(SIZE);
        assertThat(firstListed).isPositive();
        assertThat(jdbc.queryForObject("select count(*) from publication where data_year = 2064", Long.class)).isEqualTo(1);
    }

    @Test
    void publishingFillsTheReadModelWithThePublishedRunsResultsKeyedByIndicatorCode() {
        List<EnterpriseRecord> records = district(2056);
        long model = models.activeModelId();
        Evaluation expected = Scorer.score(models.load(model), records);
        long id = publishedRun(2056, model);

        List<PublishedScore> all = published.all(ScoreFilter.year(2056), TableQuery.of(null, null, null, null));

        assertThat(all).hasSize(SIZE).allSatisfy(s -> {
            assertThat(s.runId()).isEqualTo(id);
            assertThat(s.modelId()).isEqualTo(model);
            assertThat(s.publishedAt()).isNotNull();
        });
        assertThat(all.stream().map(s -> s.uscc() + "|" + s.total().toPlainString() + "|" + s.rank() + "|" + s.tier()).toList())
                .containsExactlyInAnyOrderElementsOf(jdbc.query("select uscc, total, rank_in_stage, tier from score_result where run_id = ?",
                        (rs, n) -> rs.getString(1).trim() + "|" + rs.getBigDecimal(2).toPlainString() + "|" + rs.getObject(3) + "|"
                                + (rs.getString(4) == null ? null : rs.getString(4).trim()), id));
        assertPublishedPointsByCode(expected, 2056);
        assertThat(published.history(records.get(0).uscc())).extracting(PublishedScore::year).contains(2056);
        long[][] counts = published.tierCounts(2056);
        assertThat(java.util.Arrays.stream(counts).flatMapToLong(java.util.Arrays::stream).sum())
                .isEqualTo(all.stream().filter(s -> s.tier() != null).count());
    }

    @Test
    void aModelVersionWithReorderedIndicatorsCannotShiftAnIndicatorsPoints() {
        List<EnterpriseRecord> records = district(2057);
        long original = models.activeModelId();
        long reordered = models.copy(original, "staff");
        models.update(reordered, withFirstIndicatorLast(models.version(reordered).definition()), "staff");
        assertThat(models.load(reordered).indicators().get(0).code()).isNotEqualTo("T1");
        Evaluation expected = Scorer.score(models.load(original), records);

        publishedRun(2057, reordered);

        assertPublishedPointsByCode(expected, 2057);
    }

    /** Every published indicator point of the year, found by its code, is what the engine computed. */
    private void assertPublishedPointsByCode(Evaluation expected, int year) {
        for (int i = 0; i < expected.size(); i++) {
            PublishedScore s = published.of(expected.record(i).uscc(), year).orElseThrow();
            for (int j = 0; j < expected.model().indicators().size(); j++) {
                String code = expected.model().indicators().get(j).code();
                assertThat(s.points().of(code)).as(s.uscc() + " " + code)
                        .hasValue(Rounding.decimal(Rounding.cents(expected.points(i, j))));
            }
        }
    }

    /** The model text with indicator T1's entry moved behind every other indicator. */
    private static String withFirstIndicatorLast(String yaml) {
        int start = yaml.indexOf("  - {code: T1,");
        int end = yaml.indexOf("  - {code: T2,");
        String t1 = yaml.substring(start, end);
        String without = yaml.substring(0, start) + yaml.substring(end);
        int afterIndicators = without.indexOf("\n\n", without.indexOf("  - code: A4")) + 1;
        return without.substring(0, afterIndicators) + t1 + without.substring(afterIndicators);
    }

    @Test
    void aPublishedRunCannotBeChanged() {
        district(2065);
        long id = publishedRun(2065, models.activeModelId());

        assertThatThrownBy(() -> runs.withdrawNotice(id, "staff")).isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> runs.putOnNotice(id, LocalDate.now(), "staff")).isInstanceOf(EvaluationException.class);
        assertThatThrownBy(() -> runs.publish(id, "staff")).isInstanceOf(EvaluationException.class);
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.PUBLISHED);
    }

    @Test
    void openObjectionsBlockPublishingUntilResolved() {
        List<EnterpriseRecord> records = district(2066);
        long id = runs.runNow(2066, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now().plusDays(5), "staff");
        long objection = objections.file(staff(), id, records.get(0).uscc(), InputField.RD_EXPENSE.key(), "研发费用漏报");

        assertThatThrownBy(() -> runs.publish(id, "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("1 条异议未处理");
        assertThatThrownBy(() -> objections.reject(objection, " ", "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("理由");
        objections.reject(objection, "经核实，税务数据无误", "staff");
        NoticePeriods.endedYesterday(jdbc, id);
        runs.publish(id, "staff");

        assertThat(published.run(2066).map(PublishedRun::runId)).hasValue(id);
        assertThat(objections.objection(objection).status()).isEqualTo("REJECTED");
        assertThat(objections.objection(objection).response()).isEqualTo("经核实，税务数据无误");
    }

    @Test
    void anEnterpriseUserMayObjectOnlyForItsOwnCode() {
        List<EnterpriseRecord> records = district(2067);
        long id = runs.runNow(2067, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now().plusDays(5), "staff");
        String own = records.get(0).uscc();
        PlatformUser enterprise = new PlatformUser("ent", "", "企业", Role.ENTERPRISE, own, null, true, false);

        assertThatThrownBy(() -> objections.file(enterprise, id, records.get(1).uscc(), null, "不是我们的"))
                .isInstanceOf(AccessDeniedException.class);
        long filed = objections.file(enterprise, id, own, null, "纳税总额有误");

        assertThat(objections.objection(filed).filedBy()).isEqualTo("ent");
        objections.accept(filed, null, "staff");
        assertThat(objections.objection(filed).status()).isEqualTo("ACCEPTED");
    }

    @Test
    void objectionsNeedARunOnNoticeAndAnEnterpriseOfThatRun() {
        List<EnterpriseRecord> records = district(2068);
        long id = runs.runNow(2068, models.activeModelId(), "staff");

        assertThatThrownBy(() -> objections.file(staff(), id, records.get(0).uscc(), null, "有误"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("不在公示期内");
        runs.putOnNotice(id, LocalDate.now(), "staff");
        assertThatThrownBy(() -> objections.file(staff(), id, "91440113MA5ZZZZZ0X", null, "有误"))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("不在该评价批次中");
        assertThatThrownBy(() -> objections.file(staff(), id, records.get(0).uscc(), null, ""))
                .isInstanceOf(EvaluationException.class).hasMessageContaining("请填写异议内容");
    }

    @Test
    @WithMockUser(username = "ent", roles = "ENTERPRISE")
    void onlyStaffMayRunOrPublish() {
        assertThatThrownBy(() -> runs.runNow(2069, 1, "ent")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.publish(1, "ent")).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> runs.putOnNotice(1, LocalDate.now(), "ent")).isInstanceOf(AccessDeniedException.class);
    }

    @Test
    void theDefaultModelIsTheActiveVersion() {
        assertThat(models.load(models.activeModelId()).reference()).isEqualTo(ModelLoader.defaultModel().reference());
    }

    /** The run once it is no longer queued or running (waits at most a minute). */
    private RunSummary awaitFinished(long id) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (runs.summary(id).status().working() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        return runs.summary(id);
    }

    private long publishedRun(int year, long model) {
        long id = runs.runNow(year, model, "staff");
        runs.putOnNotice(id, LocalDate.now(), "staff");
        NoticePeriods.endedYesterday(jdbc, id);
        runs.publish(id, "staff");
        return id;
    }

    private List<String> tierListUsccs(int year) {
        List<String> list = new java.util.ArrayList<>();
        results.eachOfTierList(year, null, null, r -> list.add(r.uscc() + r.tier()));
        return list;
    }

    private List<String> usccsOnLists(long runId) {
        return jdbc.query("select uscc, tier from score_result where run_id = ? and tier is not null order by stage, rank_in_stage, uscc",
                (rs, n) -> rs.getString(1).trim() + rs.getString(2).trim(), runId);
    }

    private List<String> resultRows(long runId) {
        return jdbc.query("""
                select uscc, stage, core, bonus, deduction, total, rank_in_stage, tier, eligible, points
                from score_result where run_id = ? order by uscc""",
                (rs, n) -> rs.getString(1).trim() + "|" + rs.getString(2) + "|" + rs.getBigDecimal(3).toPlainString() + "|"
                        + rs.getBigDecimal(4).toPlainString() + "|" + rs.getBigDecimal(5).toPlainString() + "|"
                        + rs.getBigDecimal(6).toPlainString() + "|" + rs.getObject(7) + "|" + rs.getString(8) + "|"
                        + rs.getBoolean(9) + "|" + rs.getString(10), runId);
    }

    private static PlatformUser staff() {
        return new PlatformUser("staff", "", "业务人员", Role.STAFF, null, null, true, false);
    }
}
