package cn.gov.panyu.points.engine.quality;

/** Which check raised a flag; the label is what a person reads. */
public enum Rule {
    OUTLIER("同行业同阶段离群"),
    YEAR_ON_YEAR("同比异常变化"),
    SOURCE_DISAGREEMENT("多来源数据不一致"),
    IMPOSSIBLE("数据相互矛盾");

    private final String label;

    Rule(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
