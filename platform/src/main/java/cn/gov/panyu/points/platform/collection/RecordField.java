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
    TOTAL_ASSETS("total_assets", "资产总额", Kind.AMOUNT),
    TOTAL_LIABILITIES("total_liabilities", "负债总额", Kind.AMOUNT),
    TOTAL_COST_EXPENSE("total_cost_expense", "成本费用总额", Kind.AMOUNT),
    NET_ASSETS_Y0("net_assets_y0", "本年净资产", Kind.SIGNED_AMOUNT),
    NET_ASSETS_Y1("net_assets_y1", "上年净资产", Kind.SIGNED_AMOUNT),
    NET_ASSETS_Y2("net_assets_y2", "前年净资产", Kind.SIGNED_AMOUNT),
    TECH_CONVERSIONS_Y0("tech_conversions_y0", "本年科技成果转化数", Kind.COUNT),
    TECH_CONVERSIONS_Y1("tech_conversions_y1", "上年科技成果转化数", Kind.COUNT),
    TECH_CONVERSIONS_Y2("tech_conversions_y2", "前年科技成果转化数", Kind.COUNT);

    static final Set<String> ALL_COLUMNS = Collections.unmodifiableSet(new LinkedHashSet<>(
            Arrays.stream(values()).map(RecordField::column).toList()));

    private static final Map<String, RecordField> BY_COLUMN =
            Arrays.stream(values()).collect(Collectors.toMap(RecordField::column, Function.identity()));

    private final String column;
    private final String label;
    private final Kind kind;
    private final InputField input;

    RecordField(InputField input) {
        this(input.key(), input.label(), input.kind(), input);
    }

    RecordField(String column, String label, Kind kind) {
        this(column, label, kind, null);
    }

    RecordField(String column, String label, Kind kind, InputField input) {
        if (kind == Kind.TEXT || kind == Kind.DATE) {
            throw new IllegalArgumentException("the registry's text and date columns are not record fields: " + column);
        }
        this.column = column;
        this.label = label;
        this.kind = kind;
        this.input = input;
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
     * a cultivation field's those of its kind.
     */
    public FieldRules.Verdict<Double> check(String text) {
        return input != null ? FieldRules.number(input, text) : FieldRules.number(kind, text);
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

    /** The unit shown in template headers: 万元, 人, 个, 0/1, or empty. */
    public String unit() {
        if (kind.amount()) {
            return "万元";
        }
        if (this == EMPLOYEES || this == RD_STAFF) {
            return "人";
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
