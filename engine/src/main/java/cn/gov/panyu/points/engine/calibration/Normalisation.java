package cn.gov.panyu.points.engine.calibration;

/** How the entropy method turns a column into proportions p_ij. */
public enum Normalisation {
    /** p_ij = x_ij / Σ_i x_ij on the values as they are (they must not be negative). */
    SUM("按列求和归一（p = x/Σx）"),
    /** Min-max first — (x − min)/(max − min), reversed for cost criteria — then p = x'/Σx'. */
    MINMAX("先极差（min-max）标准化，再按列求和归一");

    private final String label;

    Normalisation(String label) {
        this.label = label;
    }

    /** How a page states which was used. */
    public String label() {
        return label;
    }

    /** Accepts {@code sum} or {@code minmax} (any case); null for anything else. */
    public static Normalisation parse(String text) {
        for (Normalisation n : values()) {
            if (n.name().equalsIgnoreCase(text)) {
                return n;
            }
        }
        return null;
    }
}
