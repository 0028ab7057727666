package cn.gov.panyu.points.engine.input;

/**
 * USCC → first row, for the uniqueness rule. An open-addressing table of packed codes (two longs, see
 * {@link UnifiedSocialCreditCode#packHalf}) and rows: no object per row — a String and a map node per
 * code would be 100 MB for a million rows, all of it for the garbage collector to trace and move.
 */
final class UsccIndex {

    private final long[] highs;
    private final long[] lows;
    private final int[] rows;
    private final int mask;

    UsccIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1; // load factor ≤ 0.5
        highs = new long[capacity];
        lows = new long[capacity];
        rows = new int[capacity];
        mask = capacity - 1;
    }

    /** Records the code at {@code row} (≥ 1) unless already present; returns the earlier row, or 0. */
    int putIfAbsent(long high, long low, int row) {
        long mixed = (high * 0x9E3779B97F4A7C15L) ^ low;
        int slot = (int) (mixed ^ (mixed >>> 29) ^ (mixed >>> 47)) & mask;
        while (true) {
            if (rows[slot] == 0) {
                highs[slot] = high;
                lows[slot] = low;
                rows[slot] = row;
                return 0;
            }
            if (highs[slot] == high && lows[slot] == low) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
    }
}
