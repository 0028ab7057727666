package cn.gov.panyu.points.engine.input;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The columns of one enterprise record (scoring-spec §1). The {@link #key()} is the CSV header; the
 * {@link #label()} is the Chinese header of the Excel template. Readers accept either.
 */
public enum InputField {
    USCC("uscc", "统一社会信用代码", Kind.TEXT, true),
    NAME("name", "企业名称", Kind.TEXT, true),
    TOWN("town", "所属镇街", Kind.TEXT, true),
    INDUSTRY("industry", "行业代码", Kind.TEXT, true),
    ESTABLISHED("established", "成立日期", Kind.DATE, true),
    REVENUE_Y0("revenue_y0", "本年营业收入", Kind.AMOUNT, true),
    REVENUE_Y1("revenue_y1", "上年营业收入", Kind.AMOUNT, false),
    REVENUE_Y2("revenue_y2", "前年营业收入", Kind.AMOUNT, false),
    NET_PROFIT("net_profit", "净利润", Kind.SIGNED_AMOUNT, false),
    TAX_PAID("tax_paid", "纳税总额", Kind.AMOUNT, false),
    RD_EXPENSE("rd_expense", "研发费用", Kind.AMOUNT, false),
    EMPLOYEES("employees", "职工总数", Kind.COUNT, true),
    RD_STAFF("rd_staff", "研发人员数", Kind.COUNT, false),
    IP_CLASS1("ip_class1", "有效Ⅰ类知识产权数", Kind.COUNT, false),
    IP_CLASS2("ip_class2", "有效Ⅱ类知识产权数", Kind.COUNT, false),
    INVENTION_GRANTED("invention_granted", "当年国内发明专利授权数", Kind.COUNT, false),
    TECH_CONTRACT("tech_contract", "技术合同成交额", Kind.AMOUNT, false),
    EQUITY_FINANCING_3Y("equity_financing_3y", "近三年股权融资额", Kind.AMOUNT, false),
    HITECH_REVENUE("hitech_revenue", "高新技术产品(服务)收入", Kind.AMOUNT, false),
    RD_PLATFORMS("rd_platforms", "省级以上研发机构数", Kind.COUNT, false),
    AWARDS_5Y("awards_5y", "近五年省级以上科技奖励数", Kind.COUNT, false),
    STANDARDS_5Y("standards_5y", "近五年主导或参与制定标准数", Kind.COUNT, false),
    PROJECTS_3Y("projects_3y", "近三年承担省级以上科技计划项目数", Kind.COUNT, false),
    CONTEST_AWARD_3Y("contest_award_3y", "近三年双创大赛获奖", Kind.FLAG, false),
    ACADEMIA_PROJECTS_3Y("academia_projects_3y", "近三年产学研合作项目数", Kind.COUNT, false),
    QUALIFICATIONS("qualifications", "资质", Kind.SET, false),
    NEGATIVES("negatives", "负面情形", Kind.SET, false);

    /**
     * How a cell is parsed and which rule it must satisfy ({@link FieldRules} holds the rules, per kind
     * and, where a field has one of its own, per field). The platform's extra record fields, which the
     * scoring spec does not read, have a kind too and follow the same rules.
     */
    public enum Kind {
        TEXT, DATE,
        /** amount in 万元, ≥ 0 */
        AMOUNT,
        /** amount in 万元, may be negative */
        SIGNED_AMOUNT,
        /** non-negative integer */
        COUNT,
        /** 0 or 1 */
        FLAG,
        /** ';'-separated codes */
        SET;

        public boolean numeric() {
            return this == AMOUNT || this == SIGNED_AMOUNT || this == COUNT || this == FLAG;
        }

        /** An amount in 万元, signed or not (as opposed to a count or flag). */
        public boolean amount() {
            return this == AMOUNT || this == SIGNED_AMOUNT;
        }
    }

    private static final List<InputField> NUMERIC =
            Arrays.stream(values()).filter(f -> f.kind.numeric()).toList();
    private static final Map<String, InputField> BY_HEADER = new HashMap<>();
    private static final int[] NUMERIC_INDEX = new int[values().length];

    static {
        for (InputField f : values()) {
            NUMERIC_INDEX[f.ordinal()] = NUMERIC.indexOf(f);
            BY_HEADER.put(f.key, f);
            BY_HEADER.put(normalizeHeader(f.label), f);
        }
    }

    private final String key;
    private final String label;
    private final Kind kind;
    private final boolean required;
    /** Built once: explanations name their source fields for every enterprise of a run. */
    private final String display;

    InputField(String key, String label, Kind kind, boolean required) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.required = required;
        this.display = label + "(" + key + ")";
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public Kind kind() {
        return kind;
    }

    public boolean required() {
        return required;
    }

    /** Position among the numeric fields, the index into a record's number array; -1 if not numeric. */
    public int numericIndex() {
        return NUMERIC_INDEX[ordinal()];
    }

    /** Header text as the user sees it in messages: "营业收入(revenue_y0)" style. */
    public String display() {
        return display;
    }

    public static List<InputField> numericFields() {
        return NUMERIC;
    }

    /**
     * Finds the field a header cell names: the English key, or the Chinese label — ignoring blanks, a
     * trailing required mark '*', a trailing unit such as "（万元）", and full-width brackets.
     */
    public static InputField forHeader(String header) {
        if (header == null) {
            return null;
        }
        return BY_HEADER.get(normalizeHeader(header));
    }

    static String normalizeHeader(String header) {
        String h = header.replace('\uFEFF', ' ').replace('（', '(').replace('）', ')')
                .replaceAll("\\s+", "");
        while (h.endsWith("*")) {
            h = h.substring(0, h.length() - 1);
        }
        h = h.replaceFirst("\\((万元|元|个|人|项|家|件|分|0/1|yyyy-MM-dd)\\)$", "");
        while (h.startsWith("*")) {
            h = h.substring(1);
        }
        return h.toLowerCase(Locale.ROOT);
    }
}
