package cn.gov.panyu.points.platform.audit;

/**
 * What the audit trail needs to know about roles, which the account module owns and implements here.
 * Account depends on audit (it records logins and account changes), so audit asks through this interface
 * instead of depending back on account.
 */
public interface AuditRoles {

    /**
     * The role name to record for the principal of a signed-in request ({@code STAFF} …), or null when
     * the principal is no platform account.
     */
    String roleOf(Object principal);

    /** The label shown for a recorded role name (业务人员 …), or null when the name is no role. */
    String labelOf(String role);
}
