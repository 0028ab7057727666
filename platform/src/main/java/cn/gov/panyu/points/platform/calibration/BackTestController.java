package cn.gov.panyu.points.platform.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.calibration.BackTest;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.table.ExcelExport;

/** 回测: two model versions side by side, judged by what became of the enterprises they put on each tier. */
@Controller
class BackTestController {

    /** The export's name of a stage's separation row. */
    private static final String SEPARATION = "领跑−未上榜";

    private final BackTests backTests;

    BackTestController(BackTests backTests) {
        this.backTests = backTests;
    }

    /**
     * The page; the year defaults to the newest that can be back-tested, the horizon to the furthest with data.
     * A year that cannot be back-tested shows the choice again with a note, not an error.
     */
    @GetMapping("/calibration/backtest")
    String page(@RequestParam(required = false) Integer year, @RequestParam(required = false) Long a,
                @RequestParam(required = false) Long b, @RequestParam(required = false) Integer horizon, Model model) {
        List<Integer> years = backTests.years();
        model.addAttribute("years", years);
        model.addAttribute("versions", backTests.versions());
        model.addAttribute("outcomes", BackTest.Outcome.values());
        Optional<BackTests.Choice> choice = backTests.choose(year, a, b);
        if (choice.isEmpty()) {
            model.addAttribute("failure", years.isEmpty()
                    ? "回测需要至少两个连续年度的数据：请先在“数据采集”中导入后续年度的数据。"
                    : "所选年度没有后一年度的数据，无法回测，请从列表中选择年度。");
            return "calibration/backtest";
        }
        model.addAttribute("choice", choice.get());
        model.addAttribute("labelA", BackTests.label(choice.get().a()));
        model.addAttribute("labelB", BackTests.label(choice.get().b()));
        try {
            BackTests.Result result = backTests.run(choice.get());
            List<Integer> horizons = result.horizons();
            int h = horizon != null && horizons.contains(horizon) ? horizon : horizons.get(horizons.size() - 1);
            model.addAttribute("result", result);
            model.addAttribute("horizon", h);
        } catch (CalibrationRefusedException e) {
            model.addAttribute("failure", e.getMessage());
        }
        return "calibration/backtest";
    }

    /** Every figure of the page, both horizons, one row per model, stage, tier, horizon and outcome. */
    @GetMapping("/calibration/backtest/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) Long a,
                                                 @RequestParam(required = false) Long b) {
        // a year that cannot be back-tested exports the header only, as the page shows no table for it
        List<Line> lines = List.of();
        Optional<BackTests.Choice> choice = backTests.choose(year, a, b);
        if (choice.isPresent()) {
            try {
                lines = lines(backTests.run(choice.get()));
            } catch (CalibrationRefusedException e) {
                // no scorable record of the year: nothing to export, the page says why
            }
        }
        List<ExcelExport.Column<Line>> columns = List.of(
                new ExcelExport.Column<>("数据年度", Line::year),
                new ExcelExport.Column<>("模型", Line::model),
                new ExcelExport.Column<>("模型版本", Line::label),
                new ExcelExport.Column<>("发展阶段", Line::stage),
                new ExcelExport.Column<>("榜单", Line::tier),
                new ExcelExport.Column<>("企业数", Line::enterprises),
                new ExcelExport.Column<>("截至年度", Line::until),
                new ExcelExport.Column<>("后续结果", Line::outcome),
                new ExcelExport.Column<>("有数据企业数", Line::observed),
                new ExcelExport.Column<>("发生企业数", Line::yes),
                new ExcelExport.Column<>("占比", Line::share),
                new ExcelExport.Column<>("Kendall τ-b", Line::kendallTauB));
        return ExcelExport.response("模型回测", "模型回测", columns, lines);
    }

    /**
     * One row of the export: a tier's share (null when nobody of the tier had data), or a stage's separation
     * (tier "领跑−未上榜", share the difference of the two shares, and τ-b).
     */
    record Line(int year, String model, String label, String stage, String tier, int enterprises, int until,
                String outcome, int observed, Integer yes, Double share, Double kendallTauB) {
    }

    private static Double orNull(double v) {
        return Double.isNaN(v) ? null : v;
    }

    static List<Line> lines(BackTests.Result result) {
        List<Line> lines = new ArrayList<>();
        BackTests.Choice c = result.choice();
        String[] names = {"模型A", "模型B"};
        String[] labels = {BackTests.label(c.a()), BackTests.label(c.b())};
        for (int m = 0; m < 2; m++) {
            BackTest.ModelResult model = result.report().models().get(m);
            for (Stage s : Stage.values()) {
                BackTest.StageResult stage = model.stage(s);
                for (int h : result.horizons()) {
                    for (BackTest.Outcome o : BackTest.Outcome.values()) {
                        BackTest.Separation sep = stage.separation(o, h);
                        lines.add(new Line(c.year(), names[m], labels[m], s.label(), SEPARATION, stage.enterprises(),
                                c.year() + h, o.label(), sep.observed(), null, orNull(sep.topMinusBottom()),
                                orNull(sep.kendallTauB())));
                    }
                }
                for (BackTest.Row row : stage.rows()) {
                    for (int h : result.horizons()) {
                        for (BackTest.Outcome o : BackTest.Outcome.values()) {
                            BackTest.Cell cell = row.cell(o, h);
                            lines.add(new Line(c.year(), names[m], labels[m], s.label(), row.label(), row.enterprises(),
                                    c.year() + h, o.label(), cell.observed(), cell.yes(),
                                    orNull(cell.share()), null));
                        }
                    }
                }
            }
        }
        return lines;
    }
}
