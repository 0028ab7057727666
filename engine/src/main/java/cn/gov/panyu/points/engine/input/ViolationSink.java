package cn.gov.panyu.points.engine.input;

import java.util.ArrayList;
import java.util.List;

/**
 * Collects violations in row order, keeping the first {@code limit} and counting the rest, so that a
 * garbage file (a million rows, every cell wrong) cannot exhaust memory with messages nobody reads.
 */
final class ViolationSink {

    private final int limit;
    private final List<Violation> kept = new ArrayList<>();
    private long count;

    ViolationSink(int limit) {
        this.limit = limit;
    }

    /** Whether a further violation would still be listed: callers skip building message text if not. */
    boolean listing() {
        return kept.size() < limit;
    }

    void add(Violation v) {
        count++;
        if (kept.size() < limit) {
            kept.add(v);
        }
    }

    /** Counts a violation that is not listed (the caller saw {@link #listing()} was false). */
    void addUnlisted() {
        count++;
    }

    /** Adds {@code offset} to the row of every kept violation (for a chunk whose first row was unknown). */
    void shiftRows(int offset) {
        kept.replaceAll(v -> new Violation(v.row() + offset, v.column(), v.value(), v.ruleZh(), v.ruleEn()));
    }

    long count() {
        return count;
    }

    List<Violation> kept() {
        return kept;
    }

    /**
     * The listed violations of several sinks whose rows are in order, then a closing note when some were
     * left out. Each sink kept its own first {@code limit}, so the first {@code limit} overall are among
     * them.
     */
    static List<Violation> merge(List<ViolationSink> sinks, int limit) {
        List<Violation> all = new ArrayList<>();
        long total = 0;
        for (ViolationSink s : sinks) {
            all.addAll(s.kept);
            total += s.count;
        }
        all.sort((a, b) -> Integer.compare(a.row(), b.row())); // stable: keeps the order within a row
        if (all.size() > limit) {
            all.subList(limit, all.size()).clear();
        }
        if (total > all.size()) {
            long more = total - all.size();
            all.add(new Violation(0, "", null,
                    "另有 " + more + " 条问题未列出（共 " + total + " 条，仅列出前 " + all.size() + " 条）",
                    more + " more problems not listed (" + total + " in all, only the first " + all.size() + " are)"));
        }
        return all;
    }
}
