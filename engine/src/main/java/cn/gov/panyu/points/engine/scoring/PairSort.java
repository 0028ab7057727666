package cn.gov.panyu.points.engine.scoring;

import java.util.Arrays;

/**
 * Sorts non-negative {@code long} keys together with an {@code int} payload (LSD radix sort, 11-bit
 * digits, skipping digits that every key shares).
 *
 * <p>Why: a percentile needs each enterprise's position among a million values. Sorting (value, row)
 * pairs once and walking the groups of equal values is several times faster than a binary search per
 * enterprise, whose probes miss the cache; and positive doubles order exactly like their bit patterns.
 */
final class PairSort {

    private static final int BITS = 11;
    private static final int RADIX = 1 << BITS;
    private static final int MASK = RADIX - 1;

    private PairSort() {
    }

    /** Sorts {@code keys[0..n)} ascending, moving {@code rows} along; stable. Keys must be ≥ 0. */
    static void sort(long[] keys, int[] rows, int n) {
        long[] keyBuffer = new long[n];
        int[] rowBuffer = new int[n];
        long[] srcKeys = keys;
        int[] srcRows = rows;
        long[] dstKeys = keyBuffer;
        int[] dstRows = rowBuffer;
        int[] count = new int[RADIX];
        for (int shift = 0; shift < 64; shift += BITS) {
            // a digit that is the same in every key cannot change the order: skip the pass
            if (n == 0 || sameDigit(srcKeys, n, shift, (int) ((srcKeys[0] >>> shift) & MASK))) {
                continue;
            }
            Arrays.fill(count, 0);
            for (int i = 0; i < n; i++) {
                count[(int) ((srcKeys[i] >>> shift) & MASK)]++;
            }
            int sum = 0;
            for (int d = 0; d < RADIX; d++) {
                int c = count[d];
                count[d] = sum;
                sum += c;
            }
            for (int i = 0; i < n; i++) {
                int pos = count[(int) ((srcKeys[i] >>> shift) & MASK)]++;
                dstKeys[pos] = srcKeys[i];
                dstRows[pos] = srcRows[i];
            }
            long[] tk = srcKeys;
            srcKeys = dstKeys;
            dstKeys = tk;
            int[] tr = srcRows;
            srcRows = dstRows;
            dstRows = tr;
        }
        if (srcKeys != keys) {
            System.arraycopy(srcKeys, 0, keys, 0, n);
            System.arraycopy(srcRows, 0, rows, 0, n);
        }
    }

    private static boolean sameDigit(long[] keys, int n, int shift, int digit) {
        for (int i = 0; i < n; i++) {
            if ((int) ((keys[i] >>> shift) & MASK) != digit) {
                return false;
            }
        }
        return true;
    }
}
