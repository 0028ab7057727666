package cn.gov.panyu.points.platform.declaration;

/**
 * Where a declaration is in its review: the enterprise edits a DRAFT (or a RETURNED one) and submits
 * it; staff approve or return a SUBMITTED one. APPROVED is final for the year.
 */
public enum DeclarationStatus {
    /** 草稿 */
    DRAFT,
    /** 已提交 (awaiting review) */
    SUBMITTED,
    /** 已退回 (editable again, with the reviewer's comment) */
    RETURNED,
    /** 已通过 */
    APPROVED;

    /** The enterprise may change values and attachments. */
    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }

    /** The message key of the Chinese label, e.g. 草稿. */
    public String labelKey() {
        return "declaration.status." + name();
    }

    /** Bootstrap badge colour: submissions waiting for staff stand out, returned ones warn. */
    public String badge() {
        return switch (this) {
            case DRAFT -> "text-bg-secondary";
            case SUBMITTED -> "text-bg-primary";
            case RETURNED -> "text-bg-warning";
            case APPROVED -> "text-bg-success";
        };
    }
}
