package cn.gov.panyu.points.platform.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Anomaly;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Cell;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.FieldRow;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ImportEvent;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.IndicatorLine;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Registry;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ScoreBreakdown;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearData;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearScore;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * One enterprise's confidential data as staff see it. {@link #view} is the only way to it, so that the
 * audit trail every confidential read needs is written in exactly one place.
 */
@Service
public class EnterpriseProfiles {

    private static final int IMPORTS_SHOWN = 50;

    private final JdbcClient jdbc;
    private final ScoreModels models;
    private final AuditLog audit;

    EnterpriseProfiles(JdbcClient jdbc, ScoreModels models, AuditLog audit) {
        this.jdbc = jdbc;
        this.models = models;
        this.audit = audit;
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
        Optional<Registry> registry = registry(uscc);
        if (registry.isEmpty()) {
            return Optional.empty();
        }
        audit.record(action, uscc, year == null ? what : what + " " + year + " 年");
        List<Integer> years = years(uscc);
        List<YearScore> history = history(uscc);
        Integer selected = year != null && years.contains(year) ? year : defaultYear(years, history);
        YearData data = selected == null ? new YearData(List.of(), List.of(), false) : yearData(uscc, selected);
        ScoreBreakdown score = selected == null ? null : score(registry.get(), selected).orElse(null);
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

    private Optional<Registry> registry(String uscc) {
        return jdbc.sql("select uscc, name, town, industry, established from enterprise where uscc = :uscc")
                .param("uscc", uscc)
                .query((rs, n) -> new Registry(rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                        rs.getString("industry"), rs.getDate("established").toLocalDate()))
                .optional();
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
                bySource.put(source, lowerKeys(row));
            }
        }
        Map<String, Object> merged = mergedRow(uscc, year).orElse(Map.of());
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
            for (DataSource source : sources) {
                Object value = bySource.get(source).get(column);
                anyValue |= value != null;
                boolean chosen = value != null && (source.department()
                        ? source.fields().contains(column) && !declaredWins
                        : declaredWins);
                cells.add(new Cell(FieldValues.text(field, value), chosen));
            }
            if (!anyValue && !conflicts.containsKey(column)) {
                continue;
            }
            rows.add(new FieldRow(column, field.label(), field.unit(), cells, FieldValues.text(field, merged.get(column)),
                    conflicts.containsKey(column), conflicts.get(column)));
        }
        return new YearData(sources, rows, !merged.isEmpty());
    }

    private Optional<Map<String, Object>> mergedRow(String uscc, int year) {
        return jdbc.sql("select * from enterprise_year where uscc = :uscc and data_year = :year")
                .param("uscc", uscc).param("year", year).query().listOfRows().stream()
                .findFirst().map(EnterpriseProfiles::lowerKeys);
    }

    /** The enterprise's result in the year's published run, decoded with the run's model version. */
    private Optional<ScoreBreakdown> score(Registry registry, int year) {
        record Result(long runId, long modelId, String stage, BigDecimal core, BigDecimal bonus, BigDecimal deduction,
                      BigDecimal total, Integer rank, String tier, boolean eligible, String points,
                      LocalDateTime publishedAt, LocalDateTime finishedAt) {
        }
        Optional<Result> found = jdbc.sql("""
                        select r.id, r.model_id, r.finished_at, p.published_at, s.stage, s.core, s.bonus, s.deduction,
                               s.total, s.rank_in_stage, s.tier, s.eligible, s.points
                        from publication p
                        join evaluation_run r on r.id = p.run_id
                        join score_result s on s.run_id = p.run_id and s.uscc = :uscc
                        where p.data_year = :year""")
                .param("uscc", registry.uscc()).param("year", year)
                .query((rs, n) -> {
                    int rank = rs.getInt("rank_in_stage");
                    Integer rankOrNull = rs.wasNull() ? null : rank;
                    return new Result(rs.getLong("id"), rs.getLong("model_id"), rs.getString("stage").trim(),
                            rs.getBigDecimal("core"), rs.getBigDecimal("bonus"), rs.getBigDecimal("deduction"),
                            rs.getBigDecimal("total"), rankOrNull, rs.getString("tier"), rs.getBoolean("eligible"),
                            rs.getString("points"), localDateTime(rs.getTimestamp("published_at")),
                            localDateTime(rs.getTimestamp("finished_at")));
                }).optional();
        if (found.isEmpty()) {
            return Optional.empty();
        }
        Result r = found.get();
        ScoreModel model = models.load(r.modelId());
        Stage stage = Stage.valueOf(r.stage());
        int eligibleInStage = jdbc.sql("select count(*) from score_result where run_id = :run and stage = :stage and eligible")
                .param("run", r.runId()).param("stage", r.stage()).query(Integer.class).single();
        Optional<Map<String, Object>> merged = mergedRow(registry.uscc(), year);
        EnterpriseRecord record = merged.map(row -> record(registry, row)).orElse(null);

        List<IndicatorLine> lines = new ArrayList<>();
        String[] cents = r.points().isEmpty() ? new String[0] : r.points().split(";");
        List<Indicator> indicators = model.indicators();
        for (int j = 0; j < indicators.size(); j++) {
            Indicator indicator = indicators.get(j);
            BigDecimal points = j < cents.length ? BigDecimal.valueOf(Long.parseLong(cents[j].trim()), 2) : BigDecimal.ZERO.setScale(2);
            BigDecimal max = BigDecimal.valueOf(indicator.weight(stage)).setScale(2, RoundingMode.HALF_UP);
            double percent = max.signum() == 0 ? 0 : Math.min(100, points.doubleValue() * 100 / max.doubleValue());
            String raw = record == null ? "—" : FieldValues.raw(indicator.value(), record, model);
            lines.add(new IndicatorLine(indicator.code(), indicator.category(), indicator.name(), raw, points, max, percent));
        }
        LocalDateTime updated = merged.map(row -> localDateTime(row.get("updated_at"))).orElse(null);
        boolean changed = updated != null && r.finishedAt() != null && updated.isAfter(r.finishedAt());
        Tier tier = r.tier() == null || r.tier().isBlank() ? null : Tier.valueOf(r.tier().trim());
        return Optional.of(new ScoreBreakdown(r.runId(), year, model.reference(), stage, r.core(), r.bonus(),
                r.deduction(), r.total(), r.rank(), eligibleInStage, tier, r.eligible(), r.publishedAt(), lines,
                changed, advice(lines)));
    }

    /** Where the most points are still to be had: the indicator furthest from its maximum. */
    static String advice(List<IndicatorLine> lines) {
        return lines.stream()
                .filter(l -> l.maxPoints().signum() > 0)
                .max(Comparator.comparing((IndicatorLine l) -> l.maxPoints().subtract(l.points()))
                        .thenComparing(IndicatorLine::code, Comparator.reverseOrder()))
                .filter(l -> l.maxPoints().subtract(l.points()).signum() > 0)
                .map(l -> "提升空间最大的指标是「%s」（%s），当前得分 %s / %s 分。".formatted(l.name(), l.code(),
                        l.points().toPlainString(), l.maxPoints().toPlainString()))
                .orElse(null);
    }

    /** The merged record as the engine reads it, for the raw values of the breakdown. */
    private static EnterpriseRecord record(Registry registry, Map<String, Object> row) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(registry.uscc()).name(registry.name())
                .town(registry.town()).industry(registry.industry()).established(registry.established());
        for (InputField field : InputField.numericFields()) {
            Object v = row.get(field.key());
            if (v instanceof Number n) {
                b.set(field, n.doubleValue());
            }
        }
        for (String code : codes(row.get("qualifications"))) {
            for (Qualification q : Qualification.values()) {
                if (q.name().equals(code)) {
                    b.qualification(q);
                }
            }
        }
        for (String code : codes(row.get("negatives"))) {
            for (Negative neg : Negative.values()) {
                if (neg.name().equals(code)) {
                    b.negative(neg);
                }
            }
        }
        return b.build();
    }

    private List<YearScore> history(String uscc) {
        return jdbc.sql("""
                        select p.data_year, s.total, s.stage, s.rank_in_stage, s.tier
                        from publication p join score_result s on s.run_id = p.run_id and s.uscc = :uscc
                        order by p.data_year""")
                .param("uscc", uscc)
                .query((rs, n) -> {
                    int rank = rs.getInt("rank_in_stage");
                    Integer rankOrNull = rs.wasNull() ? null : rank;
                    String tier = rs.getString("tier");
                    return new YearScore(rs.getInt("data_year"), rs.getBigDecimal("total"),
                            Stage.valueOf(rs.getString("stage").trim()), rankOrNull,
                            tier == null || tier.isBlank() ? null : Tier.valueOf(tier.trim()));
                }).list();
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
                        localDateTime(rs.getTimestamp("imported_at")), rs.getString("status"),
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

    private static List<String> codes(Object value) {
        if (value == null) {
            return List.of();
        }
        return List.of(value.toString().split(";")).stream().map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static Map<String, Object> lowerKeys(Map<String, Object> row) {
        Map<String, Object> m = new HashMap<>();
        row.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return m;
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

    private static LocalDateTime localDateTime(Object t) {
        if (t instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        return t instanceof LocalDateTime ldt ? ldt : null;
    }
}
