package cn.gov.panyu.points.platform.contest;

/** The awards of a contest, best first. */
public enum Award {
    FIRST("一等奖"), SECOND("二等奖"), THIRD("三等奖"), MERIT("优秀奖");

    private final String label;

    Award(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The stored code as an award; null for none or an unknown code. */
    static Award of(String code) {
        for (Award a : values()) {
            if (a.name().equals(code == null ? null : code.strip())) {
                return a;
            }
        }
        return null;
    }
}
