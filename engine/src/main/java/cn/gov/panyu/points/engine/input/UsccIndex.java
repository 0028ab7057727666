package cn.gov.panyu.points.engine.input;

/**
 * USCC → first row, for the uniqueness rule. An open-addressing table of packed codes (two 45-bit halves,
 * see {@link UnifiedSocialCreditCode#packHalf}) and rows: no object per row — a String and a map node per
 * code would be 100 MB for a million rows, all of it for the garbage collector to trace and move.
 *
 * <p>A slot is two adjacent {@code long}s, each half of the code shifted up by 19 bits with 19 bits of the
 * row number below it: one probe then reads one cache line, which matters for a table of 32 MB that a
 * million inserts visit at random. Rows are at least 1, so an empty slot (both words 0) is never a code.
 */
final class UsccIndex {

    private static final int ROW_BITS = 19;
    private static final long ROW_MASK = (1L << ROW_BITS) - 1;

    private final long[] slots;
    private final int mask;

    /** @param expected at least the number of codes that will be put (the table does not grow) */
    UsccIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1; // load factor ≤ 0.5
        slots = new long[2 * capacity];
        mask = capacity - 1;
    }

    /** Records the code at {@code row} (1 … 2^38) unless already present; returns the earlier row, or 0. */
    int putIfAbsent(long high, long low, int row) {
        long mixed = (high * 0x9E3779B97F4A7C15L) ^ low;
        int slot = (int) (mixed ^ (mixed >>> 29) ^ (mixed >>> 47)) & mask;
        while (true) {
            long first = slots[2 * slot];
            long second = slots[2 * slot + 1];
            if ((first | second) == 0) {
                slots[2 * slot] = high << ROW_BITS | (row >>> ROW_BITS);
                slots[2 * slot + 1] = low << ROW_BITS | (row & ROW_MASK);
                return 0;
            }
            if (first >>> ROW_BITS == high && second >>> ROW_BITS == low) {
                return (int) ((first & ROW_MASK) << ROW_BITS | (second & ROW_MASK));
            }
            slot = (slot + 1) & mask;
        }
    }
}
