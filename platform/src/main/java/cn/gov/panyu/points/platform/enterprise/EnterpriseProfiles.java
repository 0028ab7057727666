package cn.gov.panyu.points.platform.enterprise;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.AwardedRecords;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Anomaly;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Cell;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.FieldRow;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ImportEvent;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Registry;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ScoreBreakdown;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearData;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearScore;

/**
 * One enterprise's confidential data as staff see it. {@link #view} is the only way to it, so that the
 * audit trail every confidential read needs is written in exactly one place.
 */
@Service
public class EnterpriseProfiles {

    private static final int IMPORTS_SHOWN = 50;

    private final JdbcClient jdbc;
    private final PublishedScores scores;
    private final AuditLog audit;
    private final AwardedRecords awards;

    EnterpriseProfiles(JdbcClient jdbc, PublishedScores scores, AuditLog audit, AwardedRecords awards) {
        this.jdbc = jdbc;
        this.scores = scores;
        this.audit = audit;
        this.awards = awards;
    }

    /**
     * The detail of one enterprise for one year (null: the latest year with a published result, else
     * the latest with data); empty when there is no such enterprise.
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Optional<EnterpriseProfile> view(String uscc, Integer year) {
        return load(uscc, year, AuditAction.VIEW_ENTERPRISE, "企业详情");
    }

    /** The same detail for the "导出Excel" of a year's data by source: recorded as an export. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Optional<EnterpriseProfile> export(String uscc, Integer year) {
        return load(uscc, year, AuditAction.EXPORT_DATA, "导出企业分来源数据");
    }

    private Optional<EnterpriseProfile> load(String uscc, Integer year, AuditAction action, String what) {
        Optional<Registry> registry = scores.registry(uscc);
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        audit.record(action, uscc, year == null ? what : what + " " + year + " 年");
        List<Integer> years = years(uscc);
        List<YearScore> history = scores.history(uscc);
        Integer selected = year != null && years.contains(year) ? year : defaultYear(years, history);
        YearData data = selected == null ? new YearData(List.of(), List.of(), false) : yearData(uscc, selected);
        ScoreBreakdown score = selected == null ? null : scores.breakdown(registry.get(), selected).orElse(null);
        List<Anomaly> anomalies = selected == null ? List.of() : anomalies(uscc, selected);
        return Optional.of(new EnterpriseProfile(registry.get(), years, selected, data, score, history,
                imports(uscc), anomalies));
    }

    private static Integer defaultYear(List<Integer> years, List<YearScore> history) {
        if (!history.isEmpty()) {
            return history.get(history.size() - 1).year();
        }
        return years.isEmpty() ? null : years.get(0);
    }

    private List<Integer> years(String uscc) {
        TreeSet<Integer> years = new TreeSet<>(Comparator.reverseOrder());
        years.addAll(jdbc.sql("select distinct data_year from source_record where uscc = :uscc").param("uscc", uscc)
                .query(Integer.class).list());
        years.addAll(jdbc.sql("select data_year from enterprise_year where uscc = :uscc").param("uscc", uscc)
                .query(Integer.class).list());
        return List.copyOf(years);
    }

    private YearData yearData(String uscc, int year) {
        Map<DataSource, Map<String, Object>> bySource = new EnumMap<>(DataSource.class);
        for (Map<String, Object> row : jdbc.sql("select * from source_record where uscc = :uscc and data_year = :year")
                .param("uscc", uscc).param("year", year).query().listOfRows()) {
            DataSource source = source(row.get("source"));
            if (source != null) {
                bySource.put(source, PublishedScores.lowerKeys(row));
            }
        }
        Map<String, Object> merged = scores.mergedRow(uscc, year).orElse(Map.of());
        Map<String, String> conflicts = new HashMap<>();
        Set<String> tookDeclared = new HashSet<>();
        jdbc.sql("""
                        select field, department, department_value, declared_value, status from data_conflict
                        where uscc = :uscc and data_year = :year order by created_at""")
                .param("uscc", uscc).param("year", year)
                .query((rs, n) -> {
                    DataSource department = source(rs.getString("department"));
                    if ("TOOK_DECLARED".equals(rs.getString("status"))) {
                        tookDeclared.add(rs.getString("field"));
                    }
                    conflicts.put(rs.getString("field"), "%s报送 %s，企业填报 %s（%s）".formatted(
                            department == null ? rs.getString("department") : department.label(),
                            blankAsDash(rs.getString("department_value")), blankAsDash(rs.getString("declared_value")),
                            conflictStatus(rs.getString("status"))));
                    return null;
                }).list();

        // a contest award sets its flag in the merge without a source row: the page says where it came from
        Optional<String> award = awards.provenance(uscc, year);
        List<DataSource> sources = new ArrayList<>(bySource.keySet());
        List<FieldRow> rows = new ArrayList<>();
        for (RecordField field : RecordField.values()) {
            String column = field.column();
            List<Cell> cells = new ArrayList<>();
            // department data wins over the declaration, field by field, unless staff took the declared
            // value when resolving a conflict (collection's merge rule)
            boolean declaredWins = tookDeclared.contains(column) || bySource.entrySet().stream()
                    .noneMatch(e -> e.getKey().department() && e.getKey().fields().contains(column)
                            && e.getValue().get(column) != null);
            boolean anyValue = merged.get(column) != null;
            String provenance = field == RecordField.CONTEST_AWARD_3Y && anyValue ? award.orElse(null) : null;
            for (DataSource source : sources) {
                Object value = bySource.get(source).get(column);
                anyValue |= value != null;
                // the award, not a source, sets the flag when it counts: no source cell was taken
                boolean chosen = value != null && provenance == null && (source.department()
                        ? source.fields().contains(column) && !declaredWins
                        : declaredWins);
                cells.add(new Cell(FieldValues.text(field, value), chosen));
            }
            if (!anyValue && !conflicts.containsKey(column)) {
                continue;
            }
            rows.add(new FieldRow(column, field.label(), field.unit(), cells, FieldValues.text(field, merged.get(column)),
                    conflicts.containsKey(column), conflicts.get(column), provenance));
        }
        return new YearData(sources, rows, !merged.isEmpty());
    }

    private List<ImportEvent> imports(String uscc) {
        return jdbc.sql("""
                        select d.id, d.source, d.data_year, d.file_name, d.imported_by, d.imported_at, d.status,
                               c.created_enterprise
                        from import_change c join data_import d on d.id = c.import_id
                        where c.uscc = :uscc
                        order by d.imported_at desc, d.id desc
                        limit :limit""")
                .param("uscc", uscc).param("limit", IMPORTS_SHOWN)
                .query((rs, n) -> new ImportEvent(rs.getLong("id"), source(rs.getString("source")),
                        rs.getInt("data_year"), rs.getString("file_name"), rs.getString("imported_by"),
                        PublishedScores.localDateTime(rs.getTimestamp("imported_at")), rs.getString("status"),
                        rs.getBoolean("created_enterprise")))
                .list();
    }

    private List<Anomaly> anomalies(String uscc, int year) {
        return jdbc.sql("select field, kind, message from data_anomaly where uscc = :uscc and data_year = :year order by id")
                .param("uscc", uscc).param("year", year)
                .query((rs, n) -> {
                    RecordField field = RecordField.forColumn(rs.getString("field"));
                    return new Anomaly(field == null ? rs.getString("field") : field.label(), rs.getString("kind"),
                            rs.getString("message"));
                }).list();
    }

    private static DataSource source(Object code) {
        if (code == null) {
            return null;
        }
        try {
            return DataSource.valueOf(code.toString().trim());
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static String conflictStatus(String status) {
        return switch (status == null ? "" : status) {
            case "OPEN" -> "待处理";
            case "KEPT_DEPARTMENT" -> "已采用部门数据";
            case "TOOK_DECLARED" -> "已采用企业填报";
            default -> status;
        };
    }

    private static String blankAsDash(String s) {
        return s == null || s.isBlank() ? "—" : s;
    }
}
