package cn.gov.panyu.points.platform.cultivation;

import java.util.List;

/**
 * The reserve pools the bureau cultivates, each with the parameters staff may change (defaults from the
 * rules: 科小 passes at 60 points, 高企 "close" means at most two conditions short by at most a fifth,
 * 专精特新 from 工信部企业〔2022〕63号's basic conditions).
 */
public enum Pool {
    TSME_RESERVE("科小入库后备", "科小评价通过（含直接通过）且尚未取得科技型中小企业资格",
            List.of(new Parameter("minTotal", "科小评价总分不低于", "分", 60, 60, 100))),
    HTE_RESERVE("高企后备", "尚未取得高新技术企业资格，且数据可算部分已确定通过、待专家评审，或只差少数几项且每项差距不大",
            List.of(new Parameter("maxShort", "最多不符合的条件数", "项", 2, 0, 5),
                    new Parameter("margin", "每项距要求不超过", "%", 20, 0, 50))),
    SRDI_RESERVE("专精特新后备", "尚未取得专精特新资格，成立年限、研发投入和营业收入（或股权融资）达到基本条件",
            List.of(new Parameter("minYears", "成立年限不少于", "年", 2, 0, 30),
                    new Parameter("minRdExpense", "研发费用不低于", "万元", 100, 0, 100_000),
                    new Parameter("minRdRatio", "研发费用占营业收入比例不低于", "%", 3, 0, 100),
                    new Parameter("minRevenue", "营业收入不低于", "万元", 1000, 0, 10_000_000),
                    new Parameter("minEquity", "或近三年股权融资不低于", "万元", 2000, 0, 10_000_000)));

    /** One number of a pool's rule, with its bounds. */
    public record Parameter(String key, String label, String unit, double defaultValue, double min, double max) {
    }

    private final String label;
    private final String description;
    private final List<Parameter> parameters;

    Pool(String label, String description, List<Parameter> parameters) {
        this.label = label;
        this.description = description;
        this.parameters = parameters;
    }

    public String label() {
        return label;
    }

    public String description() {
        return description;
    }

    public List<Parameter> parameters() {
        return parameters;
    }

    /** The pool a path segment names (its code in lower case, e.g. "hte_reserve"), or null. */
    static Pool fromPath(String segment) {
        for (Pool p : values()) {
            if (p.name().equalsIgnoreCase(segment)) {
                return p;
            }
        }
        return null;
    }

    public String path() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
