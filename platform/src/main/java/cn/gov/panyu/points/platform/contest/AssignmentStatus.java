package cn.gov.panyu.points.platform.contest;

/** Where an expert's work on one entry stands. */
public enum AssignmentStatus {
    /** Assigned; the expert has not declared yet and cannot score. */
    ASSIGNED("待声明利益冲突"),
    /** The expert declared no conflict of interest and may score. */
    DECLARED("待评分"),
    /** The expert declared a conflict of interest: no score, staff assign another expert. */
    CONFLICT("存在利益冲突（已回避）"),
    /** Scores submitted; later changes need a reason. */
    SUBMITTED("已提交评分");

    private final String label;

    AssignmentStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
