package cn.gov.panyu.points.engine.model;

/** Development stage (cohort); all relative scoring happens within one stage (spec §3). */
public enum Stage {
    STARTUP("初创期"),
    GROWTH("成长期"),
    MATURE("稳定期");

    private final String label;

    Stage(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the code or the Chinese label; null if neither. */
    public static Stage parse(String text) {
        for (Stage s : values()) {
            if (s.name().equalsIgnoreCase(text) || s.label.equals(text)) {
                return s;
            }
        }
        return null;
    }
}
