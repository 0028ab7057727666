package cn.gov.panyu.points.platform.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.quality.Flag;
import cn.gov.panyu.points.engine.quality.QualityCheck;
import cn.gov.panyu.points.engine.quality.Rule;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/** Detection of a year's data-quality flags, the ranked queue and staff's decisions (see package-info). */
@Service
public class QualityReviews {

    static final Map<String, String> SORT = Map.of("severity", "q.severity", "name", "e.name", "town", "e.town",
            "industry", "e.industry", "field", "q.field", "rule", "q.check_rule", "year", "q.data_year",
            "status", "q.status", "decided", "q.decided_at");

    /** What a list is filtered by; null or blank = any. */
    public record Filter(Integer year, Rule rule, String town, String industry, FlagStatus status) {

        SqlFilter sql() {
            return SqlFilter.all().andIf(year != null, "q.data_year = ?", year)
                    .andIf(rule != null, "q.check_rule = ?", rule == null ? null : rule.name())
                    .andIf(town != null && !town.isBlank(), "e.town = ?", town)
                    .andIf(industry != null && !industry.isBlank(), "e.industry = ?", industry)
                    .andIf(status != null, "q.status = ?", status == null ? null : status.name());
        }
    }

    /** What a detection did. */
    public record Detection(int year, int enterprises, int raised, int suppressed) {
    }

    /** When a year was last checked. */
    public record LastCheck(int year, java.time.LocalDateTime at, String by, int raised, int suppressed) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final YearRecords records;
    private final YearRecordMerge merge;
    private final ScoreModels models;
    private final AuditLog audit;
    private final SqlListing<QualityFlag> list;
    private final QualityCheck check = new QualityCheck();

    QualityReviews(JdbcClient jdbc, JdbcTemplate template, YearRecords records, YearRecordMerge merge,
                   ScoreModels models, AuditLog audit) {
        this.jdbc = jdbc;
        this.template = template;
        this.records = records;
        this.merge = merge;
        this.models = models;
        this.audit = audit;
        // the queue's order: the most severe first, then the oldest flag, so that pages never overlap
        this.list = new SqlListing<>(jdbc, QualityFlag.COLUMNS, QualityFlag.FROM, QualityFlag::map, SORT,
                "q.severity desc, q.id", "q.id");
    }

    /**
     * Checks a year's merged records and replaces its open flags with the findings, except figures staff
     * decided before with the same value. Idempotent: the same data gives the same queue.
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public Detection detect(int year, String user) {
        claim(year, user);
        ScoreModel model = models.load(models.activeModelId());
        List<EnterpriseRecord> current = records.ofYear(year).records();
        Map<String, EnterpriseRecord> lastYear = new HashMap<>();
        for (EnterpriseRecord r : records.ofYear(year - 1).records()) {
            lastYear.put(r.uscc(), r);
        }
        List<Flag> flags = check.run(current, lastYear, merge.undecidedDisagreements(year),
                r -> model.stageOf(r.value(InputField.REVENUE_Y0)));

        Set<String> decided = new HashSet<>();
        template.query("select uscc, field, flag_value from quality_flag where data_year = ? and status <> 'OPEN'",
                rs -> {
                    decided.add(key(rs.getString(1).strip(), rs.getString(2), rs.getString(3)));
                }, year);
        template.update("delete from quality_flag where data_year = ? and status = 'OPEN'", year);
        List<Object[]> rows = new ArrayList<>();
        int suppressed = 0;
        for (Flag f : flags) {
            if (decided.contains(key(f.uscc(), f.field(), f.value()))) {
                suppressed++;
                continue;
            }
            rows.add(new Object[] {year, f.uscc(), f.field(), f.rule().name(), f.value(), f.severity(),
                    clip(f.reason(), 1000), clip(QualityFlag.stored(f.facts()), 2000)});
            if (rows.size() == 5_000) {
                insert(rows);
            }
        }
        int raised = flags.size() - suppressed;
        insert(rows);
        template.update("update quality_check set raised = ?, suppressed = ? where data_year = ?", raised, suppressed, year);
        audit.record(AuditAction.QUALITY_REVIEW, null, "数据质量检测 " + year + " 年：检查 " + current.size() + " 家企业，"
                + raised + " 条待核查" + (suppressed == 0 ? "" : "，" + suppressed + " 条此前已核查且数值未变，不再提示"));
        return new Detection(year, current.size(), raised, suppressed);
    }

    /**
     * Takes the year's row of quality_check and keeps its lock until the detection commits, so that two
     * detections of one year — from two staff, or two instances — run one after the other.
     */
    private void claim(int year, String user) {
        int updated = template.update("update quality_check set checked_at = current_timestamp, checked_by = ?"
                + " where data_year = ?", user, year);
        if (updated == 0) {
            template.update("insert into quality_check (data_year, checked_at, checked_by, raised, suppressed)"
                    + " values (?, current_timestamp, ?, 0, 0)", year, user);
        }
    }

    private void insert(List<Object[]> rows) {
        template.batchUpdate("insert into quality_flag (data_year, uscc, field, check_rule, flag_value, severity, reason,"
                + " facts, status) values (?, ?, ?, ?, ?, ?, ?, ?, 'OPEN')", rows);
        rows.clear();
    }

    private static String key(String uscc, String field, String value) {
        return uscc + '|' + field + '|' + value;
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max);
    }

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<QualityFlag> flags(Filter filter, TableQuery q) {
        return list.page(filter.sql(), q);
    }

    @PreAuthorize("hasRole('STAFF')")
    public List<QualityFlag> allFlags(Filter filter, TableQuery q) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出数据质量提示" + (filter.year() == null ? "" : " " + filter.year() + " 年"));
        return list.all(filter.sql(), q);
    }

    /** Open flags of every year, for the staff's work queue. */
    @PreAuthorize("hasRole('STAFF')")
    public long openCount() {
        return list.count(new Filter(null, null, null, null, FlagStatus.OPEN).sql());
    }

    /** Staff's decision on an open flag; the note is optional. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public QualityFlag decide(long id, FlagStatus decision, String note, String user) {
        QualityFlag flag = jdbc.sql("select " + QualityFlag.COLUMNS + " " + QualityFlag.FROM + " where q.id = ?").param(id)
                .query(QualityFlag::map).optional().orElseThrow(() -> new QualityFlagNotFoundException(id));
        if (decision == null || decision == FlagStatus.OPEN) {
            throw new QualityRefusedException("请选择“确认有误”或“误报”");
        }
        String text = note == null || note.isBlank() ? null : clip(note.strip(), 500);
        int changed = jdbc.sql("update quality_flag set status = ?, decided_by = ?, decided_at = current_timestamp,"
                + " note = ? where id = ? and status = 'OPEN'").params(decision.name(), user, text, id).update();
        if (changed == 0) {
            throw new QualityRefusedException("该提示已由他人核查");
        }
        audit.record(AuditAction.QUALITY_REVIEW, flag.uscc(), "数据质量提示 #" + id + "（" + flag.year() + " 年 "
                + flag.fieldLabel() + " " + flag.value() + "，" + flag.rule().label() + "）：" + decision.label()
                + (text == null ? "" : "，" + text));
        return flag;
    }

    /** The years a detection can check (with merged data), latest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Integer> years() {
        return jdbc.sql("select distinct data_year from enterprise_year order by data_year desc").query(Integer.class).list();
    }

    /** The towns and industries of the enterprises with flags, for the filter selects. */
    @PreAuthorize("hasRole('STAFF')")
    public List<String> towns() {
        return jdbc.sql("select distinct e.town " + QualityFlag.FROM + " order by e.town").query(String.class).list();
    }

    @PreAuthorize("hasRole('STAFF')")
    public List<String> industries() {
        return jdbc.sql("select distinct e.industry " + QualityFlag.FROM + " order by e.industry").query(String.class)
                .list().stream().map(String::strip).toList();
    }

    @PreAuthorize("hasRole('STAFF')")
    public LastCheck lastCheck(int year) {
        return jdbc.sql("select data_year, checked_at, checked_by, raised, suppressed from quality_check where data_year = ?")
                .param(year).query((rs, n) -> new LastCheck(rs.getInt(1), rs.getObject(2, java.time.LocalDateTime.class),
                        rs.getString(3), rs.getInt(4), rs.getInt(5))).optional().orElse(null);
    }
}
