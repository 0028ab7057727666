package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * A run computed in the background that fails leaves a trace in the log: the page only shows what the
 * worker could record on the run, and whatever escapes the worker must not vanish in the executor.
 */
@PlatformIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
@WithMockUser(username = "staff", roles = "STAFF")
class BackgroundRunFailureIntegrationTests {

    @Autowired
    EvaluationRuns runs;

    @Autowired
    JdbcClient jdbcClient;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoreModels models;

    @Autowired
    AuditLog audit;

    @Autowired
    TransactionTemplate tx;

    @Autowired
    RunLeases leases;

    @Test
    void aRunThatFailsInTheBackgroundIsRecordedOnTheRunAndLogged(CapturedOutput output) throws InterruptedException {
        jdbc.update("delete from enterprise_year where data_year = ?", 2071);

        long id = runs.start(2071, models.activeModelId(), "staff");

        String logged = "Background evaluation run " + id + " failed: 2071 年度没有可评价的企业数据";
        await(() -> output.getAll().contains(logged));
        assertThat(output.getAll()).contains(logged);
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.FAILED);
    }

    @Test
    void anUnexpectedExceptionOfTheWorkerIsLoggedWithRunAndStackTrace(CapturedOutput output)
            throws InterruptedException {
        // a worker that fails beyond what it handles itself, as when the database goes away mid-run
        RunWorker failing = new RunWorker(null, null, null, null, null) {
            @Override
            void execute(long runId) {
                throw new IllegalStateException("simulated failure outside the worker's own handling");
            }
        };
        EvaluationRuns withFailingWorker = new EvaluationRuns(jdbcClient, models, failing, audit, tx, leases, new PublicationGate(jdbcClient), event -> { });
        long id = withFailingWorker.start(2072, models.activeModelId(), "staff");
        try {
            String logged = "Background evaluation run " + id + " failed unexpectedly";
            await(() -> output.getAll().contains(logged));
            assertThat(output.getAll()).contains(logged);
            assertThat(output.getAll().substring(output.getAll().indexOf(logged)))
                    .contains("java.lang.IllegalStateException: simulated failure outside the worker's own handling")
                    .contains("\tat ");
        } finally {
            withFailingWorker.destroy();
            // the stub worker never finished the run: it must not stay queued for later tests
            jdbc.update("delete from evaluation_run where id = ?", id);
        }
    }

    /** Waits up to half a minute for the background thread. */
    private static void await(Supplier<Boolean> condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.get() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }
}
