package cn.gov.panyu.points.engine.model;

/** 榜单 — the published lists within a stage, best first. */
public enum Tier {
    LEAD("领跑"),
    RUN("竞跑"),
    RISE("进取");

    private final String label;

    Tier(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
