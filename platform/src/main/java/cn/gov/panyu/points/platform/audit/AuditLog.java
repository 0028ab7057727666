package cn.gov.panyu.points.platform.audit;

import java.time.LocalDateTime;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import cn.gov.panyu.points.platform.IndependentWrites;

/**
 * The one place that writes the audit trail. Callers say what happened to which enterprise; who did it
 * and from where is taken from the security context and the current request, so that no caller can
 * forget or forge it.
 *
 * <p>Entries are written in their own transaction ({@link IndependentWrites}): a read that is audited must
 * leave a trace even when the surrounding work later fails, and a failed change still shows who attempted it.
 */
@Service
public class AuditLog {

    private static final int DETAIL_LIMIT = 500;

    private final IndependentWrites writes;
    private final AuditRoles roles;

    AuditLog(IndependentWrites writes, AuditRoles roles) {
        this.writes = writes;
        this.roles = roles;
    }

    /** Records an action of the signed-in user (or of "anonymous" when there is none). */
    public void record(AuditAction action, String targetUscc, String detail) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        String username = auth == null || !auth.isAuthenticated() ? null : auth.getName();
        String role = auth == null ? null : roles.roleOf(auth.getPrincipal());
        insert(action, username, role, targetUscc, detail);
    }

    /** Records an action of a named user outside a signed-in request, e.g. a failed login. */
    public void recordFor(String username, String role, AuditAction action, String detail) {
        insert(action, username, role, null, detail);
    }

    /** As {@link #recordFor(String, String, AuditAction, String)}, about one enterprise (e.g. its registration). */
    public void recordFor(String username, String role, AuditAction action, String targetUscc, String detail) {
        insert(action, username, role, targetUscc, detail);
    }

    private void insert(AuditAction action, String username, String role, String targetUscc, String detail) {
        writes.run(jdbc -> jdbc.sql("""
                insert into audit_event (occurred_at, username, role, action, target_uscc, detail, client_ip)
                values (:at, :username, :role, :action, :uscc, :detail, :ip)""")
                .param("at", LocalDateTime.now())
                .param("username", truncate(username, 64))
                .param("role", role)
                .param("action", action.name())
                .param("uscc", targetUscc)
                .param("detail", truncate(detail, DETAIL_LIMIT))
                .param("ip", clientIp())
                .update());
    }

    private static String clientIp() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getRemoteAddr() : null;
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
