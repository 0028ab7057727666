package cn.gov.panyu.points.platform.collection;

import java.sql.Types;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.InputField.Kind;
import cn.gov.panyu.points.engine.input.SetCodes;

/**
 * The data columns of a yearly record ({@code source_record} and {@code enterprise_year} share them):
 * the spec's input fields plus the cultivation fields. Labels and kinds of spec fields come from the
 * engine's {@link InputField} so that a department template and the engine's template say the same.
 * A cultivation field, which the scoring spec does not read, has an engine {@link Kind} too, and its
 * values follow the engine's rules of that kind ({@link #check}): imports and declarations apply one
 * set of rules to every column.
 */
public enum RecordField {
    REVENUE_Y0(InputField.REVENUE_Y0), REVENUE_Y1(InputField.REVENUE_Y1), REVENUE_Y2(InputField.REVENUE_Y2),
    NET_PROFIT(InputField.NET_PROFIT), TAX_PAID(InputField.TAX_PAID), RD_EXPENSE(InputField.RD_EXPENSE),
    EMPLOYEES(InputField.EMPLOYEES), RD_STAFF(InputField.RD_STAFF), IP_CLASS1(InputField.IP_CLASS1),
    IP_CLASS2(InputField.IP_CLASS2), INVENTION_GRANTED(InputField.INVENTION_GRANTED),
    TECH_CONTRACT(InputField.TECH_CONTRACT), EQUITY_FINANCING_3Y(InputField.EQUITY_FINANCING_3Y),
    HITECH_REVENUE(InputField.HITECH_REVENUE), RD_PLATFORMS(InputField.RD_PLATFORMS),
    AWARDS_5Y(InputField.AWARDS_5Y), STANDARDS_5Y(InputField.STANDARDS_5Y), PROJECTS_3Y(InputField.PROJECTS_3Y),
    CONTEST_AWARD_3Y(InputField.CONTEST_AWARD_3Y), ACADEMIA_PROJECTS_3Y(InputField.ACADEMIA_PROJECTS_3Y),
    QUALIFICATIONS(InputField.QUALIFICATIONS), NEGATIVES(InputField.NEGATIVES),
    TOTAL_ASSETS(CultivationField.TOTAL_ASSETS), TOTAL_LIABILITIES(CultivationField.TOTAL_LIABILITIES),
    TOTAL_COST_EXPENSE(CultivationField.TOTAL_COST_EXPENSE), NET_ASSETS_Y0(CultivationField.NET_ASSETS_Y0),
    NET_ASSETS_Y1(CultivationField.NET_ASSETS_Y1), NET_ASSETS_Y2(CultivationField.NET_ASSETS_Y2),
    TECH_CONVERSIONS_Y0(CultivationField.TECH_CONVERSIONS_Y0), TECH_CONVERSIONS_Y1(CultivationField.TECH_CONVERSIONS_Y1),
    TECH_CONVERSIONS_Y2(CultivationField.TECH_CONVERSIONS_Y2), ST_STAFF(CultivationField.ST_STAFF),
    RD_EXPENSE_Y1(CultivationField.RD_EXPENSE_Y1), RD_EXPENSE_Y2(CultivationField.RD_EXPENSE_Y2),
    MAIN_IP_CLASS1(CultivationField.MAIN_IP_CLASS1), MAIN_IP_CLASS2(CultivationField.MAIN_IP_CLASS2),
    NATIONAL_AWARD_5Y(CultivationField.NATIONAL_AWARD_5Y), LED_STANDARDS_5Y(CultivationField.LED_STANDARDS_5Y),
    SELF_IP_QUALITY(CultivationField.SELF_IP_QUALITY), SELF_RD_MANAGEMENT(CultivationField.SELF_RD_MANAGEMENT);

    static final Set<String> ALL_COLUMNS = Collections.unmodifiableSet(new LinkedHashSet<>(
            Arrays.stream(values()).map(RecordField::column).toList()));

    private static final Map<String, RecordField> BY_COLUMN =
            Arrays.stream(values()).collect(Collectors.toMap(RecordField::column, Function.identity()));

    private final String column;
    private final String label;
    private final Kind kind;
    private final InputField input;
    private final CultivationField cultivation;

    RecordField(InputField input) {
        this(input.key(), input.label(), input.kind(), input, null);
    }

    RecordField(CultivationField cultivation) {
        this(cultivation.key(), cultivation.label(), cultivation.kind(), null, cultivation);
    }

    RecordField(String column, String label, Kind kind, InputField input, CultivationField cultivation) {
        if (kind == Kind.TEXT || kind == Kind.DATE) {
            throw new IllegalArgumentException("the registry's text and date columns are not record fields: " + column);
        }
        this.column = column;
        this.label = label;
        this.kind = kind;
        this.input = input;
        this.cultivation = cultivation;
    }

    /** The column name in {@code source_record}/{@code enterprise_year}, also the English header. */
    public String column() {
        return column;
    }

    public String label() {
        return label;
    }

    /** Never {@link Kind#TEXT} or {@link Kind#DATE}: those are the registry's columns. */
    public Kind kind() {
        return kind;
    }

    /**
     * Checks a typed number against the engine's rules: an input field's own (employees ≥ 1 included),
     * a cultivation field's those of its kind and its upper bound.
     */
    public FieldRules.Verdict<Double> check(String text) {
        return input != null ? FieldRules.number(input, text) : FieldRules.number(cultivation, text);
    }

    /** The codes of a set field (qualifications, negatives). */
    public SetCodes<?> codes() {
        if (kind != Kind.SET) {
            throw new IllegalStateException(column + " is not a set");
        }
        return SetCodes.of(input);
    }

    /** The JDBC type of the column. */
    public int sqlType() {
        return switch (kind) {
            case AMOUNT, SIGNED_AMOUNT -> Types.DOUBLE;
            case COUNT, FLAG -> Types.INTEGER;
            default -> Types.VARCHAR;
        };
    }

    /**
     * The value to write into the column from its canonical text (a plain decimal, an integer, stored set
     * codes); null for null.
     */
    public Object columnValue(String canonical) {
        if (canonical == null) {
            return null;
        }
        return switch (kind) {
            case AMOUNT, SIGNED_AMOUNT -> Double.valueOf(canonical);
            case COUNT, FLAG -> Integer.valueOf(canonical);
            default -> canonical;
        };
    }

    /** The engine's field, or null for a cultivation field the scoring spec does not read. */
    public InputField input() {
        return input;
    }

    /** The engine's cultivation column, or null for a field of the scoring spec. */
    public CultivationField cultivation() {
        return cultivation;
    }

    /** The unit shown in template headers: 万元, 人, 个, 0/1, or empty. */
    public String unit() {
        if (kind.amount()) {
            return "万元";
        }
        if (this == EMPLOYEES || this == RD_STAFF || this == ST_STAFF) {
            return "人";
        }
        if (this == SELF_IP_QUALITY || this == SELF_RD_MANAGEMENT) {
            return "分";
        }
        return switch (kind) {
            case COUNT -> "个";
            case FLAG -> "0/1";
            default -> "";
        };
    }

    /** "研发费用(万元)" — the label with its unit, as a template header shows it. */
    public String labelWithUnit() {
        String u = unit();
        return u.isEmpty() ? label : label + "(" + u + ")";
    }

    public static RecordField forColumn(String column) {
        return BY_COLUMN.get(column);
    }

    public static List<RecordField> of(Set<String> columns) {
        return columns.stream().map(BY_COLUMN::get).toList();
    }
}
