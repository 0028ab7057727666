package cn.gov.panyu.points.platform.audit;

import java.time.LocalDateTime;

import cn.gov.panyu.points.platform.account.Role;

/** One row of the audit trail as the search page shows it. */
public record AuditEntry(long id, LocalDateTime occurredAt, String username, String role, AuditAction action,
                         String targetUscc, String enterpriseName, String detail, String clientIp) {

    /** 系统管理员, 业务人员 …; empty for attempts under names that have no account. */
    public String roleLabel() {
        if (role == null) {
            return "";
        }
        try {
            return Role.valueOf(role).label();
        } catch (IllegalArgumentException e) {
            return role;
        }
    }
}
