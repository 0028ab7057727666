package cn.gov.panyu.points.platform.audit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * 操作日志 search for bureau staff and administrators. Exporting the trail is itself recorded: the log
 * names people and enterprises.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class AuditSearch {

    static final Map<String, String> SORTABLE = sortable();
    private static final String COLUMNS = "a.id, a.occurred_at, a.username, a.role, a.action, a.target_uscc, e.name,"
            + " a.detail, a.client_ip";
    private static final String FROM = "from audit_event a left join enterprise e on e.uscc = a.target_uscc";

    private final SqlListing<AuditEntry> listing;
    private final AuditLog audit;
    private final AuditRoles roles;

    AuditSearch(JdbcClient jdbc, AuditLog audit, AuditRoles roles) {
        this.audit = audit;
        this.roles = roles;
        // newest first unless the user sorted
        this.listing = new SqlListing<>(jdbc, COLUMNS, FROM, this::entry, SORTABLE,
                "a.occurred_at desc, a.id desc", "a.id desc");
    }

    private static Map<String, String> sortable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("time", "a.occurred_at");
        m.put("user", "a.username");
        m.put("action", "a.action");
        m.put("uscc", "a.target_uscc");
        m.put("ip", "a.client_ip");
        return Map.copyOf(m);
    }

    @Transactional(readOnly = true)
    public TablePage<AuditEntry> page(AuditFilter filter, TableQuery query) {
        return listing.page(filter.checked().where(), query);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> export(AuditFilter filter, TableQuery query) {
        filter.checked();
        audit.record(AuditAction.EXPORT_DATA, filter.uscc(), "导出操作日志 " + filter.listUrl(""));
        return listing.all(filter.where(), query);
    }

    private AuditEntry entry(ResultSet rs, int n) throws SQLException {
        String uscc = rs.getString("target_uscc");
        String stored = rs.getString("role");
        String role = stored == null ? null : stored.strip();
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(),
                rs.getString("username"), role, roleLabel(role),
                AuditAction.valueOf(rs.getString("action").strip()), uscc == null ? null : uscc.strip(),
                rs.getString("name"), rs.getString("detail"), rs.getString("client_ip"));
    }

    /** Empty for attempts under names that have no account; a role that no longer exists shows its name. */
    private String roleLabel(String role) {
        if (role == null) {
            return "";
        }
        String label = roles.labelOf(role);
        return label == null ? role : label;
    }
}
