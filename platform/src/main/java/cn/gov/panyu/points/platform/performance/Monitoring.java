package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.performance.Progress.Status;

/**
 * Works out where each indicator of a declaration stands — its actual from the bound measure (over the
 * budget year's records of 数据采集, read through {@link YearRecords}) or from the latest entry by hand — and
 * writes the month's snapshot. Unguarded: the monthly job runs without a user; {@link PerformanceMonitoring}
 * is the guarded entrance for requests.
 */
@Component
class Monitoring {

    /** An actual entered by hand, with its evidence. */
    public record Actual(long id, BigDecimal value, Boolean achieved, String evidence, String link, String enteredBy,
                         LocalDateTime enteredAt) {
    }

    /** One month of an indicator's history. */
    public record Point(String month, BigDecimal value, BigDecimal completion, Status status) {
    }

    /**
     * One indicator on the monitoring page.
     *
     * @param source how the actual was obtained, for the page: the measure's label, 人工填报, or why there is none
     */
    public record Row(Declaration.Item item, TargetExpression target, Measure measure, String source, Actual manual,
                      Progress progress, List<Point> history) {

        /** The actual as pages and exports show it: a number with the target's unit, or a judgement, or —. */
        public String actualText() {
            if (progress.actual() != null) {
                // two decimals are what the form's targets use; below 1 (0.55万人) four keep the figure readable
                BigDecimal a = progress.actual();
                int scale = a.abs().compareTo(BigDecimal.ONE) < 0 ? 4 : 2;
                BigDecimal shown = a.setScale(scale, java.math.RoundingMode.HALF_UP).stripTrailingZeros();
                return (shown.scale() < 0 ? shown.setScale(0) : shown).toPlainString() + target.unit();
            }
            if (manual != null && manual.achieved() != null) {
                return manual.achieved() ? "已完成" : "未完成";
            }
            return "—";
        }
    }

    /** A declaration's monitoring on a day. */
    public record Report(Declaration declaration, LocalDate day, List<Row> rows, Map<Status, Integer> counts) {

        public List<Row> warnings() {
            return rows.stream().filter(r -> r.progress().warning() != null).toList();
        }
    }

    private final JdbcClient jdbc;
    private final YearRecords records;

    Monitoring(JdbcClient jdbc, YearRecords records) {
        this.jdbc = jdbc;
        this.records = records;
    }

    Report report(Declaration d, LocalDate day) {
        Measure.Year year = null;
        Map<Long, Actual> manual = latestActuals(d.id());
        Map<Long, List<Point>> history = history(d.id());
        List<Row> rows = new ArrayList<>();
        Map<Status, Integer> counts = new EnumMap<>(Status.class);
        for (Status s : Status.values()) {
            counts.put(s, 0);
        }
        for (Declaration.Item item : d.scored()) {
            TargetExpression target = item.target();
            Measure measure = item.measure() != null && target.quantitative() && item.measure().fits(target.unit()) ? item.measure() : null;
            Actual entered = manual.get(item.id());
            BigDecimal actual;
            Boolean achieved = null;
            String source;
            if (measure != null) {
                if (year == null) {
                    year = new Measure.Year(d.year(), records.ofYear(d.year()).records(), records.ofYear(d.year() - 1).records());
                }
                actual = Measure.inUnit(measure.value(year), target.unit());
                source = actual == null ? measure.label() + "（暂无" + d.year() + "年数据）" : measure.label();
            } else {
                actual = entered == null ? null : entered.value();
                achieved = entered == null ? null : entered.achieved();
                source = entered == null ? "人工填报（尚未填报）" : "人工填报";
            }
            Progress progress = Progress.of(target, actual, achieved, d.year(), day);
            counts.merge(progress.status(), 1, Integer::sum);
            rows.add(new Row(item, target, measure, source, entered, progress, history.getOrDefault(item.id(), List.of())));
        }
        return new Report(d, day, rows, counts);
    }

    /**
     * Writes the month's snapshot of every indicator of the declaration: one row per indicator and month, a
     * second snapshot in the same month replacing the first, so the job may run any number of times.
     *
     * @return the number of indicators snapshotted
     */
    @Transactional
    int snapshot(Declaration d, LocalDate day) {
        String month = YearMonth.from(day).toString();
        Report report = report(d, day);
        LocalDateTime now = LocalDateTime.now();
        for (Row r : report.rows()) {
            jdbc.sql("delete from performance_snapshot where indicator_id = ? and period = ?").params(r.item().id(), month).update();
            jdbc.sql("""
                    insert into performance_snapshot (indicator_id, period, actual, completion, status, taken_at)
                    values (?, ?, ?, ?, ?, ?)""")
                    .params(r.item().id(), month, r.progress().actual(), r.progress().completion(),
                            r.progress().status().name(), Timestamp.valueOf(now)).update();
        }
        return report.rows().size();
    }

    /** The declarations the monthly job keeps: those of the current budget year. */
    List<Long> current(LocalDate day) {
        return jdbc.sql("select id from performance_declaration where budget_year = ? order by id").param(day.getYear())
                .query(Long.class).list();
    }

    private Map<Long, Actual> latestActuals(long declarationId) {
        Map<Long, Actual> latest = new HashMap<>();
        jdbc.sql("""
                select a.* from performance_actual a join performance_indicator i on i.id = a.indicator_id
                where i.declaration_id = ? order by a.id""").param(declarationId)
                .query((rs, n) -> Map.entry(rs.getLong("indicator_id"), actual(rs)))
                .list().forEach(e -> latest.put(e.getKey(), e.getValue()));
        return latest;
    }

    /** Every actual entered for an indicator, latest first. */
    List<Actual> entries(long indicatorId) {
        return jdbc.sql("select * from performance_actual where indicator_id = ? order by id desc").param(indicatorId)
                .query((rs, n) -> actual(rs)).list();
    }

    private static Actual actual(java.sql.ResultSet rs) throws java.sql.SQLException {
        Object achieved = rs.getObject("achieved");
        return new Actual(rs.getLong("id"), rs.getBigDecimal("amount"), achieved == null ? null : rs.getBoolean("achieved"),
                rs.getString("evidence"), rs.getString("link"), rs.getString("entered_by"),
                rs.getTimestamp("entered_at").toLocalDateTime());
    }

    private Map<Long, List<Point>> history(long declarationId) {
        Map<Long, List<Point>> history = new HashMap<>();
        jdbc.sql("""
                select s.indicator_id, s.period, s.actual, s.completion, s.status from performance_snapshot s
                join performance_indicator i on i.id = s.indicator_id where i.declaration_id = ? order by s.period""")
                .param(declarationId).query((rs, n) -> Map.entry(rs.getLong(1), new Point(rs.getString(2), rs.getBigDecimal(3),
                        rs.getBigDecimal(4), Status.valueOf(rs.getString(5)))))
                .list().forEach(e -> history.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return history;
    }
}
