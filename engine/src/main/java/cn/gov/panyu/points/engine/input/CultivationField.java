package cn.gov.panyu.points.engine.input;

import java.util.HashMap;
import java.util.Map;

/**
 * The optional columns that only the 高企/科小 pre-assessment reads (cultivation-rules.md), beside the
 * scoring input of {@link InputField}. They are not part of the scoring spec, so the {@code evaluate}
 * command refuses them as unknown columns; {@code cultivation} reads them with {@link CultivationReader}.
 * Keys and labels match the platform's record fields where those exist, so that one file serves both.
 * Each value follows the {@link FieldRules} of its kind; a blank cell is missing, never 0.
 */
public enum CultivationField {
    TOTAL_ASSETS("total_assets", "资产总额", InputField.Kind.AMOUNT,
            "本年末资产总额；科小基本条件（≤ 2 亿元）"),
    TOTAL_LIABILITIES("total_liabilities", "负债总额", InputField.Kind.AMOUNT,
            "本年末负债总额；未填本年净资产时，净资产 = 资产总额 − 负债总额"),
    TOTAL_COST_EXPENSE("total_cost_expense", "成本费用总额", InputField.Kind.AMOUNT,
            "本年成本费用总额；科小研发投入指标的另一种算法（研发费用 / 成本费用总额）"),
    NET_ASSETS_Y0("net_assets_y0", "本年净资产", InputField.Kind.SIGNED_AMOUNT,
            "本年末净资产；高企成长性（净资产增长率）"),
    NET_ASSETS_Y1("net_assets_y1", "上年净资产", InputField.Kind.SIGNED_AMOUNT, "上年末净资产"),
    NET_ASSETS_Y2("net_assets_y2", "前年净资产", InputField.Kind.SIGNED_AMOUNT, "前年末净资产"),
    ST_STAFF("st_staff", "科技人员数", InputField.Kind.COUNT,
            "从事研发和相关技术创新活动的科技人员（含研发人员，口径宽于研发人员数）"),
    RD_EXPENSE_Y1("rd_expense_y1", "上年研发费用", InputField.Kind.AMOUNT, "高企近三年研发费用占比"),
    RD_EXPENSE_Y2("rd_expense_y2", "前年研发费用", InputField.Kind.AMOUNT, "高企近三年研发费用占比"),
    TECH_CONVERSIONS_Y0("tech_conversions_y0", "本年科技成果转化数", InputField.Kind.COUNT,
            "高企科技成果转化能力（近三年年均转化数）"),
    TECH_CONVERSIONS_Y1("tech_conversions_y1", "上年科技成果转化数", InputField.Kind.COUNT, "同上"),
    TECH_CONVERSIONS_Y2("tech_conversions_y2", "前年科技成果转化数", InputField.Kind.COUNT, "同上"),
    MAIN_IP_CLASS1("main_ip_class1", "主营产品Ⅰ类知识产权数", InputField.Kind.COUNT,
            "与主要产品（服务）相关的有效Ⅰ类知识产权；科小科技成果指标"),
    MAIN_IP_CLASS2("main_ip_class2", "主营产品Ⅱ类知识产权数", InputField.Kind.COUNT,
            "与主要产品（服务）相关的有效Ⅱ类知识产权（不含商标）；科小科技成果指标"),
    NATIONAL_AWARD_5Y("national_award_5y", "近五年国家科技奖励(前三完成单位)", InputField.Kind.FLAG,
            "近五年获国家级科技奖励且为前三名完成单位：1 是，0 否；科小直通条件"),
    LED_STANDARDS_5Y("led_standards_5y", "近五年牵头制定标准数", InputField.Kind.COUNT,
            "近五年牵头制定的国际、国家或行业标准数；科小直通条件"),
    SELF_IP_QUALITY("self_ip_quality", "知识产权先进程度与核心作用自评分", InputField.Kind.COUNT, 16,
            "高企创新能力评价中技术先进程度（≤ 8）与核心支持作用（≤ 8）的企业自评合计，0–16；不填则按 0–16 分区间"),
    SELF_RD_MANAGEMENT("self_rd_management", "研究开发组织管理水平自评分", InputField.Kind.COUNT, 20,
            "高企创新能力评价中研究开发组织管理水平的企业自评分，0–20；不填则按 0–20 分区间");

    private static final Map<String, CultivationField> BY_HEADER = new HashMap<>();

    static {
        for (CultivationField f : values()) {
            BY_HEADER.put(f.key, f);
            BY_HEADER.put(InputField.normalizeHeader(f.label), f);
        }
    }

    private final String key;
    private final String label;
    private final InputField.Kind kind;
    private final double max;
    private final String meaning;
    /** Built once: explanations name their source fields for every enterprise of a run. */
    private final String display;

    CultivationField(String key, String label, InputField.Kind kind, String meaning) {
        this(key, label, kind, Double.POSITIVE_INFINITY, meaning);
    }

    CultivationField(String key, String label, InputField.Kind kind, double max, String meaning) {
        this.key = key;
        this.label = label;
        this.kind = kind;
        this.max = max;
        this.meaning = meaning;
        this.display = label + "(" + key + ")";
    }

    /**
     * The largest value allowed: a self-assessed score cannot exceed the points of its part; other
     * columns are bounded only by their kind.
     */
    public double max() {
        return max;
    }

    public String key() {
        return key;
    }

    public String label() {
        return label;
    }

    public InputField.Kind kind() {
        return kind;
    }

    /** What the column holds and which rule reads it, for the README and the template notes. */
    public String meaning() {
        return meaning;
    }

    /** "科技人员数(st_staff)", as {@link InputField#display()}. */
    public String display() {
        return display;
    }

    /** The field a header cell names (English key or Chinese label, as {@link InputField#forHeader}). */
    public static CultivationField forHeader(String header) {
        return header == null ? null : BY_HEADER.get(InputField.normalizeHeader(header));
    }
}
