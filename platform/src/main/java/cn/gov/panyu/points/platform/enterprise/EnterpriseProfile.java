package cn.gov.panyu.points.platform.enterprise;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.collection.DataSource;

/**
 * Everything the enterprise detail page shows about one enterprise, for one selected year.
 *
 * @param years the years with data for this enterprise, latest first
 * @param year  the selected year, null when the enterprise has no data at all
 * @param score the result in the year's published run, null when there is none
 */
public record EnterpriseProfile(Registry registry, List<Integer> years, Integer year, YearData data,
                                ScoreBreakdown score, List<YearScore> history, List<ImportEvent> imports,
                                List<Anomaly> anomalies) {

    public EnterpriseProfile {
        years = List.copyOf(years);
        history = List.copyOf(history);
        imports = List.copyOf(imports);
        anomalies = List.copyOf(anomalies);
    }

    /** The registry card. */
    public record Registry(String uscc, String name, String town, String industry, LocalDate established) {
    }

    /**
     * The year's data as field × source, with the merged value the evaluation reads.
     *
     * @param sources the sources that reported something for the year, in {@link DataSource} order
     */
    public record YearData(List<DataSource> sources, List<FieldRow> rows, boolean merged) {

        public YearData {
            sources = List.copyOf(sources);
            rows = List.copyOf(rows);
        }

        public boolean empty() {
            return sources.isEmpty() && !merged;
        }

        public long conflicts() {
            return rows.stream().filter(FieldRow::conflict).count();
        }
    }

    /**
     * One field: the value of each source (aligned with {@link YearData#sources()}), the merged value, and
     * the conflict between department and declaration if one was flagged.
     *
     * @param provenance where the merged value comes from when no source column shows it (a 双创大赛 award:
     *                   "双创大赛 2026 一等奖"); null otherwise
     */
    public record FieldRow(String column, String label, String unit, List<Cell> cells, String merged,
                           boolean conflict, String conflictNote, String provenance) {

        public FieldRow {
            cells = List.copyOf(cells);
        }
    }

    /** A source's value; {@code chosen} when the merge took it. */
    public record Cell(String text, boolean chosen) {
    }

    /**
     * The published result of the selected year, decoded with the run's own model version.
     *
     * @param dataChangedSinceRun the merged data changed after the run: raw values are today's, the points the run's
     * @param advice              what to improve next, one sentence; null when nothing stands out
     */
    public record ScoreBreakdown(long runId, int year, String model, Stage stage, BigDecimal core, BigDecimal bonus,
                                 BigDecimal deduction, BigDecimal total, Integer rank, int eligibleInStage,
                                 Tier tier, boolean eligible, LocalDateTime publishedAt,
                                 List<IndicatorLine> indicators, boolean dataChangedSinceRun, String advice) {

        public ScoreBreakdown {
            indicators = List.copyOf(indicators);
        }
    }

    /**
     * One indicator of the breakdown.
     *
     * @param percent points of max, 0 … 100, for the bar
     */
    public record IndicatorLine(String code, String category, String name, String raw, BigDecimal points,
                                BigDecimal maxPoints, double percent) {
    }

    /** The enterprise's published result of one year. */
    public record YearScore(int year, BigDecimal total, Stage stage, Integer rank, Tier tier) {
    }

    /** A department import that touched this enterprise. */
    public record ImportEvent(long importId, DataSource source, int year, String fileName, String importedBy,
                              LocalDateTime importedAt, String status, boolean createdEnterprise) {
    }

    /** A plausibility finding of the selected year. */
    public record Anomaly(String field, String kind, String message) {
    }
}
