package cn.gov.panyu.points.platform.table;

/**
 * How pages write numbers: the templates' {@code #fmt} object ({@link NumberDialect}).
 * <ul>
 *   <li>{@code #fmt.grouped(x, 2)} — "12,345.68": amounts and points in tables and cards;</li>
 *   <li>{@code #fmt.integer(x)} — "12,346": counts;</li>
 *   <li>{@code #fmt.plain(x, 4)} — "0.1235": coefficients and weights, no thousands separator.</li>
 * </ul>
 * Each writes exactly what Thymeleaf's {@code #numbers.formatDecimal(x, 1, 'COMMA', 2, 'POINT')},
 * {@code #numbers.formatInteger(x, 1, 'COMMA')} and {@code #numbers.formatDecimal(x, 1, 4)} (or {@code (x, 1, 4, 'POINT')}) write (a property test
 * holds them to it), without building a locale's number symbols twice per number. A null number is null, as there.
 */
public final class PageNumbers {

    /** The most decimal places a page asks for. */
    static final int MAX_DECIMALS = 6;

    private static final DecimalPattern[] GROUPED = new DecimalPattern[MAX_DECIMALS + 1];
    private static final DecimalPattern[] PLAIN = new DecimalPattern[MAX_DECIMALS + 1];

    static {
        for (int d = 0; d <= MAX_DECIMALS; d++) {
            GROUPED[d] = DecimalPattern.grouped(d);
            PLAIN[d] = DecimalPattern.plain(d);
        }
    }

    public String grouped(Number value, int decimals) {
        return value == null ? null : GROUPED[checked(decimals)].format(value);
    }

    public String integer(Number value) {
        return value == null ? null : GROUPED[0].format(value);
    }

    public String plain(Number value, int decimals) {
        return value == null ? null : PLAIN[checked(decimals)].format(value);
    }

    private static int checked(int decimals) {
        if (decimals < 0 || decimals > MAX_DECIMALS) {
            throw new IllegalArgumentException("decimal places must be 0.." + MAX_DECIMALS + ", not " + decimals);
        }
        return decimals;
    }
}
