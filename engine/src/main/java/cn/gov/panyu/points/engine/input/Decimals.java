package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;

/**
 * Parses plain decimal numbers ({@code -12.50}, {@code 1,234.5}) from bytes to exactly the double
 * {@link Double#parseDouble} gives — ties in scoring compare doubles, so "nearly" is not good enough.
 *
 * <p>Speed matters (a million rows have ~20 million numeric cells), so the common case avoids building a
 * String: when the digits form an integer m ≤ 2^53 and there are k ≤ 22 digits after the point, m and
 * 10^k are both exact doubles and one IEEE division m / 10^k is correctly rounded, which is the
 * correctly rounded value of the decimal — the same double {@code parseDouble} returns (Clinger's fast
 * path). Everything else falls back to {@code parseDouble} itself.
 */
final class Decimals {

    private static final double[] POW10 = new double[23];
    private static final long MAX_EXACT = 1L << 53;
    /** More significant digits than this may overflow a long: take the slow path. */
    private static final int MAX_FAST_DIGITS = 18;

    static {
        double p = 1;
        for (int i = 0; i < POW10.length; i++) {
            POW10[i] = p;
            p *= 10; // exact: every 10^i, i <= 22, is a double
        }
    }

    private Decimals() {
    }

    /**
     * Parses {@code [+-]digits[.digits]} (either part may be empty but not both) in {@code b[from, to)}.
     * With {@code grouping}, the integer part may use ',' thousands separators in groups of three.
     *
     * @return the value, or {@code NaN} when the text is not such a number ("NaN", "1e5", "0x1F" included)
     */
    static double parse(byte[] b, int from, int to, boolean grouping) {
        int i = from;
        boolean negative = false;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            negative = b[i] == '-';
            i++;
        }
        long mantissa = 0;
        int significant = 0; // digits counted from the first non-zero one
        int digits = 0;
        int fractionDigits = 0;
        boolean commas = false;
        int sinceComma = 0;
        for (; i < to; i++) {
            int c = b[i];
            if (c >= '0' && c <= '9') {
                digits++;
                sinceComma++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                    mantissa = mantissa * 10 + (c - '0');
                }
            } else if (c == ',' && grouping && digits > 0 && (commas ? sinceComma == 3 : sinceComma <= 3)) {
                commas = true;
                sinceComma = 0;
            } else {
                break;
            }
            if (significant > MAX_FAST_DIGITS) {
                return slow(b, from, to, grouping);
            }
        }
        if (commas && sinceComma != 3) {
            return Double.NaN;
        }
        if (i < to && b[i] == '.') {
            for (i++; i < to; i++) {
                int c = b[i];
                if (c < '0' || c > '9') {
                    break;
                }
                digits++;
                fractionDigits++;
                if (mantissa != 0 || c != '0') {
                    significant++;
                    mantissa = mantissa * 10 + (c - '0');
                }
                if (significant > MAX_FAST_DIGITS) {
                    return slow(b, from, to, grouping);
                }
            }
        }
        if (i != to || digits == 0) {
            return Double.NaN;
        }
        if (!fits(mantissa, fractionDigits)) {
            return slow(b, from, to, grouping);
        }
        return exact(mantissa, fractionDigits, negative);
    }

    /**
     * {@code ±mantissa / 10^fractionDigits}, correctly rounded; requires {@code mantissa <= 2^53} and
     * {@code fractionDigits <= 22} (see {@link #fits}).
     */
    static double exact(long mantissa, int fractionDigits, boolean negative) {
        double v = fractionDigits == 0 ? mantissa : mantissa / POW10[fractionDigits];
        // round-half-even is symmetric, so negating after rounding gives parseDouble's result, -0.0 included
        return negative ? -v : v;
    }

    /** Whether {@link #exact} applies. */
    static boolean fits(long mantissa, int fractionDigits) {
        return mantissa <= MAX_EXACT && fractionDigits < POW10.length;
    }

    /** The reference path; the syntax was already checked by the caller up to the point it gave up. */
    private static double slow(byte[] b, int from, int to, boolean grouping) {
        StringBuilder sb = new StringBuilder(to - from);
        boolean point = false;
        for (int i = from; i < to; i++) {
            int c = b[i];
            if (c == ',' && grouping && !point) {
                continue; // grouping was validated before the fast path gave up; re-check below
            }
            if (c == '.') {
                point = true;
            } else if (!(c >= '0' && c <= '9') && !(i == from && (c == '-' || c == '+'))) {
                return Double.NaN;
            }
            sb.append((char) c);
        }
        if (grouping && !validGrouping(b, from, to)) {
            return Double.NaN;
        }
        String s = sb.toString();
        if (s.indexOf('.') != s.lastIndexOf('.')) {
            return Double.NaN;
        }
        return Double.parseDouble(s);
    }

    /** Commas only in the integer part, in groups of exactly three after a first group of one to three. */
    private static boolean validGrouping(byte[] b, int from, int to) {
        int i = from;
        if (i < to && (b[i] == '-' || b[i] == '+')) {
            i++;
        }
        int run = 0;
        boolean commas = false;
        for (; i < to && b[i] != '.'; i++) {
            if (b[i] == ',') {
                if (run == 0 || (commas ? run != 3 : run > 3)) {
                    return false;
                }
                commas = true;
                run = 0;
            } else {
                run++;
            }
        }
        for (; i < to; i++) {
            if (b[i] == ',') {
                return false;
            }
        }
        return !commas || run == 3;
    }

    /** Convenience for text that is already a String (XLSX cells, tests). */
    static double parse(String s, boolean grouping) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        return parse(b, 0, b.length, grouping);
    }
}
