package cn.gov.panyu.points.platform.whitepaper;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.IntConsumer;

import org.commonmark.parser.Parser;
import org.commonmark.renderer.html.HtmlRenderer;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.model.ValueKey;
import cn.gov.panyu.points.platform.analytics.Chart;
import cn.gov.panyu.points.platform.analytics.DashboardFilter;
import cn.gov.panyu.points.platform.analytics.DashboardView;
import cn.gov.panyu.points.platform.analytics.DistrictDashboard;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.scoremodel.ModelDescription;
import cn.gov.panyu.points.platform.scoremodel.ModelVersion;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.whitepaper.WhitePaperContent.AppendixLine;
import cn.gov.panyu.points.platform.whitepaper.WhitePaperContent.Bars;
import cn.gov.panyu.points.platform.whitepaper.WhitePaperContent.Segment;
import cn.gov.panyu.points.platform.whitepaper.WhitePaperContent.StageChange;
import cn.gov.panyu.points.platform.whitepaper.WhitePaperContent.TierList;

/**
 * Gathers a white paper's content for a published year. Every aggregate is the dashboard's
 * ({@link DistrictDashboard}: key figures, tier charts, trend, movers, distributions), read for the year's
 * published run, so that 统计看板 and the white paper show the same numbers; the 领跑 lists come from the
 * published-scores read model, the methodology from the run's model version.
 */
@Service
class WhitePaperContents {

    /** Names per stage in the white paper's 领跑 lists (the whole lists are public under 榜单查询). */
    static final int LEADERS = 20;
    /** Width of a distribution bin, in points. */
    static final int BIN = 10;

    private static final Parser MARKDOWN = Parser.builder().build();
    // staff write Markdown, not HTML: raw HTML is shown as text, and links keep only safe schemes
    private static final HtmlRenderer HTML = HtmlRenderer.builder().escapeHtml(true).sanitizeUrls(true).build();

    private final DistrictDashboard dashboard;
    private final PublishedResults published;
    private final ScoreModels models;

    WhitePaperContents(DistrictDashboard dashboard, PublishedResults published, ScoreModels models) {
        this.dashboard = dashboard;
        this.published = published;
        this.models = models;
    }

    /**
     * The content of the year's published run, or empty when the year is not published. {@code progress}
     * hears 0–100 as the parts are read. Fails (and the caller tries again) if another run of the year is
     * published while the content is read, so that a white paper never mixes two runs.
     */
    Optional<WhitePaperContent> of(int year, String forewordMarkdown, IntConsumer progress) {
        Optional<PublishedRun> before = published.run(year);
        if (before.isEmpty()) {
            return Optional.empty();
        }
        PublishedRun run = before.get();
        DashboardView view = dashboard.view(new DashboardFilter(year, null, null, null)).orElseThrow();
        progress.accept(15);
        Integer previousYear = view.previousYear();
        DashboardView.Figures previous = previousYear == null ? null
                : dashboard.view(new DashboardFilter(previousYear, null, null, null)).orElseThrow().figures();
        List<StageChange> stageChanges = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            DashboardView.Figures now = dashboard.view(new DashboardFilter(year, stage.name(), null, null)).orElseThrow().figures();
            DashboardView.Figures then = previousYear == null ? null
                    : dashboard.view(new DashboardFilter(previousYear, stage.name(), null, null)).orElseThrow().figures();
            stageChanges.add(new StageChange(stage, now.evaluated(), then == null ? 0 : then.evaluated(), now.listed(),
                    then == null ? 0 : then.listed(), now.average(), then == null ? null : then.average()));
        }
        progress.accept(35);
        var histograms = dashboard.histograms(year, BIN);
        progress.accept(50);
        List<TierList> leaders = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            var page = published.page(ScoreFilter.tierList(year, stage, Tier.LEAD), TableQuery.of(1, LEADERS, null, null));
            leaders.add(new TierList(stage, page.total(), page.rows()));
        }
        progress.accept(65);
        ScoreModel model = models.load(run.modelId());
        ModelVersion version = models.version(run.modelId());
        if (!published.run(year).equals(before)) {
            throw new IllegalStateException("run of " + year + " replaced while the white paper was read");
        }
        String foreword = forewordMarkdown == null || forewordMarkdown.isBlank() ? null
                : HTML.render(MARKDOWN.parse(forewordMarkdown));
        return Optional.of(new WhitePaperContent(year, run.runId(), run.publishedAt(), LocalDateTime.now(),
                version.name(), version.reference(), foreword, view.figures(), previousYear, previous,
                bars(view.chart("stages").orElseThrow()), bars(view.chart("towns").orElseThrow()),
                bars(view.chart("industries").orElseThrow()), stageChanges, view.chart("trend").orElseThrow(),
                histograms, leaders, view.risers(), view.fallers(), ModelDescription.of(model), appendix(model),
                bars(view.chart("qualifications").orElseThrow()), view.outcomes(), view.chart("credit").orElse(null)));
    }

    /** A tier chart of the dashboard as stacked bars, the longest bar full width. */
    static List<Bars> bars(Chart chart) {
        List<Bars> rows = new ArrayList<>();
        long longest = 0;
        for (int i = 0; i < chart.categories().size(); i++) {
            long total = 0;
            for (Chart.Series s : chart.series()) {
                total += s.points().get(i).value().longValue();
            }
            longest = Math.max(longest, total);
        }
        for (int i = 0; i < chart.categories().size(); i++) {
            long total = 0;
            List<Segment> segments = new ArrayList<>();
            for (Chart.Series s : chart.series()) {
                total += s.points().get(i).value().longValue();
            }
            for (Chart.Series s : chart.series()) {
                long n = s.points().get(i).value().longValue();
                segments.add(new Segment(s.key(), s.name(), n, total == 0 ? 0 : 100.0 * n / total));
            }
            rows.add(new Bars(chart.categories().get(i), total, longest == 0 ? 0 : 100.0 * total / longest, segments));
        }
        return rows;
    }

    /** The model's indicators in the model's order; each scoring rule in the words of the model's own page. */
    static List<AppendixLine> appendix(ScoreModel model) {
        java.util.Map<String, String> rules = new java.util.HashMap<>();
        ModelDescription.of(model).categories().forEach(c -> c.lines().forEach(l -> rules.put(l.code(), l.transform())));
        List<AppendixLine> lines = new ArrayList<>();
        for (Indicator i : model.indicators()) {
            lines.add(new AppendixLine(i.code(), i.category(), i.name(), measure(i) + "；" + rules.get(i.code()),
                    unit(i.value())));
        }
        return lines;
    }

    private static String measure(Indicator i) {
        return switch (i.value()) {
            case RD_INTENSITY -> "研发费用 ÷ 本年营业收入";
            case RD_STAFF_RATIO -> "研发人员数 ÷ 职工总数";
            case REVENUE_GROWTH -> "营业收入增长率（高企认定的三年算法）";
            case HITECH_RATIO -> "高新技术产品(服务)收入 ÷ 本年营业收入";
            case KEY_INDUSTRY -> "所属行业是否为模型列明的重点产业";
            default -> i.value().label();
        };
    }

    static String unit(ValueKey value) {
        if (value.isRatio() || value == ValueKey.REVENUE_GROWTH) {
            return "%";
        }
        if (value.isSet()) {
            return "项（集合）";
        }
        if (value.field() == null) {
            return "是/否";
        }
        InputField.Kind kind = value.field().kind();
        return kind.amount() ? "万元" : kind == InputField.Kind.FLAG ? "是/否" : "个";
    }
}
