package cn.gov.panyu.points.platform.analytics;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.collection.YearRecords;

/**
 * The qualifications (资质) each enterprise holds in a year's merged records, as one bit per
 * {@link Qualification} — the same values the enterprise list filters by, so that a drill-down list counts
 * what the chart counts. Published results carry no qualifications, and unlike a run a year's records can
 * still change (a late import), so the masks are kept per year only while the records' stamp stays the same
 * (checked at most every ten seconds), never per run.
 */
@Component
class YearQualifications {

    static final Duration RECHECK = Duration.ofSeconds(10);

    private final YearRecords records;
    private final long recheckNanos;
    private final Map<Integer, Held> cache = new ConcurrentHashMap<>();

    @Autowired
    YearQualifications(YearRecords records) {
        this(records, RECHECK);
    }

    /** @param recheck how long a read stands before the stamp is asked again (tests: zero, every time) */
    YearQualifications(YearRecords records, Duration recheck) {
        this.records = records;
        this.recheckNanos = recheck.toNanos();
    }

    /**
     * The year's qualifications, read again when its records changed since the last read. The stamp is an
     * aggregate over the year's 100,000 records (≈ 100 ms on a busy machine), so it is asked at most every
     * {@link #RECHECK}: a late import shows on the dashboard within seconds, not on the very next request.
     */
    Held of(int year) {
        Held kept = cache.get(year);
        long now = System.nanoTime();
        if (kept != null && now - kept.checkedAt < recheckNanos) {
            return kept;
        }
        String stamp = records.stamp(year);
        if (kept != null && kept.stamp.equals(stamp)) {
            kept.checkedAt = now;
            return kept;
        }
        Map<String, Byte> masks = new HashMap<>();
        records.forEachQualifications(year, (uscc, held) -> masks.put(uscc, mask(held)));
        Held read = new Held(stamp, masks);
        cache.put(year, read);
        return read;
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
