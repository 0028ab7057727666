package cn.gov.panyu.points.platform.analytics;

import java.util.ArrayList;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;

/** 统计看板 and 领导视图: the pages, the charts' data as JSON for the page script, and each chart's xlsx. */
@Controller
class AnalyticsController {

    private static final List<Column<ScoreChange>> MOVER_COLUMNS = List.of(
            new Column<>("统一社会信用代码", ScoreChange::uscc),
            new Column<>("企业名称", ScoreChange::name),
            new Column<>("所属镇街", ScoreChange::town),
            new Column<>("行业", c -> IndustryCode.display(c.industry())),
            new Column<>("发展阶段", c -> c.stage().label()),
            new Column<>("上年积分", ScoreChange::previousTotal),
            new Column<>("本年积分", ScoreChange::total),
            new Column<>("变化", ScoreChange::change),
            new Column<>("榜单", c -> c.tier() == null ? null : c.tier().label()));

    private final DistrictDashboard dashboard;

    AnalyticsController(DistrictDashboard dashboard) {
        this.dashboard = dashboard;
    }

    @GetMapping("/analytics")
    String dashboard(DashboardFilter filter, Model model) {
        return page(filter, model, "analytics/dashboard");
    }

    @GetMapping("/analytics/leader")
    String leader(DashboardFilter filter, Model model) {
        return page(filter, model, "analytics/leader");
    }

    private String page(DashboardFilter filter, Model model, String template) {
        model.addAttribute("view", dashboard.view(filter).orElse(null));
        model.addAttribute("stages", Stage.values());
        model.addAttribute("qualifications", Qualification.values());
        return template;
    }

    /** The charts of the page, read by static/js/analytics.js (the CSP allows no inline data script). */
    @GetMapping("/analytics/data")
    @ResponseBody
    List<Chart> data(DashboardFilter filter) {
        return dashboard.view(filter).map(DashboardView::charts).orElse(List.of());
    }

    /** One chart's data as a workbook: a row per category, a column per series; or the risers or fallers. */
    @GetMapping("/analytics/export")
    ResponseEntity<StreamingResponseBody> export(DashboardFilter filter, @RequestParam(required = false) String chart) {
        DashboardView view = dashboard.view(filter).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        String year = view.filter().year() + "年度";
        if ("risers".equals(chart) || "fallers".equals(chart)) {
            boolean risers = chart.equals("risers");
            return ExcelExport.response(year + (risers ? "积分上升最多的企业" : "积分下降最多的企业"), risers ? "上升" : "下降",
                    MOVER_COLUMNS, risers ? view.risers() : view.fallers());
        }
        Chart c = view.chart(chart == null ? "" : chart).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        List<Column<Integer>> columns = new ArrayList<>();
        columns.add(new Column<>("类别", i -> c.categories().get(i)));
        for (Chart.Series s : c.series()) {
            columns.add(new Column<>(s.name() + "（" + c.valueLabel() + "）", i -> s.points().get(i).value()));
        }
        List<Integer> rows = new ArrayList<>();
        for (int i = 0; i < c.categories().size(); i++) {
            rows.add(i);
        }
        return ExcelExport.response(year + c.title(), "数据", columns, rows);
    }
}
