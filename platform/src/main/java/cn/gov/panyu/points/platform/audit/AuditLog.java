package cn.gov.panyu.points.platform.audit;

import java.time.LocalDateTime;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
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
 * A call returns once its entry is committed; entries of requests that arrive together share one commit
 * ({@link GroupCommit}).
 */
@Service
public class AuditLog {

    private static final int DETAIL_LIMIT = 500;

    private final IndependentWrites writes;
    private final AuditRoles roles;
    private final GroupCommit<Entry> entries = new GroupCommit<>(this::insertAll);

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
        Entry entry = new Entry(LocalDateTime.now(), truncate(username, 64), role, action.name(), targetUscc,
                truncate(detail, DETAIL_LIMIT), clientIp());
        if (writes.inTransaction()) {
            // inside another independent write (a counted failure): part of that transaction, committed with it
            writes.run(jdbc -> insert(jdbc, entry));
        } else {
            entries.commit(entry);
        }
    }

    private void insertAll(List<Entry> batch) {
        writes.run(jdbc -> batch.forEach(entry -> insert(jdbc, entry)));
    }

    private static void insert(JdbcClient jdbc, Entry entry) {
        jdbc.sql("""
                insert into audit_event (occurred_at, username, role, action, target_uscc, detail, client_ip)
                values (:at, :username, :role, :action, :uscc, :detail, :ip)""")
                .param("at", entry.at())
                .param("username", entry.username())
                .param("role", entry.role())
                .param("action", entry.action())
                .param("uscc", entry.targetUscc())
                .param("detail", entry.detail())
                .param("ip", entry.clientIp())
                .update();
    }

    /** Everything about the request is taken on its own thread: another caller's thread may commit the entry. */
    private record Entry(LocalDateTime at, String username, String role, String action, String targetUscc,
                         String detail, String clientIp) {
    }

    private static String clientIp() {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        return attributes instanceof ServletRequestAttributes servlet ? servlet.getRequest().getRemoteAddr() : null;
    }

    private static String truncate(String text, int limit) {
        return text == null || text.length() <= limit ? text : text.substring(0, limit);
    }
}
