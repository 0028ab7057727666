package cn.gov.panyu.points.engine.calibration;

/**
 * Stable merge sorts on primitive arrays, without boxing: ranking 100,000 enterprises per weight change must
 * stay cheap. Values compare numerically, so −0.0 and 0.0 are equal (a tie), as in the scores themselves.
 */
final class IndexSort {

    private IndexSort() {
    }

    /** Sorts row indices by {@code key[row]} ascending, stably. */
    static void sort(int[] rows, double[] key) {
        int n = rows.length;
        int[] buffer = new int[n];
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    // take from the right only when strictly smaller: equal keys keep their order
                    buffer[k++] = key[rows[b]] < key[rows[a]] ? rows[b++] : rows[a++];
                }
                while (a < mid) {
                    buffer[k++] = rows[a++];
                }
                while (b < hi) {
                    buffer[k++] = rows[b++];
                }
                System.arraycopy(buffer, lo, rows, lo, hi - lo);
            }
        }
    }

    /**
     * Sorts {@code v} ascending in place and returns the number of pairs i &lt; j with v[i] &gt; v[j] (equal
     * values are not inversions), counted by the merges.
     */
    static long countInversions(double[] v) {
        int n = v.length;
        double[] buffer = new double[n];
        long inversions = 0;
        for (int width = 1; width < n; width *= 2) {
            for (int lo = 0; lo < n - width; lo += 2 * width) {
                int mid = lo + width;
                int hi = Math.min(lo + 2 * width, n);
                int a = lo;
                int b = mid;
                int k = lo;
                while (a < mid && b < hi) {
                    if (v[b] < v[a]) {
                        inversions += mid - a; // v[b] is smaller than every value left in the left half
                        buffer[k++] = v[b++];
                    } else {
                        buffer[k++] = v[a++];
                    }
                }
                while (a < mid) {
                    buffer[k++] = v[a++];
                }
                while (b < hi) {
                    buffer[k++] = v[b++];
                }
                System.arraycopy(buffer, lo, v, lo, hi - lo);
            }
        }
        return inversions;
    }
}
