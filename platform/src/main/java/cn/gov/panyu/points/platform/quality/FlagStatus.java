package cn.gov.panyu.points.platform.quality;

/** Where a flag is in its review. */
public enum FlagStatus {
    OPEN("待核查"),
    CONFIRMED("确认有误"),
    FALSE_ALARM("误报");

    private final String label;

    FlagStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The status a request names, or null for none or an unknown one (a list then shows every status). */
    static FlagStatus parse(String name) {
        for (FlagStatus s : values()) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }
}
