package cn.gov.panyu.points.platform.audit;

/**
 * What an audit entry records. Reads of confidential data, exports and every change are separate
 * actions so that a search for "who exported enterprise X" needs no parsing of the detail text.
 * Labels for the UI are message keys {@code audit.action.<NAME>}.
 */
public enum AuditAction {
    LOGIN,
    LOGIN_FAILED,
    ACCOUNT_LOCKED,
    LOGOUT,
    VIEW_ENTERPRISE,
    EXPORT_DATA,
    DATA_IMPORT,
    DATA_ROLLBACK,
    DATA_CHANGE,
    DECLARATION_CHANGE,
    MODEL_CHANGE,
    RUN_CHANGE,
    /** An administrator published a run before its notice ended or its accepted objections were resolved. */
    PUBLISH_OVERRIDE,
    OBJECTION_CHANGE,
    CONSENT_CHANGE,
    CREDIT_PRODUCT_CHANGE,
    /** A 积分贷 application filed, decided, answered or withdrawn. */
    CREDIT_APPLICATION_CHANGE,
    /** A loan recorded by a bank, through an application or from outside the platform. */
    CREDIT_LOAN_RECORD,
    BANK_CHANGE,
    /** A 培育库 rule set, a pool built, a member confirmed or removed. */
    CULTIVATION_POOL_CHANGE,
    ACCOUNT_CHANGE,
    /** 双创大赛: a contest, its entries, assignments, matches and awards changed. */
    CONTEST_CHANGE,
    /** 双创大赛: an expert declared on an entry, submitted or changed a score. */
    CONTEST_SCORE,
    /** 白皮书: a generation requested, a foreword edited, a document downloaded. */
    WHITE_PAPER,
    /** 预算绩效: a declaration imported or edited, an actual entered, a snapshot taken, a self-evaluation saved. */
    PERFORMANCE_CHANGE,
    /** A data-quality detection run, or a staff decision on a flag (确认有误 / 误报). */
    QUALITY_REVIEW,
    /** A call of the bank API by a bank's system (method, path, answer; never the key's secret). */
    API_CALL,
    /** A bank's API key issued, rotated or revoked. */
    API_CREDENTIAL_CHANGE
}
