package cn.gov.panyu.points.platform.collection;

import java.time.LocalDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/** The lists staff work through: recorded imports, data conflicts (with their resolution) and anomalies. */
@Service
public class CollectionReviews {

    static final Map<String, String> IMPORT_SORT = Map.of("id", "id", "source", "source", "year", "data_year",
            "file", "file_name", "rows", "rows_total", "loaded", "rows_loaded", "by", "imported_by",
            "at", "imported_at", "status", "status");
    static final Map<String, String> CONFLICT_SORT = Map.of("id", "c.id", "uscc", "c.uscc", "name", "e.name",
            "year", "c.data_year", "field", "c.field", "department", "c.department", "status", "c.status",
            "at", "c.created_at");
    static final Map<String, String> ANOMALY_SORT = Map.of("id", "a.id", "uscc", "a.uscc", "name", "e.name",
            "year", "a.data_year", "field", "a.field", "kind", "a.kind", "at", "a.created_at");

    /** A conflict as listed. */
    public record Conflict(long id, String uscc, String name, int year, String field, DataSource department,
                           String departmentValue, String declaredValue, String status, String resolvedBy,
                           LocalDateTime resolvedAt, String note, LocalDateTime createdAt) {

        public String fieldLabel() {
            RecordField f = RecordField.forColumn(field);
            return f == null ? field : f.labelWithUnit();
        }

        public boolean open() {
            return "OPEN".equals(status);
        }

        public String statusLabel() {
            return switch (status) {
                case "OPEN" -> "待处理";
                case "KEPT_DEPARTMENT" -> "采用部门数据";
                case "TOOK_DECLARED" -> "采用企业填报";
                default -> status;
            };
        }
    }

    /** An anomaly as listed. */
    public record Anomaly(long id, String uscc, String name, int year, String field, String kind, String message,
                          LocalDateTime createdAt) {

        public String kindLabel() {
            return switch (kind) {
                case "RD_INTENSITY_HIGH" -> "研发投入强度异常偏高";
                case "RD_INTENSITY_ZERO" -> "有研发人员无研发费用";
                case "YEAR_ON_YEAR_JUMP" -> "营业收入同比剧变";
                case "RD_STAFF_RATIO" -> "研发人员占比异常";
                default -> kind;
            };
        }
    }

    private final JdbcClient jdbc;
    private final YearRecordMerge merge;
    private final SqlListing<ImportRecord> importList;
    private final SqlListing<Conflict> conflictList;
    private final SqlListing<Anomaly> anomalyList;
    private final AuditLog audit;

    CollectionReviews(JdbcClient jdbc, YearRecordMerge merge, AuditLog audit) {
        this.jdbc = jdbc;
        this.merge = merge;
        this.audit = audit;
        // newest first unless the user sorted
        importList = new SqlListing<>(jdbc, ImportRecord.COLUMNS, "from data_import", ImportRecord::map, IMPORT_SORT,
                "imported_at desc, id desc", "id");
        conflictList = new SqlListing<>(jdbc, CONFLICT_COLUMNS, CONFLICT_FROM, CollectionReviews::conflict,
                CONFLICT_SORT, "c.id desc", "c.id");
        anomalyList = new SqlListing<>(jdbc, ANOMALY_COLUMNS, ANOMALY_FROM, CollectionReviews::anomaly, ANOMALY_SORT,
                "a.id desc", "a.id");
    }

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ImportRecord> imports(DataSource source, Integer year, TableQuery q) {
        return importList.page(importFilter(source, year), q);
    }

    @PreAuthorize("hasRole('STAFF')")
    public List<ImportRecord> allImports(DataSource source, Integer year, TableQuery q) {
        return importList.all(importFilter(source, year), q);
    }

    private static SqlFilter importFilter(DataSource source, Integer year) {
        return SqlFilter.all().andIf(source != null, "source = ?", source == null ? null : source.name())
                .andIf(year != null, "data_year = ?", year);
    }

    private static final String CONFLICT_COLUMNS = "c.id, c.uscc, e.name, c.data_year, c.field, c.department,"
            + " c.department_value, c.declared_value, c.status, c.resolved_by, c.resolved_at, c.note, c.created_at";
    private static final String CONFLICT_FROM = "from data_conflict c join enterprise e on e.uscc = c.uscc";
    private static final String CONFLICT_SELECT = "select " + CONFLICT_COLUMNS + " " + CONFLICT_FROM;

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<Conflict> conflicts(String status, Integer year, TableQuery q) {
        return conflictList.page(conflictFilter(status, year), q);
    }

    @PreAuthorize("hasRole('STAFF')")
    public List<Conflict> allConflicts(String status, Integer year, TableQuery q) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出数据冲突（部门数据与企业填报）" + (year == null ? "" : " " + year + " 年"));
        return conflictList.all(conflictFilter(status, year), q);
    }

    /** Conflicts no one has decided yet, for the staff's work queue. */
    @PreAuthorize("hasRole('STAFF')")
    public long openConflictCount() {
        return conflictList.count(conflictFilter("OPEN", null));
    }

    private static SqlFilter conflictFilter(String status, Integer year) {
        return SqlFilter.all().andIf(status != null && !status.isBlank(), "c.status = ?", status)
                .andIf(year != null, "c.data_year = ?", year);
    }

    private static Conflict conflict(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Conflict(rs.getLong(1), rs.getString(2).strip(), rs.getString(3), rs.getInt(4), rs.getString(5),
                DataSource.valueOf(rs.getString(6).strip()), rs.getString(7), rs.getString(8), rs.getString(9).strip(),
                rs.getString(10), rs.getObject(11, LocalDateTime.class), rs.getString(12),
                rs.getObject(13, LocalDateTime.class));
    }

    /**
     * Staff decide an open conflict: keep the department's value, or take the declared one (the merged
     * record then uses it for as long as both values stay as they are).
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void resolve(long conflictId, boolean takeDeclared, String note, String user) {
        Conflict c = jdbc.sql(CONFLICT_SELECT + " where c.id = ?").param(conflictId).query(CollectionReviews::conflict)
                .optional().orElseThrow(() -> new CollectionNotFoundException("conflict " + conflictId));
        if (takeDeclared && (note == null || note.isBlank())) {
            throw new ImportRefusedException("采用企业填报数据时请填写说明");
        }
        int changed = jdbc.sql("update data_conflict set status = ?, resolved_by = ?, resolved_at = current_timestamp,"
                        + " note = ? where id = ? and status = 'OPEN'")
                .params(takeDeclared ? "TOOK_DECLARED" : "KEPT_DEPARTMENT", user,
                        note == null || note.isBlank() ? null : note.strip().substring(0, Math.min(500, note.strip().length())),
                        conflictId)
                .update();
        if (changed == 0) {
            throw new ImportRefusedException("该冲突已由他人处理");
        }
        merge.rebuild(c.uscc(), c.year());
        audit.record(AuditAction.DATA_CHANGE, c.uscc(), "处理数据冲突 #" + conflictId + "（" + c.year() + " 年 " + c.field()
                + "）：" + (takeDeclared ? "采用企业填报" : "采用部门数据") + (note == null || note.isBlank() ? "" : "，" + note.strip()));
    }

    private static final String ANOMALY_COLUMNS = "a.id, a.uscc, e.name, a.data_year, a.field, a.kind, a.message,"
            + " a.created_at";
    private static final String ANOMALY_FROM = "from data_anomaly a join enterprise e on e.uscc = a.uscc";

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<Anomaly> anomalies(String kind, Integer year, TableQuery q) {
        return anomalyList.page(anomalyFilter(kind, year), q);
    }

    @PreAuthorize("hasRole('STAFF')")
    public List<Anomaly> allAnomalies(String kind, Integer year, TableQuery q) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出数据异常" + (year == null ? "" : " " + year + " 年"));
        return anomalyList.all(anomalyFilter(kind, year), q);
    }

    /** Every anomaly found so far, for the staff's work queue. */
    @PreAuthorize("hasRole('STAFF')")
    public long anomalyCount() {
        return anomalyList.count(anomalyFilter(null, null));
    }

    private static SqlFilter anomalyFilter(String kind, Integer year) {
        return SqlFilter.all().andIf(kind != null && !kind.isBlank(), "a.kind = ?", kind)
                .andIf(year != null, "a.data_year = ?", year);
    }

    private static Anomaly anomaly(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Anomaly(rs.getLong(1), rs.getString(2).strip(), rs.getString(3), rs.getInt(4), rs.getString(5),
                rs.getString(6).strip(), rs.getString(7), rs.getObject(8, LocalDateTime.class));
    }

    static Map<String, String> kinds() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String k : List.of("RD_INTENSITY_HIGH", "RD_INTENSITY_ZERO", "YEAR_ON_YEAR_JUMP", "RD_STAFF_RATIO")) {
            m.put(k, new Anomaly(0, "", "", 0, "", k, "", null).kindLabel());
        }
        return m;
    }
}
