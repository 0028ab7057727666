package cn.gov.panyu.points.platform.table;

import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * A number pattern ({@link DecimalFormat} syntax, '.' and ',' as the separators) that any thread may use.
 *
 * <p>Why not {@code new DecimalFormat(…)} at each use, as before: building the format's symbols for a locale walks
 * the locale's data through streams, and a page writing fifty numbers did that a hundred times — about a seventh of
 * the bank report's rendering (ADR 0019). A clone of a ready prototype costs a few small array copies.
 */
public final class DecimalPattern {

    private static final DecimalFormatSymbols SYMBOLS = DecimalFormatSymbols.getInstance(Locale.ROOT);

    private final DecimalFormat prototype;

    private DecimalPattern(DecimalFormat prototype) {
        this.prototype = prototype;
    }

    public static DecimalPattern of(String pattern, RoundingMode rounding) {
        DecimalFormat format = new DecimalFormat(pattern, SYMBOLS);
        format.setRoundingMode(rounding);
        return new DecimalPattern(format);
    }

    /** Grouped by thousands with exactly {@code decimals} places, half-even, as Thymeleaf's #numbers writes them. */
    static DecimalPattern grouped(int decimals) {
        return of("#,##0" + places(decimals), RoundingMode.HALF_EVEN);
    }

    /** Without grouping, exactly {@code decimals} places, half-even. */
    static DecimalPattern plain(int decimals) {
        return of("0" + places(decimals), RoundingMode.HALF_EVEN);
    }

    private static String places(int decimals) {
        return decimals == 0 ? "" : "." + "0".repeat(decimals);
    }

    public String format(double value) {
        return copy().format(value);
    }

    /**
     * Any {@link Number}: a {@code BigDecimal} or {@code Long} is written exactly, not through a double.
     */
    public String format(Number value) {
        return copy().format(value);
    }

    private DecimalFormat copy() {
        // DecimalFormat keeps state while formatting: each call gets its own copy
        return (DecimalFormat) prototype.clone();
    }
}
