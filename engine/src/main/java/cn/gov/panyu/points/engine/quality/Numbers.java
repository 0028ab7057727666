package cn.gov.panyu.points.engine.quality;

import java.math.BigDecimal;
import java.math.MathContext;

import cn.gov.panyu.points.engine.input.InputField;

/** How flags write numbers: plain decimals, no exponent, no trailing zeros. */
public final class Numbers {

    private Numbers() {
    }

    /** A stored figure exactly as it is ("1250.5", "12"), the identity of a flagged value. */
    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** A derived figure (median, z, ratio) to four significant digits: enough to check, short enough to read. */
    static String derived(double v) {
        if (Double.isInfinite(v)) {
            return "∞";
        }
        return plain(new BigDecimal(v).round(new MathContext(4)).doubleValue());
    }

    /** A group statistic (median, MAD) to four decimals: exact for the figures firms report. */
    static String statistic(double v) {
        return plain(BigDecimal.valueOf(v).setScale(4, java.math.RoundingMode.HALF_UP).doubleValue());
    }

    /** A figure with its unit as a reason names it: "120 万元" for amounts, the bare number for counts. */
    static String withUnit(InputField field, double v) {
        return field.kind().amount() ? figure(field, v) + " 万元" : figure(field, v);
    }

    /** A computed figure of a field: amounts to two decimals, counts whole where they are. */
    static String figure(InputField field, double v) {
        // a median back from the log scale is 12.000000000000002 rather than 12: counts to four decimals
        return field.kind().amount() ? derivedAmount(v) : statistic(v);
    }

    /** Amounts keep two decimals at most (万元 to the hundred yuan), however large. */
    private static String derivedAmount(double v) {
        return plain(BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).doubleValue());
    }
}
