package cn.gov.panyu.points.platform.collection;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.input.InputField.Kind;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.quality.SourceDisagreements;
import cn.gov.panyu.points.engine.quality.SourceDisagreements.Comparison;

/**
 * Rebuilds the merged yearly record ({@code enterprise_year}) from what the sources reported
 * ({@code source_record}): per field the owning department's value, else the self-declared one
 * ({@link DataSource} says who owns what). {@code negatives} is the union of the departments' sets.
 * {@code contest_award_3y} is also 1 where a recorded 双创大赛 award counts for the year ({@link AwardedRecords}).
 *
 * <p>Set-based so that a year of 100,000 enterprises is a handful of statements, not a query per field:
 * one {@code insert … select … group by} pivots the sources into the merged record; conflicts are only
 * looked for where a self-declaration exists; anomalies are found in one streaming pass.
 *
 * <p>Conflicts: a department value and a declared value that disagree — beyond the engine's
 * {@link SourceDisagreements#AMOUNT_TOLERANCE} for amounts (relative), at all for counts, flags and sets — become an OPEN {@code data_conflict}. A conflict
 * already on file with the same values (open or decided) is not raised again; an open one whose values
 * no longer disagree is dropped. Staff who took the declared value keep it on every rebuild for as long
 * as both values are unchanged.
 */
@Service
public class YearRecordMerge {

    private static final List<RecordField> FIELDS = List.of(RecordField.values());

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final PlausibilityChecks checks;
    private final AwardedRecords awards;
    private final String mergeSql;

    YearRecordMerge(JdbcClient jdbc, JdbcTemplate template, PlausibilityChecks checks, AwardedRecords awards) {
        this.jdbc = jdbc;
        this.template = template;
        this.checks = checks;
        this.awards = awards;
        this.mergeSql = mergeSql();
    }

    /** Rebuilds one enterprise's record of one year (no sources left: the record is removed). */
    @Transactional
    public void rebuild(String uscc, int year) {
        rebuild(year, uscc);
    }

    /** Rebuilds every enterprise's record of a year; returns how many records the year has now. */
    @Transactional
    public int rebuildYear(int year) {
        return rebuild(year, null);
    }

    private int rebuild(int year, String uscc) {
        String only = uscc == null ? "" : " and uscc = :uscc";
        Map<String, Object> params = new HashMap<>();
        params.put("year", year);
        if (uscc != null) {
            params.put("uscc", uscc);
        }
        List<Disagreement> disagreements = disagreements(year, uscc);
        jdbc.sql("delete from enterprise_year where data_year = :year" + only).params(params).update();
        int merged = jdbc.sql(mergeSql + only + " group by uscc").params(params).update();
        reconcileConflicts(year, uscc, disagreements);
        // a recorded 双创大赛 award is evidence of its own: it sets the flag whatever the sources say
        awards.apply(year, uscc);
        checks.check(year, uscc);
        return merged;
    }

    private static String mergeSql() {
        StringJoiner columns = new StringJoiner(", ");
        StringJoiner values = new StringJoiner(", ");
        for (RecordField f : FIELDS) {
            columns.add(f.column());
            values.add(mergedValue(f));
        }
        return "insert into enterprise_year (uscc, data_year, " + columns + ", updated_at) select uscc, :year, "
                + values + ", current_timestamp from source_record where data_year = :year";
    }

    private static String mergedValue(RecordField f) {
        String self = pick(f, DataSource.SELF);
        if (f == RecordField.NEGATIVES) {
            StringJoiner parts = new StringJoiner(", ");
            for (DataSource d : negativeSources()) {
                parts.add(pick(f, d));
            }
            return "coalesce(nullif(concat_ws(';', " + parts + "), ''), " + self + ")";
        }
        DataSource owner = owner(f);
        return owner == DataSource.SELF ? self : "coalesce(" + pick(f, owner) + ", " + self + ")";
    }

    private static String pick(RecordField f, DataSource s) {
        return "max(case when source = '" + s.name() + "' then " + f.column() + " end)";
    }

    /**
     * The department that owns a field ({@code negatives}: each one reporting negatives owns its share);
     * SELF for what only the enterprise can say (its own scores for the 高企 judgement parts).
     */
    static DataSource owner(RecordField f) {
        for (DataSource d : DataSource.departments()) {
            if (d.fields().contains(f.column())) {
                return d;
            }
        }
        return DataSource.SELF;
    }

    private static List<DataSource> negativeSources() {
        return DataSource.departments().stream().filter(d -> d.fields().contains("negatives")).toList();
    }

    // ---- conflicts ----

    /** A department value and a declared value that disagree beyond tolerance. */
    record Disagreement(String uscc, String field, DataSource department, String departmentValue,
                        String declaredValue) {

        String key() {
            return uscc + '|' + field + '|' + departmentValue + '|' + declaredValue;
        }
    }

    /**
     * The figures of a year on which a department and the enterprise's declaration still disagree, for the
     * data-quality queue: numeric fields only (a set has no size of difference to rank), and not those whose
     * conflict staff already decided in 数据冲突 — that decision is the review, asking again would be noise.
     */
    @Transactional(readOnly = true)
    public List<Comparison> undecidedDisagreements(int year) {
        Set<String> decided = new HashSet<>();
        template.query("select uscc, field, department_value, declared_value from data_conflict"
                + " where data_year = ? and status <> 'OPEN'", rs -> {
            decided.add(rs.getString(1).strip() + '|' + rs.getString(2) + '|' + rs.getString(3) + '|' + rs.getString(4));
        }, year);
        List<Comparison> comparisons = new ArrayList<>();
        for (Disagreement d : disagreements(year, null)) {
            RecordField f = RecordField.forColumn(d.field());
            if (f == null || !f.kind().numeric() || decided.contains(d.key())) {
                continue;
            }
            comparisons.add(new Comparison(d.uscc(), d.field(), f.label(), f.kind().amount(), d.department().label(),
                    Double.parseDouble(d.departmentValue()), DataSource.SELF.label(), Double.parseDouble(d.declaredValue())));
        }
        return comparisons;
    }

    /** Only enterprises with a self-declaration can disagree: read just their rows. */
    private List<Disagreement> disagreements(int year, String uscc) {
        // an uncorrelated IN: evaluated once from the (data_year, source) index, where a correlated EXISTS
        // probed every record of the year — seconds for a year of 100,000 enterprises without declarations
        String sql = "select * from source_record r where r.data_year = ?"
                + (uscc == null ? "" : " and r.uscc = ?")
                + " and r.uscc in (select s.uscc from source_record s where s.data_year = ? and s.source = 'SELF')"
                + " order by r.uscc";
        Object[] args = uscc == null ? new Object[] {year, year} : new Object[] {year, uscc, year};
        Map<String, Map<DataSource, Object[]>> byEnterprise = new LinkedHashMap<>();
        template.query(sql, rs -> {
            Object[] values = new Object[FIELDS.size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = value(rs, FIELDS.get(i));
            }
            byEnterprise.computeIfAbsent(rs.getString("uscc"), k -> new HashMap<>())
                    .put(DataSource.valueOf(rs.getString("source").strip()), values);
        }, args);
        List<Disagreement> found = new ArrayList<>();
        byEnterprise.forEach((code, sources) -> {
            Object[] self = sources.get(DataSource.SELF);
            for (int i = 0; i < FIELDS.size(); i++) {
                RecordField f = FIELDS.get(i);
                if (self[i] == null) {
                    continue;
                }
                if (f == RecordField.NEGATIVES) {
                    Set<Negative> union = EnumSet.noneOf(Negative.class);
                    boolean reported = false;
                    for (DataSource d : negativeSources()) {
                        Object[] dv = sources.get(d);
                        if (dv != null && dv[i] != null) {
                            reported = true;
                            union.addAll(SetCodes.NEGATIVES.fromStored((String) dv[i]));
                        }
                    }
                    Set<Negative> declared = SetCodes.NEGATIVES.fromStored((String) self[i]);
                    if (reported && !union.equals(declared)) {
                        found.add(new Disagreement(code, f.column(), DataSource.MARKET,
                                SetCodes.NEGATIVES.toStored(union), SetCodes.NEGATIVES.toStored(declared)));
                    }
                    continue;
                }
                DataSource owner = owner(f);
                Object[] dv = owner == DataSource.SELF ? null : sources.get(owner);
                if (dv == null || dv[i] == null) {
                    continue;
                }
                if (disagree(f, dv[i], self[i])) {
                    found.add(new Disagreement(code, f.column(), owner, text(dv[i]), text(self[i])));
                }
            }
        });
        return found;
    }

    static boolean disagree(RecordField f, Object department, Object declared) {
        if (f.kind().numeric()) {
            // one definition of "disagree" for the conflicts here and the data-quality queue
            return SourceDisagreements.disagree(f.kind().amount(), ((Number) department).doubleValue(),
                    ((Number) declared).doubleValue());
        }
        if (f.kind() == Kind.SET) {
            // sets, not texts: a stored set may list its codes in any order
            return !f.codes().canonical((String) department).equals(f.codes().canonical((String) declared));
        }
        return !department.equals(declared);
    }

    static Object value(ResultSet rs, RecordField f) throws SQLException {
        return switch (f.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> {
                double d = rs.getDouble(f.column());
                yield rs.wasNull() ? null : d;
            }
            case COUNT, FLAG -> {
                int n = rs.getInt(f.column());
                yield rs.wasNull() ? null : n;
            }
            default -> rs.getString(f.column()); // set codes
        };
    }

    /** A value as conflicts and import history show it: plain decimals, no exponent. */
    static String text(Object v) {
        if (v instanceof Double d) {
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        return String.valueOf(v);
    }

    private void reconcileConflicts(int year, String uscc, List<Disagreement> found) {
        String only = uscc == null ? "" : " and uscc = ?";
        Object[] args = uscc == null ? new Object[] {year} : new Object[] {year, uscc};
        Map<String, String> statusByKey = new HashMap<>();
        List<Long> stale = new ArrayList<>();
        Set<String> current = new HashSet<>();
        found.forEach(d -> current.add(d.key()));
        template.query("select id, uscc, field, department_value, declared_value, status from data_conflict"
                + " where data_year = ?" + only, rs -> {
            String key = rs.getString("uscc") + '|' + rs.getString("field") + '|'
                    + rs.getString("department_value") + '|' + rs.getString("declared_value");
            String status = rs.getString("status");
            if ("OPEN".equals(status) && !current.contains(key)) {
                stale.add(rs.getLong("id"));
            } else {
                statusByKey.merge(key, status, (a, b) -> "TOOK_DECLARED".equals(b) ? b : a);
            }
        }, args);
        template.batchUpdate("delete from data_conflict where id = ?",
                stale.stream().map(id -> new Object[] {id}).toList());
        List<Object[]> inserts = new ArrayList<>();
        List<Disagreement> takeDeclared = new ArrayList<>();
        for (Disagreement d : found) {
            String status = statusByKey.get(d.key());
            if (status == null) {
                inserts.add(new Object[] {d.uscc(), year, d.field(), d.department().name(), d.departmentValue(),
                        d.declaredValue()});
            } else if ("TOOK_DECLARED".equals(status)) {
                takeDeclared.add(d);
            }
        }
        template.batchUpdate("insert into data_conflict (uscc, data_year, field, department, department_value,"
                + " declared_value, status) values (?, ?, ?, ?, ?, ?, 'OPEN')", inserts);
        for (Disagreement d : takeDeclared) {
            // the column name comes from RecordField, never from a request
            String column = RecordField.forColumn(d.field()).column();
            template.update("update enterprise_year set " + column + " = (select s." + column
                    + " from source_record s where s.uscc = ? and s.data_year = ? and s.source = 'SELF')"
                    + " where uscc = ? and data_year = ?", d.uscc(), year, d.uscc(), year);
        }
    }
}
