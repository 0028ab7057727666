package cn.gov.panyu.points.platform.whitepaper;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.analytics.Chart;
import cn.gov.panyu.points.platform.analytics.DashboardView;
import cn.gov.panyu.points.platform.analytics.Outcomes;
import cn.gov.panyu.points.platform.analytics.ScoreChange;
import cn.gov.panyu.points.platform.analytics.ScoreHistogram;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.scoremodel.ModelDescription;

/**
 * Everything one white paper shows, gathered before anything is laid out ({@link WhitePaperContents}): the HTML
 * and the PDF are rendered from this one value, so the two versions cannot differ.
 *
 * @param foreword      the editorial foreword as HTML (from staff's Markdown), null without one
 * @param previousYear  the published year before, null if none (then no year-on-year section)
 * @param previous      the previous year's key figures, null without a previous year
 * @param trend         the average total per stage over every published year (the dashboard's trend chart)
 * @param leaders       the 领跑 list of each stage, best first, at most {@link WhitePaperContents#LEADERS} names each
 * @param appendix      the model's indicators with their definitions and units
 * @param qualifications the dashboard's qualifications by tier (资质 as held in the year's merged records)
 * @param outcomes      the dashboard's credit and pool figures of the year; the section is left out when it has none
 * @param credit        the dashboard's loan amounts by stage and tier, null without a loan
 */
public record WhitePaperContent(int year, long runId, LocalDateTime publishedAt, LocalDateTime generatedAt,
                                String modelName, String modelReference, String foreword,
                                DashboardView.Figures figures, Integer previousYear, DashboardView.Figures previous,
                                List<Bars> stages, List<Bars> towns, List<Bars> industries, List<StageChange> stageChanges,
                                Chart trend, List<ScoreHistogram> histograms, List<TierList> leaders,
                                List<ScoreChange> risers, List<ScoreChange> fallers, ModelDescription model,
                                List<AppendixLine> appendix, List<Bars> qualifications, Outcomes outcomes,
                                Chart credit) {

    /**
     * One category of a tier chart as a horizontal stacked bar.
     *
     * @param width the bar's length in percent of the longest bar of its chart
     */
    public record Bars(String label, long total, double width, List<Segment> segments) {
    }

    /**
     * One tier's share of a bar.
     *
     * @param key   tier code or NONE: the CSS class of its colour, never shown
     * @param width percent of its bar
     */
    public record Segment(String key, String name, long count, double width) {
    }

    /** A stage's evaluated enterprises, listed enterprises and average total in the year and the year before. */
    public record StageChange(Stage stage, long evaluated, long previousEvaluated, long listed, long previousListed,
                              BigDecimal average, BigDecimal previousAverage) {

        public BigDecimal averageChange() {
            return average == null || previousAverage == null ? null : average.subtract(previousAverage);
        }
    }

    /** A stage's 领跑 list: how many it holds, and the first of them. */
    public record TierList(Stage stage, long size, List<PublishedScore> first) {
    }

    /** An indicator of the appendix: code, name, what it measures and in which unit. */
    public record AppendixLine(String code, String category, String name, String definition, String unit) {
    }

    /** A model's weight as people write it: 80, 12.5 — no trailing ".0". */
    public String points(double weight) {
        return BigDecimal.valueOf(weight).stripTrailingZeros().toPlainString();
    }
}
