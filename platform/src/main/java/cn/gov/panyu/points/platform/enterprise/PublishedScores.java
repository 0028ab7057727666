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
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
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
    private final PublishedResults published;
    private final YearRecords yearRecords;

    PublishedScores(JdbcClient jdbc, ScoreModels models, PublishedResults published, YearRecords yearRecords) {
        this.jdbc = jdbc;
        this.models = models;
        this.published = published;
        this.yearRecords = yearRecords;
    }

    public Optional<Registry> registry(String uscc) {
        return jdbc.sql("select uscc, name, town, industry, established from enterprise where uscc = :uscc")
                .param("uscc", uscc)
                .query((rs, n) -> new Registry(rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                        rs.getString("industry").trim(), rs.getDate("established").toLocalDate()))
                .optional();
    }

    /** The enterprise's result in the year's published run, read with the run's own model version. */
    public Optional<ScoreBreakdown> breakdown(Registry registry, int year) {
        Optional<PublishedScore> found = published.of(registry.uscc(), year);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        PublishedScore r = found.get();
        ScoreModel model = models.load(r.modelId());
        Optional<Map<String, Object>> merged = mergedRow(registry.uscc(), year);
        EnterpriseRecord record = yearRecords.of(registry.uscc(), year).orElse(null);

        List<IndicatorLine> lines = new ArrayList<>();
        for (Indicator indicator : model.indicators()) {
            // by code: the run stored its points under its own model's codes
            BigDecimal points = r.points().of(indicator.code()).orElse(BigDecimal.ZERO.setScale(2));
            BigDecimal max = BigDecimal.valueOf(indicator.weight(r.stage())).setScale(2, RoundingMode.HALF_UP);
            double percent = max.signum() == 0 ? 0 : Math.min(100, points.doubleValue() * 100 / max.doubleValue());
            String raw = record == null ? "—" : FieldValues.raw(indicator.value(), record, model);
            lines.add(new IndicatorLine(indicator.code(), indicator.category(), indicator.name(), raw, points, max, percent));
        }
        LocalDateTime updated = merged.map(row -> localDateTime(row.get("updated_at"))).orElse(null);
        boolean changed = updated != null && r.computedAt() != null && updated.isAfter(r.computedAt());
        return Optional.of(new ScoreBreakdown(r.runId(), year, model.label(), r.stage(), r.core(), r.bonus(),
                r.deduction(), r.total(), r.rank(), published.rankedInStage(year, r.stage()), r.tier(), r.eligible(),
                r.publishedAt(), lines, changed, advice(lines)));
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
        return published.history(uscc).stream()
                .map(r -> new YearScore(r.year(), r.total(), r.stage(), r.rank(), r.tier())).toList();
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
