package cn.gov.panyu.points.engine.model;

import cn.gov.panyu.points.engine.input.EnterpriseValues;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.RecordColumns;

import java.util.Locale;

/**
 * What an indicator or bonus item reads from a record: an input field or a derived value (spec §2).
 * Model files name these by {@link #key()}. Missing is {@code NaN}.
 */
public enum ValueKey {
    REVENUE_Y0(InputField.REVENUE_Y0),
    REVENUE_Y1(InputField.REVENUE_Y1),
    REVENUE_Y2(InputField.REVENUE_Y2),
    NET_PROFIT(InputField.NET_PROFIT),
    TAX_PAID(InputField.TAX_PAID),
    RD_EXPENSE(InputField.RD_EXPENSE),
    EMPLOYEES(InputField.EMPLOYEES),
    RD_STAFF(InputField.RD_STAFF),
    IP_CLASS1(InputField.IP_CLASS1),
    IP_CLASS2(InputField.IP_CLASS2),
    INVENTION_GRANTED(InputField.INVENTION_GRANTED),
    TECH_CONTRACT(InputField.TECH_CONTRACT),
    EQUITY_FINANCING_3Y(InputField.EQUITY_FINANCING_3Y),
    HITECH_REVENUE(InputField.HITECH_REVENUE),
    RD_PLATFORMS(InputField.RD_PLATFORMS),
    AWARDS_5Y(InputField.AWARDS_5Y),
    STANDARDS_5Y(InputField.STANDARDS_5Y),
    PROJECTS_3Y(InputField.PROJECTS_3Y),
    CONTEST_AWARD_3Y(InputField.CONTEST_AWARD_3Y),
    ACADEMIA_PROJECTS_3Y(InputField.ACADEMIA_PROJECTS_3Y),
    /** 研发费用占营业收入比例 */
    RD_INTENSITY("研发投入强度"),
    /** 研发人员占职工总数比例 */
    RD_STAFF_RATIO("研发人员占比"),
    /** 营业收入增长率, the 高企 three-year formula */
    REVENUE_GROWTH("营业收入增长率"),
    /** 高新技术产品收入占比 */
    HITECH_RATIO("高新技术产品收入占比"),
    /** 1 when the industry division is one of the model's key industries, else 0 */
    KEY_INDUSTRY("重点产业"),
    /** set-valued: the qualifications held */
    QUALIFICATIONS(InputField.QUALIFICATIONS),
    /** set-valued: the negative circumstances */
    NEGATIVES(InputField.NEGATIVES);

    private final InputField field;
    private final String label;
    /** Index into the record's numbers for a numeric input field, else -1 (saves a lookup per row). */
    private final int numberIndex;

    ValueKey(InputField field) {
        this.field = field;
        this.label = field.label();
        this.numberIndex = field.numericIndex();
    }

    ValueKey(String label) {
        this.field = null;
        this.label = label;
        this.numberIndex = -1;
    }

    /** The name used in model files, e.g. {@code rd_intensity}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String label() {
        return label;
    }

    /** The input field this key reads directly, or null for a derived value. */
    public InputField field() {
        return field;
    }

    public boolean isSet() {
        return this == QUALIFICATIONS || this == NEGATIVES;
    }

    /** Ratios are shown as percentages. */
    public boolean isRatio() {
        return this == RD_INTENSITY || this == RD_STAFF_RATIO || this == REVENUE_GROWTH || this == HITECH_RATIO;
    }

    /** The enum whose constants are the members of a set-valued key. */
    public Class<? extends Enum<?>> memberType() {
        return switch (this) {
            case QUALIFICATIONS -> Qualification.class;
            case NEGATIVES -> Negative.class;
            default -> throw new IllegalStateException(key() + " is not set-valued");
        };
    }

    public static ValueKey forKey(String key) {
        for (ValueKey k : values()) {
            if (k.key().equals(key)) {
                return k;
            }
        }
        return null;
    }

    private static final int REVENUE_Y0_AT = InputField.REVENUE_Y0.numericIndex();
    private static final int REVENUE_Y1_AT = InputField.REVENUE_Y1.numericIndex();
    private static final int REVENUE_Y2_AT = InputField.REVENUE_Y2.numericIndex();
    private static final int RD_EXPENSE_AT = InputField.RD_EXPENSE.numericIndex();
    private static final int RD_STAFF_AT = InputField.RD_STAFF.numericIndex();
    private static final int EMPLOYEES_AT = InputField.EMPLOYEES.numericIndex();
    private static final int HITECH_REVENUE_AT = InputField.HITECH_REVENUE.numericIndex();

    /**
     * The value for one enterprise, computed in binary64 exactly as spec §2 writes it. The model is
     * needed only for {@link #KEY_INDUSTRY}.
     */
    public double extract(EnterpriseValues r, ScoreModel model) {
        if (numberIndex >= 0) {
            return r.number(numberIndex);
        }
        return switch (this) {
            case RD_INTENSITY -> ratioToRevenue(r.number(RD_EXPENSE_AT), r.number(REVENUE_Y0_AT));
            case RD_STAFF_RATIO -> r.number(RD_STAFF_AT) / r.number(EMPLOYEES_AT);
            case REVENUE_GROWTH -> growth(r.number(REVENUE_Y2_AT), r.number(REVENUE_Y1_AT), r.number(REVENUE_Y0_AT));
            case HITECH_RATIO -> ratioToRevenue(r.number(HITECH_REVENUE_AT), r.number(REVENUE_Y0_AT));
            case KEY_INDUSTRY -> model.isKeyIndustry(r.industry()) ? 1 : 0;
            default -> throw new IllegalStateException(key() + " is set-valued");
        };
    }

    /**
     * {@link #extract} for every row of a slice at once, into {@code out[at ..]}: the bulk form the scorer
     * uses (one small loop per key compiles and runs far faster than a switch per row). Both forms must
     * agree bit for bit — the same helpers compute each derived value, and a test checks them on random
     * records.
     */
    public void extract(RecordColumns.Slice rows, ScoreModel model, double[] out, int at) {
        int n = rows.size();
        if (numberIndex >= 0) {
            System.arraycopy(rows.numbers(numberIndex), 0, out, at, n);
            return;
        }
        double[] revenue = rows.numbers(REVENUE_Y0_AT);
        // one loop per method: a JIT compiles each quickly and once
        switch (this) {
            case RD_INTENSITY -> ratiosToRevenue(rows.numbers(RD_EXPENSE_AT), revenue, out, at, n);
            case RD_STAFF_RATIO -> staffRatios(rows.numbers(RD_STAFF_AT), rows.numbers(EMPLOYEES_AT), out, at, n);
            case REVENUE_GROWTH -> growths(rows.numbers(REVENUE_Y2_AT), rows.numbers(REVENUE_Y1_AT), revenue, out, at, n);
            case HITECH_RATIO -> ratiosToRevenue(rows.numbers(HITECH_REVENUE_AT), revenue, out, at, n);
            case KEY_INDUSTRY -> keyIndustries(rows.industries(), model, out, at, n);
            default -> throw new IllegalStateException(key() + " is set-valued");
        }
    }

    private static void ratiosToRevenue(double[] amount, double[] revenue, double[] out, int at, int n) {
        for (int i = 0; i < n; i++) {
            out[at + i] = ratioToRevenue(amount[i], revenue[i]);
        }
    }

    private static void staffRatios(double[] staff, double[] employees, double[] out, int at, int n) {
        for (int i = 0; i < n; i++) {
            out[at + i] = staff[i] / employees[i];
        }
    }

    private static void growths(double[] y2, double[] y1, double[] y0, double[] out, int at, int n) {
        for (int i = 0; i < n; i++) {
            out[at + i] = growth(y2[i], y1[i], y0[i]);
        }
    }

    /** Rows share a few dozen industry strings: each is looked up once per run of equal references. */
    private static void keyIndustries(String[] industries, ScoreModel model, double[] out, int at, int n) {
        String last = null;
        double value = 0;
        for (int i = 0; i < n; i++) {
            if (industries[i] != last) {
                last = industries[i];
                value = model.isKeyIndustry(last) ? 1 : 0;
            }
            out[at + i] = value;
        }
    }

    /** Set-valued keys, in bulk: the store's bit column of a slice (mask each with 0xFF; do not modify). */
    public byte[] members(RecordColumns.Slice rows) {
        return switch (this) {
            case QUALIFICATIONS -> rows.qualifications();
            case NEGATIVES -> rows.negatives();
            default -> throw new IllegalStateException(key() + " is not set-valued");
        };
    }

    /** Set-valued keys: the members present, as a bit set over {@link #memberType()} ordinals. */
    public int members(EnterpriseValues r) {
        return switch (this) {
            case QUALIFICATIONS -> r.qualificationBits();
            case NEGATIVES -> r.negativeBits();
            default -> throw new IllegalStateException(key() + " is not set-valued");
        };
    }

    private static double ratioToRevenue(double amount, double revenue) {
        // NaN propagates for a missing amount; revenue 0 makes the ratio missing, not infinite
        return revenue == 0 ? Double.NaN : amount / revenue;
    }

    /** a = Y-2, b = Y-1, c = Y: missing when b is missing or 0; c/b − 1 when a is missing or 0. */
    static double growth(double a, double b, double c) {
        if (Double.isNaN(b) || b == 0) {
            return Double.NaN;
        }
        if (Double.isNaN(a) || a == 0) {
            return c / b - 1;
        }
        return 0.5 * (b / a + c / b) - 1;
    }
}
