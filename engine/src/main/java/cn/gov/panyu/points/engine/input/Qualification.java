package cn.gov.panyu.points.engine.input;

/** A qualification an enterprise holds in the evaluation year (资质), spec §1 {@code qualifications}. */
public enum Qualification {
    HTE("高新技术企业"),
    TSME("科技型中小企业"),
    SRDI("专精特新中小企业"),
    LITTLE_GIANT("专精特新“小巨人”企业"),
    GAZELLE("瞪羚企业");

    private final String label;

    Qualification(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
