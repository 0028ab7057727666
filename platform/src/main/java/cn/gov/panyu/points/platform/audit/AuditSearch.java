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
    private static final String SELECT = """
            select a.id, a.occurred_at, a.username, a.role, a.action, a.target_uscc, e.name, a.detail, a.client_ip
            from audit_event a left join enterprise e on e.uscc = a.target_uscc""";

    private final JdbcClient jdbc;
    private final AuditLog audit;

    AuditSearch(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
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
        AuditFilter.Where where = filter.where();
        long total = jdbc.sql("select count(*) from audit_event a" + where.sql()).params(where.params())
                .query(Long.class).single();
        List<AuditEntry> rows = jdbc.sql(SELECT + where.sql() + orderBy(query) + " limit :limit offset :offset")
                .params(where.params()).param("limit", query.size()).param("offset", query.offset())
                .query(AuditSearch::entry).list();
        return new TablePage<>(rows, total, query);
    }

    @Transactional(readOnly = true)
    public List<AuditEntry> export(AuditFilter filter, TableQuery query) {
        AuditFilter.Where where = filter.where();
        audit.record(AuditAction.EXPORT_DATA, filter.uscc(), "导出操作日志 " + filter.listUrl(""));
        return jdbc.sql(SELECT + where.sql() + orderBy(query)).params(where.params()).query(AuditSearch::entry).list();
    }

    /** Newest first unless the user sorted. */
    private static String orderBy(TableQuery query) {
        if (!SORTABLE.containsKey(query.sort())) {
            return " order by a.occurred_at desc, a.id desc";
        }
        return query.orderBy(SORTABLE, "time") + ", a.id desc";
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
