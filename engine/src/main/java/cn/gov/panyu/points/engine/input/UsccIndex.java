package cn.gov.panyu.points.engine.input;

/**
 * USCC → first row, for the uniqueness rule. An open-addressing table of Strings and ints: a
 * {@code HashMap<String, Integer>} would allocate a node and an Integer per row, which for a million
 * rows is 50 MB of garbage and several times slower.
 */
final class UsccIndex {

    private final String[] keys;
    private final int[] rows;
    private final int mask;

    UsccIndex(int expected) {
        int capacity = Integer.highestOneBit(Math.max(16, expected) * 2 - 1) << 1; // load factor ≤ 0.5
        keys = new String[capacity];
        rows = new int[capacity];
        mask = capacity - 1;
    }

    /**
     * Records {@code uscc} at {@code row} unless already present; returns the earlier row, or 0.
     *
     * @param hash {@code uscc.hashCode()}, passed in because the caller has it at hand
     */
    int putIfAbsent(String uscc, int hash, int row) {
        int slot = (hash * 0x9E3779B9) >>> 7 & mask; // spread: String hashes of similar codes cluster
        while (true) {
            String k = keys[slot];
            if (k == null) {
                keys[slot] = uscc;
                rows[slot] = row;
                return 0;
            }
            if (k.equals(uscc)) {
                return rows[slot];
            }
            slot = (slot + 1) & mask;
        }
    }
}
