package cn.gov.panyu.points.engine.scoring;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The one rounding rule for published numbers (spec §6): two decimals, half up, from the unrounded value.
 *
 * <p>"Half up" is applied to the value's shortest decimal form ({@link Double#toString}), the number a
 * person sees when they look at the unrounded value — so 2.675 becomes 2.68, as Excel's ROUND does,
 * although the binary double nearest 2.675 lies just below it. See docs/adr/0003-rounding.md.
 *
 * <p>Published numbers are carried as {@code long} hundredths ("cents"), so that ranks compare exact
 * integers, never doubles.
 */
public final class Rounding {

    /** Outside this window around .5 the fast path cannot disagree with the decimal rule. */
    private static final double TIE_WINDOW = 1e-6;
    private static final double FAST_LIMIT = 1e9;

    private Rounding() {
    }

    /** The value rounded to hundredths, half up (away from zero), as a count of hundredths. */
    public static long cents(double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("cannot round " + value);
        }
        double scaled = Math.abs(value) * 100;
        if (scaled < FAST_LIMIT) {
            double floor = Math.floor(scaled);
            double frac = scaled - floor;
            if (Math.abs(frac - 0.5) > TIE_WINDOW) {
                long magnitude = (long) floor + (frac > 0.5 ? 1 : 0);
                return value < 0 ? -magnitude : magnitude;
            }
        }
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
    }

    public static BigDecimal decimal(long cents) {
        return BigDecimal.valueOf(cents, 2);
    }

    /** "295.38", "0.00", "-12.50": plain, without grouping, as the output files carry it. */
    public static String format(long cents) {
        StringBuilder sb = new StringBuilder(12);
        if (cents < 0) {
            sb.append('-');
            cents = -cents;
        }
        sb.append(cents / 100).append('.');
        long rest = cents % 100;
        if (rest < 10) {
            sb.append('0');
        }
        return sb.append(rest).toString();
    }
}
