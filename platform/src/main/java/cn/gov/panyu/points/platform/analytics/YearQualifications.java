package cn.gov.panyu.points.platform.analytics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.annotation.PreDestroy;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.collection.YearRecords;

/**
 * The qualifications (资质) each enterprise holds in a year's merged records, as one bit per
 * {@link Qualification} — the same values the enterprise list filters by, so that a drill-down list counts
 * what the chart counts. Published results carry no qualifications, and unlike a run a year's records can
 * still change (a late import), so the masks are kept per year only while the records' stamp stays the same,
 * never per run. The stamp is an aggregate over the year's 100,000 records (≈ 100 ms, seconds on a busy
 * machine), so it is asked at most every {@link #RECHECK}, and off the request thread: a request that finds the
 * check due hands it to a background thread and shows the masks it has, so a late import shows within seconds
 * and no request waits for the aggregate (docs/benchmarks.md).
 */
@Component
class YearQualifications {

    static final Duration RECHECK = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(YearQualifications.class);

    private final YearRecords records;
    private final long recheckNanos;
    private final Executor checker;
    private final Map<Integer, Held> cache = new ConcurrentHashMap<>();
    /** The years whose stamp check is queued or running: one at a time per year, however many requests ask. */
    private final Set<Integer> checking = ConcurrentHashMap.newKeySet();
    private final ExecutorService ownThread;

    @Autowired
    YearQualifications(YearRecords records) {
        this(records, RECHECK, Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "dashboard-qualifications");
            t.setDaemon(true);
            return t;
        }));
    }

    /** Checks on the caller's thread: a change shows on the first call after {@code recheck}. */
    YearQualifications(YearRecords records, Duration recheck) {
        this(records, recheck, Runnable::run);
    }

    /**
     * @param recheck how long a read stands before the stamp is asked again (tests: zero, every time)
     * @param checker runs the stamp checks that fall due
     */
    YearQualifications(YearRecords records, Duration recheck, Executor checker) {
        this.records = records;
        this.recheckNanos = recheck.toNanos();
        this.checker = checker;
        this.ownThread = checker instanceof ExecutorService service ? service : null;
    }

    /**
     * The year's qualifications. The first call reads them (the warm-up's, usually); later ones return what
     * was read, starting a check of the stamp when the last one is {@link #RECHECK} old.
     */
    Held of(int year) {
        Held kept = cache.get(year);
        if (kept == null) {
            String stamp = records.stamp(year);
            Held read = read(year, stamp);
            Held first = cache.putIfAbsent(year, read);
            return first == null ? read : first;
        }
        if (System.nanoTime() - kept.checkedAt >= recheckNanos && checking.add(year)) {
            try {
                checker.execute(() -> recheck(year, kept));
            } catch (RejectedExecutionException stopping) {
                checking.remove(year);
            }
        }
        return cache.get(year);
    }

    private void recheck(int year, Held kept) {
        try {
            long now = System.nanoTime();
            String stamp = records.stamp(year);
            if (kept.stamp.equals(stamp)) {
                kept.checkedAt = now;
            } else {
                cache.put(year, read(year, stamp));
            }
        } catch (RuntimeException e) {
            // the masks read before stay shown; the next request due starts another check
            log.warn("统计看板：{} 年度资质未能重新读取：{}", year, e.toString());
        } finally {
            checking.remove(year);
        }
    }

    private Held read(int year, String stamp) {
        Map<String, Byte> masks = new HashMap<>();
        records.forEachQualifications(year, (uscc, held) -> masks.put(uscc, mask(held)));
        return new Held(stamp, masks);
    }

    @PreDestroy
    void stop() {
        if (ownThread != null) {
            ownThread.shutdownNow();
        }
    }

    static byte mask(Set<Qualification> held) {
        int m = 0;
        for (Qualification q : held) {
            m |= bit(q);
        }
        return (byte) m;
    }

    static int bit(Qualification q) {
        return 1 << q.ordinal();
    }

    /** One year's qualifications by USCC, and their alignment with the lines of each snapshot asked for. */
    static final class Held {

        private final String stamp;
        private final Map<String, Byte> byUscc;
        /** When the stamp was last found unchanged (System.nanoTime). */
        private volatile long checkedAt = System.nanoTime();
        /** Weak: a snapshot that fell out of RunSnapshots' cache takes its masks with it. */
        private final Map<RunSnapshots.Snapshot, byte[]> aligned = new WeakHashMap<>();

        Held(String stamp, Map<String, Byte> byUscc) {
            this.stamp = stamp;
            this.byUscc = byUscc;
        }

        /** Each line's mask, aligned with {@code snapshot.lines()}, worked out once per snapshot. */
        synchronized byte[] masks(RunSnapshots.Snapshot snapshot) {
            return aligned.computeIfAbsent(snapshot, s -> {
                List<RunSnapshots.Line> lines = s.lines();
                byte[] m = new byte[lines.size()];
                for (int i = 0; i < m.length; i++) {
                    m[i] = byUscc.getOrDefault(lines.get(i).uscc(), (byte) 0);
                }
                return m;
            });
        }
    }
}
