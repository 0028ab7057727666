package cn.gov.panyu.points.engine.input;

import java.util.Arrays;

/**
 * A small map from byte sequences to values, looked up without building a key object. Columns such as
 * town, industry or qualifications repeat a few dozen distinct values over a million rows; caching the
 * decoded, validated result per distinct byte sequence saves decoding and allocating a String per cell.
 * Bounded: once full it stops learning (a column of unique values then simply misses), so a hostile
 * file cannot grow it. Not thread-safe — each reader thread owns its caches.
 */
final class ByteKeyCache {

    private static final int SLOTS = 1024; // power of two
    private static final int MAX_ENTRIES = SLOTS / 2;
    private static final int MAX_KEY_LENGTH = 64;

    private final byte[][] keys = new byte[SLOTS][];
    private final Object[] values = new Object[SLOTS];
    private int size;

    /** The cached value, or {@code null}. */
    Object get(byte[] b, int from, int to) {
        int len = to - from;
        if (len > MAX_KEY_LENGTH) {
            return null;
        }
        for (int slot = hash(b, from, to) & (SLOTS - 1); ; slot = (slot + 1) & (SLOTS - 1)) {
            byte[] key = keys[slot];
            if (key == null) {
                return null;
            }
            if (key.length == len && Arrays.equals(key, 0, len, b, from, to)) {
                return values[slot];
            }
        }
    }

    void put(byte[] b, int from, int to, Object value) {
        if (size >= MAX_ENTRIES || to - from > MAX_KEY_LENGTH) {
            return;
        }
        int slot = hash(b, from, to) & (SLOTS - 1);
        while (keys[slot] != null) {
            slot = (slot + 1) & (SLOTS - 1);
        }
        keys[slot] = Arrays.copyOfRange(b, from, to);
        values[slot] = value;
        size++;
    }

    private static int hash(byte[] b, int from, int to) {
        int h = 0;
        for (int i = from; i < to; i++) {
            h = 31 * h + b[i];
        }
        return h ^ (h >>> 16);
    }
}
