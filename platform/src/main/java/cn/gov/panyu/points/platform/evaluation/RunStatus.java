package cn.gov.panyu.points.platform.evaluation;

/**
 * Life of an evaluation run: QUEUED → RUNNING → DRAFT (or FAILED) → NOTICE (公示) → PUBLISHED; a run that
 * a newer one of the same year replaced on notice or in publication becomes SUPERSEDED (still readable).
 */
public enum RunStatus {
    QUEUED("排队中"),
    RUNNING("计算中"),
    FAILED("计算失败"),
    DRAFT("待公示"),
    NOTICE("公示中"),
    PUBLISHED("已发布"),
    SUPERSEDED("已被替代");

    private final String label;

    RunStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean working() {
        return this == QUEUED || this == RUNNING;
    }

    /**
     * The run's place among the runs of its year, kept in evaluation_run.year_slot, of which a year has at
     * most one each (a unique index): one working run, one on notice, one published. Null for a status
     * any number of runs may have.
     */
    String yearSlot() {
        return switch (this) {
            case QUEUED, RUNNING -> "WORKING";
            case NOTICE, PUBLISHED -> name();
            case FAILED, DRAFT, SUPERSEDED -> null;
        };
    }
}
