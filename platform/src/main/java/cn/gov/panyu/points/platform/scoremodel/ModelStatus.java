package cn.gov.panyu.points.platform.scoremodel;

/** Life of a model version: edited as DRAFT, one ACTIVE at a time, RETIRED when another is activated. */
public enum ModelStatus {
    DRAFT("草稿"),
    ACTIVE("启用中"),
    RETIRED("已停用");

    private final String label;

    ModelStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
