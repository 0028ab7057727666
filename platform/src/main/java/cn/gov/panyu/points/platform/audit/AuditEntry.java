package cn.gov.panyu.points.platform.audit;

import java.time.LocalDateTime;

/**
 * One row of the audit trail as the search page shows it.
 *
 * @param roleLabel 系统管理员, 业务人员 …; empty for attempts under names that have no account
 */
public record AuditEntry(long id, LocalDateTime occurredAt, String username, String role, String roleLabel,
                         AuditAction action, String targetUscc, String enterpriseName, String detail,
                         String clientIp) {
}
