package cn.gov.panyu.points.platform;

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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Background work that rows of a shared table record as under way — evaluation runs (ADR 0008), import
 * attempts (ADR 0017) — held by one platform instance of several on one database under a lease. Each row
 * names its instance ({@code worker_instance}: host name plus a random part, new at every start) and
 * carries a {@code heartbeat_at}, always the database's clock, the one clock all instances share. While
 * this instance holds a row — the work is queued here or going on — a timer renews its heartbeat every
 * quarter of the lease. A working row whose heartbeat is older than the lease has lost its instance (a
 * crash, a kill, a lost network), and whichever instance notices first — at its start-up or in the check
 * every half lease — takes it over as the subclass says ({@link #takeOver}). A graceful stop hands its
 * rows back at once ({@link #giveUp}).
 *
 * <p>Every takeover must re-check, in its own update, that the heartbeat is still old: the owner may
 * have renewed it since the look-up. And the owner's own writes must require that the row is still its
 * instance's and still working, so that work that wakes after a takeover stops instead of finishing.
 */
public abstract class LeasedWork implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(LeasedWork.class);

    protected final JdbcClient jdbc;
    private final Duration lease;
    private final String table;
    private final String working;
    private final String what;
    private final String instance = hostName() + "-" + HexFormat.of().toHexDigits(ThreadLocalRandom.current().nextInt());
    /** The rows this instance works on. */
    private final Set<Long> held = ConcurrentHashMap.newKeySet();
    private final ScheduledExecutorService timer;

    /**
     * @param table   the table of the work's rows, with columns {@code id}, {@code worker_instance} and {@code heartbeat_at}
     * @param working the condition of a row whose work is under way, e.g. {@code status = 'RUNNING'}
     * @param what    the work's name in the log and the timer thread's, e.g. {@code evaluation run}
     */
    protected LeasedWork(JdbcClient jdbc, Duration lease, String table, String working, String what, String leaseProperty) {
        if (lease.toMillis() < 100) {
            throw new IllegalArgumentException(leaseProperty + " must be at least 100ms, not " + lease);
        }
        this.jdbc = jdbc;
        this.lease = lease;
        this.table = table;
        this.working = working;
        this.what = what;
        this.timer = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread t = new Thread(task, what.replace(' ', '-') + "-lease");
            t.setDaemon(true);
            return t;
        });
    }

    /** This instance's id, as its rows record it. */
    public String instance() {
        return instance;
    }

    /** From now on this instance renews the row's heartbeat (the row was written with a fresh one). */
    public void hold(long id) {
        held.add(id);
    }

    /** This instance no longer works on the row: its heartbeat stops, whatever state the row is in. */
    public void release(long id) {
        held.remove(id);
    }

    @Override
    public void afterPropertiesSet() {
        long beat = Math.max(1, lease.toMillis() / 4);
        long check = Math.max(1, lease.toMillis() / 2);
        timer.scheduleWithFixedDelay(() -> quietly("renew the heartbeats of each " + what, this::beat), beat, beat,
                TimeUnit.MILLISECONDS);
        timer.scheduleWithFixedDelay(() -> quietly("take over each expired " + what, this::takeOverExpired), check, check,
                TimeUnit.MILLISECONDS);
    }

    /**
     * A graceful stop hands its rows back at once instead of letting their leases run out.
     */
    @Override
    public void destroy() {
        timer.shutdownNow();
        for (long id : List.copyOf(held)) {
            quietly("give up " + what + " " + id, () -> giveUp(id));
        }
    }

    /** Renews the heartbeat of every row this instance holds. */
    public void beat() {
        List<Long> ids = List.copyOf(held);
        if (!ids.isEmpty()) {
            jdbc.sql("update " + table + " set heartbeat_at = localtimestamp"
                            + " where id in (:ids) and worker_instance = :instance and " + working)
                    .param("ids", ids).param("instance", instance).update();
        }
    }

    /**
     * Takes over every working row whose heartbeat is older than the lease, of whichever instance.
     *
     * @return how many rows were taken over
     */
    public int takeOverExpired() {
        Timestamp expired = Timestamp.valueOf(jdbc.sql("select localtimestamp").query(Timestamp.class).single()
                .toLocalDateTime().minus(lease));
        record Stale(long id, String instance) {
        }
        List<Stale> stale = jdbc.sql("select id, worker_instance from " + table + " where " + working
                        + " and (heartbeat_at is null or heartbeat_at < ?)")
                .param(expired).query((rs, n) -> new Stale(rs.getLong(1), rs.getString(2))).list();
        int taken = 0;
        for (Stale row : stale) {
            if (takeOver(row.id(), expired)) {
                log.warn("Took over {} {} of instance {}: no heartbeat for longer than {}", what, row.id(), row.instance(),
                        lease);
                taken++;
            }
        }
        return taken;
    }

    /**
     * The condition a takeover's update adds, with {@link #expired} as its parameter: the row is still
     * working and its heartbeat still old.
     */
    protected final String stillExpired() {
        return working + " and (heartbeat_at is null or heartbeat_at < ?)";
    }

    /**
     * Ends the work of a row whose lease expired, if its update finds {@link #stillExpired()} true.
     *
     * @return whether the row was taken over here
     */
    protected abstract boolean takeOver(long id, Timestamp expired);

    /** Ends the work of a row this instance holds as it stops; the row must still be this instance's. */
    protected abstract void giveUp(long id);

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
