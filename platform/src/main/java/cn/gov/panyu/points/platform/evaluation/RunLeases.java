package cn.gov.panyu.points.platform.evaluation;

import java.net.InetAddress;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Which platform instance works on which run, so that instances sharing one database leave each other's
 * runs alone (docs/adr/0008-run-ownership-and-serialised-publishing.md). A run carries the id of the
 * instance that queued it; while this instance holds the run — queued on its executor or computing — the
 * run's heartbeat is renewed every quarter of the lease. A queued or running run whose heartbeat is older
 * than the lease has lost its instance (a crash, a kill, a lost network) or its worker, and whichever
 * instance notices first — at its start-up or in the check every half lease — takes it over: the run
 * fails and what it had saved is removed. Times are the database's, the one clock all instances share.
 */
@Component
class RunLeases implements InitializingBean, DisposableBean {

    /** The message of a run taken over; the user starts the year again (ADR 0008 says why not automatically). */
    static final String INTERRUPTED = "平台重启导致计算中断，请重新计算。";

    private static final Logger log = LoggerFactory.getLogger(RunLeases.class);

    private final JdbcClient jdbc;
    private final ResultStore store;
    private final Duration lease;
    private final String instance = hostName() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    /** The runs this instance works on: queued on its executor or computing. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread t = new Thread(task, "evaluation-run-lease");
        t.setDaemon(true);
        return t;
    });

    RunLeases(JdbcClient jdbc, ResultStore store, @Value("${points.runs.lease:60s}") Duration lease) {
        if (lease.toMillis() < 100) {
            throw new IllegalArgumentException("points.runs.lease must be at least 100ms, not " + lease);
        }
        this.jdbc = jdbc;
        this.store = store;
        this.lease = lease;
    }

    /** This instance's id, as runs record it: host name and a random part, new at every start. */
    String instance() {
        return instance;
    }

    /** From now on this instance renews the run's heartbeat (the run was queued with a fresh one). */
    void hold(long runId) {
        held.add(runId);
    }

    /** This instance no longer works on the run: its heartbeat stops, whatever state the run is in. */
    void release(long runId) {
        held.remove(runId);
    }

    @Override
    public void afterPropertiesSet() {
        long beat = Math.max(1, lease.toMillis() / 4);
        long check = Math.max(1, lease.toMillis() / 2);
        timer.scheduleWithFixedDelay(() -> quietly("renew the heartbeats of evaluation runs", this::beat), beat, beat,
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> quietly("take over evaluation runs", this::takeOverExpired), check, check,
                TimeUnit.MILLISECONDS);
    }

    /**
     * A graceful stop hands its runs back at once instead of letting their leases run out: they fail, and
     * their years are free for a new run.
     */
    @Override
    public void destroy() {
        timer.shutdownNow();
        for (long runId : List.copyOf(held)) {
            quietly("give up evaluation run " + runId, () -> fail(runId, "worker_instance = ?", instance));
        }
    }

    /** Renews the heartbeat of every run this instance holds. */
    void beat() {
        List<Long> ids = List.copyOf(held);
        if (!ids.isEmpty()) {
            jdbc.sql("""
                    update evaluation_run set heartbeat_at = localtimestamp
                    where id in (:ids) and worker_instance = :instance and status in ('QUEUED', 'RUNNING')""")
                    .param("ids", ids).param("instance", instance).update();
        }
    }

    /**
     * Takes over every queued or running run whose heartbeat is older than the lease, of whichever
     * instance. @return how many runs were taken over
     */
    int takeOverExpired() {
        Timestamp expired = Timestamp.valueOf(jdbc.sql("select localtimestamp").query(Timestamp.class).single()
                .toLocalDateTime().minus(lease));
        record Working(long id, String instance) {
        }
        List<Working> stale = jdbc.sql("""
                        select id, worker_instance from evaluation_run
                        where status in ('QUEUED', 'RUNNING') and (heartbeat_at is null or heartbeat_at < ?)""")
                .param(expired).query((rs, n) -> new Working(rs.getLong(1), rs.getString(2))).list();
        int taken = 0;
        for (Working run : stale) {
            // the heartbeat is checked again in the update: the owner may have renewed it since the look-up
            if (fail(run.id(), "(heartbeat_at is null or heartbeat_at < ?)", expired)) {
                log.warn("Took over evaluation run {} of instance {}: no heartbeat for longer than {}", run.id(),
                        run.instance(), lease);
                taken++;
            }
        }
        return taken;
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

    /** Runs a periodic task: an exception would end its schedule, so it is logged instead. */
    private static void quietly(String what, Runnable task) {
        try {
            task.run();
        } catch (RuntimeException e) {
            log.warn("Could not {}: {}", what, e.toString());
        }
    }

    private static String hostName() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 80 ? name.substring(0, 80) : name;
        } catch (Exception e) {
            // an id only has to tell instances apart, and its random part already does
            return "host";
        }
    }
}
