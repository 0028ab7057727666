package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.analytics.Chart.Point;
import cn.gov.panyu.points.platform.analytics.Chart.Series;

/**
 * The indicator charts, one per stage: the median of each indicator's points over the published years, and each
 * indicator's average in the stage against its average in the stage's best tier. An indicator is named as the
 * shown year's model version names it, and only where it weighs in that stage; an earlier year whose model had
 * no indicator of that code shows no value for it rather than another indicator's.
 */
final class IndicatorCharts {

    /** The averages chart's series of the whole stage (the best tier's series takes the tier's key). */
    static final String STAGE = "STAGE";

    private IndicatorCharts() {
    }

    /** The stages the charts cover: the filter's, else each stage with a selected line in the shown year. */
    private static List<Stage> stages(IndicatorFigures shown, List<Indicator> indicators, DashboardFilter filter) {
        List<Stage> stages = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (filter.stageOrNull() != null && filter.stageOrNull() != stage) {
                continue;
            }
            for (int j = 0; j < indicators.size(); j++) {
                if (indicators.get(j).weight(stage) > 0 && shown.median(stage, j) != null) {
                    stages.add(stage);
                    break;
                }
            }
        }
        return stages;
    }

    /** Per stage, a line per indicator across the published years ({@code medians-STARTUP}, …). */
    static List<Chart> medians(Map<Integer, RunSnapshots.Snapshot> byYear, Map<Integer, IndicatorFigures> figures,
                               int year, DashboardFilter filter) {
        List<Indicator> indicators = byYear.get(year).indicators();
        List<Chart> charts = new ArrayList<>();
        for (Stage stage : stages(figures.get(year), indicators, filter)) {
            List<Series> series = new ArrayList<>();
            for (Indicator indicator : indicators) {
                if (indicator.weight(stage) <= 0) {
                    continue;
                }
                List<Point> points = new ArrayList<>();
                byYear.forEach((y, snapshot) -> {
                    int j = indexOf(snapshot.indicators(), indicator.code());
                    points.add(new Point(j < 0 ? null : figures.get(y).median(stage, j),
                            DistrictDashboard.listUrl(filter.inYear(y).withStage(stage.name()), null)));
                });
                // an indicator no selected result has points for draws no line
                if (points.stream().anyMatch(p -> p.value() != null)) {
                    series.add(new Series(indicator.code(), indicator.name(), points));
                }
            }
            charts.add(new Chart("medians-" + stage.name(), stage.label() + "各指标得分中位数的年度变化", "得分中位数（分）",
                    byYear.keySet().stream().map(y -> y + " 年度").toList(), series));
        }
        return charts;
    }

    /**
     * Per stage, each indicator's average over the stage's selected enterprises and over those of its best tier
     * (领跑 where the stage has leaders): where the best differ from the rest ({@code averages-STARTUP}, …).
     */
    static List<Chart> averages(RunSnapshots.Snapshot snapshot, IndicatorFigures figures, DashboardFilter filter) {
        List<Indicator> indicators = snapshot.indicators();
        List<Chart> charts = new ArrayList<>();
        for (Stage stage : stages(figures, indicators, filter)) {
            Tier best = figures.bestTier(stage);
            List<String> names = new ArrayList<>();
            List<Point> all = new ArrayList<>();
            List<Point> top = new ArrayList<>();
            DashboardFilter inStage = filter.withStage(stage.name());
            for (int j = 0; j < indicators.size(); j++) {
                if (indicators.get(j).weight(stage) <= 0 || figures.average(stage, null, j) == null) {
                    continue;
                }
                names.add(indicators.get(j).name());
                all.add(new Point(figures.average(stage, null, j), DistrictDashboard.listUrl(inStage, null)));
                BigDecimal b = best == null ? null : figures.average(stage, best, j);
                top.add(new Point(b, best == null ? null : DistrictDashboard.listUrl(inStage, best.name())));
            }
            List<Series> series = new ArrayList<>();
            series.add(new Series(STAGE, stage.label() + "平均", all));
            if (best != null) {
                series.add(new Series(best.name(), best.label() + "企业平均", top));
            }
            charts.add(new Chart("averages-" + stage.name(), stage.label() + "各指标平均得分与" + (best == null ? "最佳榜单" : best.label() + "企业") + "对比",
                    "平均得分（分）", names, series));
        }
        return charts;
    }

    private static int indexOf(List<Indicator> indicators, String code) {
        for (int j = 0; j < indicators.size(); j++) {
            if (indicators.get(j).code().equals(code)) {
                return j;
            }
        }
        return -1;
    }
}
