package cn.gov.panyu.points.engine.input;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * The rules of scoring-spec §1 for the values of an enterprise record, each with its one wording. They
 * are defined here once and every entry point applies them: the engine's readers (the command line —
 * {@link RowAssembler} checks bytes on its fast path but takes its verdicts and messages from here), the
 * platform's department imports and its enterprise self-declarations. So the same bad value is refused
 * everywhere, with the same text. Rules with tables of their own live beside this class and are reached
 * through it: the USCC check character ({@link UnifiedSocialCreditCode}), the industry divisions
 * ({@link IndustryCode}) and the set members ({@link SetCodes}).
 *
 * <p>What a value is, whatever the entry point:
 * <ul>
 * <li>Blanks around a value are not part of it ({@link String#strip()}, which includes the full-width
 *     space U+3000 of Chinese input methods). A blank value is <em>missing</em> — never 0 — and only a
 *     required field ({@link InputField#required()}) must not be missing: {@link #REQUIRED}. Every check
 *     below therefore accepts a blank value as missing; whether it may be missing is the caller's
 *     question, since a declaration may be saved half-filled.</li>
 * <li>A number is {@code [+-]digits[.digits]} (either part may be empty, not both), read as exactly the
 *     double {@link Double#parseDouble} gives (ties in scoring compare doubles). No exponent, no unit, no
 *     NaN or Infinity.</li>
 * <li><b>Thousands separators</b> (the rule of {@link Decimals}): ',' in the integer part, in groups of
 *     exactly three after a first group of one to three ({@code 1,234,567.5}). Any other comma
 *     ({@code 1,5}, {@code 12,34}, one after the point) makes the text no number, and so do the
 *     full-width '，' and blanks inside a number: a decimal comma must never silently become a thousands
 *     separator. The rule is the same for a form, a spreadsheet cell and a CSV cell; in a CSV file a
 *     number with commas is necessarily quoted, since an unquoted comma ends the cell — that is CSV
 *     syntax, not another number rule.</li>
 * <li>A minus sign in a column that may not be negative is refused even on zero: {@code -0} is
 *     {@link #NEGATIVE}, because a sign there is a typo worth showing rather than a harmless zero.</li>
 * <li>A count is a whole number: {@code 3.0} (as Excel writes it) is 3, {@code 3.5} is no count.</li>
 * </ul>
 */
public final class FieldRules {

    public static final Problem REQUIRED = new Problem("必填项不能为空", "is required");
    public static final Problem NOT_DECIMAL =
            new Problem("应为数字，如 123.45（不带单位和符号）", "must be a plain decimal number such as 123.45");
    public static final Problem NOT_COUNT = new Problem("应为非负整数", "must be a non-negative integer");
    public static final Problem NOT_FLAG = new Problem("应为 0 或 1", "must be 0 or 1");
    public static final Problem NEGATIVE = new Problem("不得为负数", "must not be negative");
    /** Beyond the range of a double: digits that no amount or count can have. */
    public static final Problem TOO_LARGE = new Problem("数值超出范围", "is out of range");
    public static final Problem NO_EMPLOYEES = new Problem("应至少为 1", "must be at least 1");
    public static final Problem DATE_FORMAT =
            new Problem("应为日期 yyyy-MM-dd，如 2015-06-30", "must be a date yyyy-MM-dd, e.g. 2015-06-30");
    public static final Problem NO_SUCH_DATE = new Problem("不是有效的日期", "is not a valid date");

    /** The cross-field rules of scoring-spec §1, in the order a record's violations are listed. */
    public static final List<Limit> LIMITS = List.of(
            new Limit(InputField.RD_STAFF, InputField.EMPLOYEES),
            new Limit(InputField.HITECH_REVENUE, InputField.REVENUE_Y0));

    // ---------------------------------------------------------------- the table of number rules

    private static final NumberRule AMOUNT = new NumberRule(false, false, Double.POSITIVE_INFINITY, NOT_DECIMAL, 0, NEGATIVE);
    private static final NumberRule SIGNED_AMOUNT =
            new NumberRule(true, false, Double.POSITIVE_INFINITY, NOT_DECIMAL, Double.NEGATIVE_INFINITY, null);
    private static final NumberRule COUNT = new NumberRule(false, true, Double.POSITIVE_INFINITY, NOT_COUNT, 0, NEGATIVE);
    private static final NumberRule FLAG = new NumberRule(false, true, 1, NOT_FLAG, 0, NEGATIVE);
    /** The one field with a rule of its own: an enterprise has at least one employee. */
    private static final NumberRule EMPLOYEES = new NumberRule(false, true, Double.POSITIVE_INFINITY, NOT_COUNT, 1, NO_EMPLOYEES);

    private static final NumberRule[] BY_KIND = new NumberRule[InputField.Kind.values().length];
    private static final NumberRule[] BY_FIELD = new NumberRule[InputField.values().length];

    static {
        BY_KIND[InputField.Kind.AMOUNT.ordinal()] = AMOUNT;
        BY_KIND[InputField.Kind.SIGNED_AMOUNT.ordinal()] = SIGNED_AMOUNT;
        BY_KIND[InputField.Kind.COUNT.ordinal()] = COUNT;
        BY_KIND[InputField.Kind.FLAG.ordinal()] = FLAG;
        for (InputField f : InputField.values()) {
            BY_FIELD[f.ordinal()] = f == InputField.EMPLOYEES ? EMPLOYEES : BY_KIND[f.kind().ordinal()];
        }
    }

    private FieldRules() {
    }

    /**
     * A value checked against its rule: the value when accepted, the broken rule when refused, neither
     * when the text was blank (missing).
     */
    public record Verdict<T>(T value, Problem problem) {

        static <T> Verdict<T> absent() {
            return new Verdict<>(null, null);
        }

        static <T> Verdict<T> accepted(T value) {
            return new Verdict<>(value, null);
        }

        static <T> Verdict<T> refused(Problem problem) {
            return new Verdict<>(null, problem);
        }

        public boolean refused() {
            return problem != null;
        }

        public boolean missing() {
            return value == null && problem == null;
        }
    }

    // ---------------------------------------------------------------- numbers

    /** A number of an input field: the rules of its kind and, for {@code employees}, its own (≥ 1). */
    public static Verdict<Double> number(InputField field, String text) {
        return number(numberRule(field), text);
    }

    /**
     * A number of a kind: for columns outside scoring-spec §1 (the platform's cultivation fields) that
     * follow the rules of their kind.
     */
    public static Verdict<Double> number(InputField.Kind kind, String text) {
        return number(numberRule(kind), text);
    }

    /**
     * A number of a cultivation column: the rules of its kind and, for a self-assessed score, no more than
     * the points of its part.
     */
    public static Verdict<Double> number(CultivationField field, String text) {
        Verdict<Double> verdict = number(field.kind(), text);
        if (verdict.value() != null && verdict.value() > field.max()) {
            return Verdict.refused(new Problem("应为 0–" + plain(field.max()) + " 的整数",
                    "must be an integer from 0 to " + plain(field.max())));
        }
        return verdict;
    }

    private static Verdict<Double> number(NumberRule rule, String text) {
        String t = stripped(text);
        if (t == null) {
            return Verdict.absent();
        }
        double v = Decimals.parse(t, true);
        Problem p = rule.check(v, t.charAt(0) == '-');
        return p == null ? Verdict.accepted(v) : Verdict.refused(p);
    }

    static NumberRule numberRule(InputField field) {
        return requireNumeric(BY_FIELD[field.ordinal()], field);
    }

    static NumberRule numberRule(InputField.Kind kind) {
        return requireNumeric(BY_KIND[kind.ordinal()], kind);
    }

    private static NumberRule requireNumeric(NumberRule rule, Object what) {
        if (rule == null) {
            throw new IllegalArgumentException("not numeric: " + what);
        }
        return rule;
    }

    /**
     * The rule of a numeric column. One instance per kind (and one for employees), shared by the readers'
     * byte-level path and the public checks, so that both give the same verdict and the same message.
     */
    static final class NumberRule {
        private final boolean signed;
        private final boolean whole;
        private final double max;
        private final Problem notANumber;
        private final double min;
        private final Problem belowMin;

        private NumberRule(boolean signed, boolean whole, double max, Problem notANumber, double min,
                           Problem belowMin) {
            this.signed = signed;
            this.whole = whole;
            this.max = max;
            this.notANumber = notANumber;
            this.min = min;
            this.belowMin = belowMin;
        }

        /**
         * The rule a parsed value breaks, or null.
         *
         * @param v         the value as {@link Decimals#parse} read it; NaN when the text was no number
         * @param minusSign whether the text began with '-' (so that {@code -0} is seen)
         */
        Problem check(double v, boolean minusSign) {
            if (Double.isNaN(v)) {
                return notANumber;
            }
            if (Double.isInfinite(v)) {
                return TOO_LARGE;
            }
            if (minusSign && !signed) {
                return NEGATIVE;
            }
            if ((whole && v != Math.rint(v)) || v > max) {
                return notANumber; // a flag of 2 is no flag, as a count of 3.5 is no count
            }
            return v < min ? belowMin : null;
        }
    }

    // ---------------------------------------------------------------- text and dates

    /** A 统一社会信用代码: 18 characters of the GB 32100-2015 alphabet with a valid check character. */
    public static Problem uscc(String text) {
        String t = stripped(text);
        return t == null ? null : UnifiedSocialCreditCode.check(t);
    }

    /** A GB/T 4754-2017 division such as {@code C36}. */
    public static Problem industry(String text) {
        String t = stripped(text);
        return t == null ? null : IndustryCode.check(t);
    }

    /** One of the allowed towns (镇街) of {@code rules}. */
    public static Problem town(String text, ReadRules rules) {
        String t = stripped(text);
        return t == null || rules.towns().contains(t) ? null : unknownTown(rules.towns());
    }

    static Problem unknownTown(Collection<String> towns) {
        return new Problem("不是允许的镇街，应为：" + String.join("、", towns),
                "is not an allowed town; allowed: " + String.join(", ", towns));
    }

    /** The founding date: {@code yyyy-MM-dd} (or {@code yyyy/M/d}), a real date, not after 31 Dec of Y. */
    public static Verdict<LocalDate> established(String text, ReadRules rules) {
        String t = stripped(text);
        if (t == null) {
            return Verdict.absent();
        }
        byte[] b = t.getBytes(StandardCharsets.UTF_8);
        int ymd = Dates.parse(b, 0, b.length);
        Problem p = dateProblem(ymd, rules.year());
        return p == null ? Verdict.accepted(LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100)) : Verdict.refused(p);
    }

    /**
     * The founding date rule for a date that was not typed (an Excel date cell): only that it is not
     * after 31 Dec of Y.
     */
    public static Problem established(LocalDate date, ReadRules rules) {
        return date == null ? null
                : dateProblem(date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth(), rules.year());
    }

    /** The rule a {@link Dates#parse} result breaks in evaluation year {@code year}, or null. */
    static Problem dateProblem(int ymd, int year) {
        if (ymd == Dates.BAD_FORMAT) {
            return DATE_FORMAT;
        }
        if (ymd == Dates.NO_SUCH_DATE) {
            return NO_SUCH_DATE;
        }
        if (ymd > year * 10000 + 1231) {
            return new Problem("不得晚于 " + year + "-12-31（评价年度 " + year + "）",
                    "must not be after " + year + "-12-31 (evaluation year " + year + ")");
        }
        return null;
    }

    // ---------------------------------------------------------------- across fields

    /**
     * A value that must not be greater than another value of the same record (rd_staff ≤ employees,
     * hitech_revenue ≤ revenue_y0). Equality is allowed; a missing value breaks nothing.
     */
    public record Limit(InputField field, InputField limit) {

        /** The broken rule when {@code value} exceeds {@code max}, else null (also when either is NaN). */
        public Problem check(double value, double max) {
            return notAbove(limit, value, max);
        }
    }

    /**
     * The broken rule when {@code value} exceeds {@code max}, the value of field {@code limit} in the same
     * record; null otherwise (also when either is NaN). For the cross-field rules of {@link #LIMITS} and of
     * the pre-assessment's columns.
     */
    public static Problem notAbove(InputField limit, double value, double max) {
        if (!(value > max)) {
            return null;
        }
        // the limit's value, not "this row's": the same words must fit a file row and a form; the
        // label alone, since staff and enterprises read these words in the platform, not the CSV keys
        String shown = plain(max);
        return new Problem("不得大于" + limit.label() + "（" + limit.label() + "为 " + shown + "）",
                "must not exceed " + limit.key() + " (which is " + shown + ")");
    }

    /** A parsed number as plain text, e.g. 35 or 116.03 (the shortest text that reads back the same). */
    static String plain(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    private static String stripped(String text) {
        if (text == null) {
            return null;
        }
        String t = text.strip();
        return t.isEmpty() ? null : t;
    }
}
