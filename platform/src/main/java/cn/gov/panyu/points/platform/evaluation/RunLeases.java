package cn.gov.panyu.points.platform.evaluation;

import java.sql.Timestamp;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.LeasedWork;

/**
 * Which platform instance works on which run, so that instances sharing one database leave each other's
 * runs alone (docs/adr/0008-run-ownership-and-serialised-publishing.md). A run carries the id of the
 * instance that queued it; while this instance holds the run — queued on its executor or computing — the
 * run's heartbeat is renewed ({@link LeasedWork}). A queued or running run whose heartbeat is older than
 * the lease has lost its instance or its worker, and whichever instance notices first takes it over: the
 * run fails and what it had saved is removed.
 */
@Component
class RunLeases extends LeasedWork {

    /** The message of a run taken over; the user starts the year again (ADR 0008 says why not automatically). */
    static final String INTERRUPTED = "平台重启导致计算中断，请重新计算。";

    private final ResultStore store;

    RunLeases(JdbcClient jdbc, ResultStore store, @Value("${points.runs.lease:60s}") Duration lease) {
        super(jdbc, lease, "evaluation_run", "status in ('QUEUED', 'RUNNING')", "evaluation run", "points.runs.lease");
        this.store = store;
    }

    @Override
    protected boolean takeOver(long runId, Timestamp expired) {
        return fail(runId, stillExpired(), expired);
    }

    /** A graceful stop fails its runs at once: their years are free for a new run. */
    @Override
    protected void giveUp(long runId) {
        fail(runId, "worker_instance = ?", instance());
    }

    /**
     * Fails the run if it is still queued or running and {@code condition} holds, then removes the results
     * it saved. @return whether the run was failed here
     */
    private boolean fail(long runId, String condition, Object parameter) {
        int failed = jdbc.sql("""
                        update evaluation_run set status = 'FAILED', year_slot = null, message = ?, finished_at = localtimestamp
                        where id = ? and status in ('QUEUED', 'RUNNING')""" + " and " + condition)
                .params(INTERRUPTED, runId, parameter).update();
        if (failed > 0) {
            store.deleteOfFailedRun(runId);
        }
        return failed > 0;
    }
}
