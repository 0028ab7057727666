package cn.gov.panyu.points.platform.account;

import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.audit.AuditRoles;

/** The roles as the audit trail records and shows them: the signed-in {@link PlatformUser}'s role, by name. */
@Component
class RolesForAudit implements AuditRoles {

    @Override
    public String roleOf(Object principal) {
        return principal instanceof PlatformUser user ? user.role().name() : null;
    }

    @Override
    public String labelOf(String role) {
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
