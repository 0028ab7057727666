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
    BANK_CHANGE,
    ACCOUNT_CHANGE,
    /** A call of the bank API by a bank's system (method, path, answer; never the key's secret). */
    API_CALL,
    /** A bank's API key issued, rotated or revoked. */
    API_CREDENTIAL_CHANGE
}
