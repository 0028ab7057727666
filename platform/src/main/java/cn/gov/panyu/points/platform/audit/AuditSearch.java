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

    AuditSearch(JdbcClient jdbc, AuditLog audit) {
        // newest first unless the user sorted
        this.listing = new SqlListing<>(jdbc, COLUMNS, FROM, AuditSearch::entry, SORTABLE,
                "a.occurred_at desc, a.id desc", "a.id desc");
        this.audit = audit;
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
        return listing.page(filter.where(), query);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> export(AuditFilter filter, TableQuery query) {
        audit.record(AuditAction.EXPORT_DATA, filter.uscc(), "导出操作日志 " + filter.listUrl(""));
        return listing.all(filter.where(), query);
    }

    private static AuditEntry entry(ResultSet rs, int n) throws SQLException {
        String uscc = rs.getString("target_uscc");
        String role = rs.getString("role");
        return new AuditEntry(rs.getLong("id"), rs.getTimestamp("occurred_at").toLocalDateTime(),
                rs.getString("username"), role == null ? null : role.strip(),
                AuditAction.valueOf(rs.getString("action").strip()), uscc == null ? null : uscc.strip(),
                rs.getString("name"), rs.getString("detail"), rs.getString("client_ip"));
    }
}
