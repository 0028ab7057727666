package cn.gov.panyu.points.platform.enterprise;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.IndicatorLine;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.Registry;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.ScoreBreakdown;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.YearScore;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * One enterprise's published results — the score breakdown of a year, the history over the years and the
 * key figures behind them — as staff, the enterprise itself and a consented bank all see them, so that the
 * three views cannot drift apart.
 *
 * <p>Deliberately without a role check: every caller is a service that has already bound the USCC its user
 * may see (staff: any; enterprise: its own; bank: a consented one) and writes the audit entry for the read.
 * Being package-public rather than a controller's dependency keeps it out of reach of a URL.
 */
@Component
public class PublishedScores {

    /** The figures a bank's report shows, in this order. */
    private static final List<RecordField> KEY_FIGURES = List.of(
            RecordField.REVENUE_Y0, RecordField.REVENUE_Y1, RecordField.REVENUE_Y2, RecordField.NET_PROFIT,
            RecordField.TAX_PAID, RecordField.RD_EXPENSE, RecordField.EMPLOYEES, RecordField.RD_STAFF,
            RecordField.IP_CLASS1, RecordField.IP_CLASS2, RecordField.HITECH_REVENUE, RecordField.TOTAL_ASSETS,
            RecordField.TOTAL_LIABILITIES, RecordField.QUALIFICATIONS);

    /** One labelled value of {@link #keyFigures}; {@code text} is "" when missing. */
    public record Figure(String label, String unit, String text) {
    }

    private final JdbcClient jdbc;
    private final ScoreModels models;
    private final YearRecords yearRecords;

    PublishedScores(JdbcClient jdbc, ScoreModels models, YearRecords yearRecords) {
        this.jdbc = jdbc;
        this.models = models;
        this.yearRecords = yearRecords;
    }

    public Optional<Registry> registry(String uscc) {
        return jdbc.sql("select uscc, name, town, industry, established from enterprise where uscc = :uscc")
                .param("uscc", uscc)
                .query((rs, n) -> new Registry(rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                        rs.getString("industry").trim(), rs.getDate("established").toLocalDate()))
                .optional();
    }

    /** The enterprise's result in the year's published run, decoded with the run's model version. */
    public Optional<ScoreBreakdown> breakdown(Registry registry, int year) {
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
        EnterpriseRecord record = yearRecords.of(registry.uscc(), year).orElse(null);

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

    /** The enterprise's published result of every year, oldest first. */
    public List<YearScore> history(String uscc) {
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

    /** Revenue, R&D, tax, staff, IP and the like of a year's merged record, formatted for a report. */
    public List<Figure> keyFigures(String uscc, int year) {
        Map<String, Object> row = mergedRow(uscc, year).orElse(Map.of());
        return KEY_FIGURES.stream()
                .map(f -> new Figure(f.label(), f.unit(), FieldValues.text(f, row.get(f.column())))).toList();
    }

    /** The merged record of a year (lower-case column keys), if there is one. */
    Optional<Map<String, Object>> mergedRow(String uscc, int year) {
        return jdbc.sql("select * from enterprise_year where uscc = :uscc and data_year = :year")
                .param("uscc", uscc).param("year", year).query().listOfRows().stream()
                .findFirst().map(PublishedScores::lowerKeys);
    }

    static Map<String, Object> lowerKeys(Map<String, Object> row) {
        Map<String, Object> m = new HashMap<>();
        row.forEach((k, v) -> m.put(k.toLowerCase(Locale.ROOT), v));
        return m;
    }

    static LocalDateTime localDateTime(Object t) {
        if (t instanceof Timestamp ts) {
            return ts.toLocalDateTime();
        }
        return t instanceof LocalDateTime ldt ? ldt : null;
    }
}
