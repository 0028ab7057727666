package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.scoremodel.ModelVersion;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 评价批次: start a run, follow its progress, check its results, take it to 公示 and publication. */
@Controller
class RunController {

    private final EvaluationRuns runs;
    private final RunResults results;
    private final ScoreModels models;

    RunController(EvaluationRuns runs, RunResults results, ScoreModels models) {
        this.runs = runs;
        this.results = results;
        this.models = models;
    }

    @GetMapping("/evaluation/runs")
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", runs.list(year, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("year", year);
        model.addAttribute("base", year == null ? "/evaluation/runs" : "/evaluation/runs?year=" + year);
        model.addAttribute("years", runs.dataYears());
        List<ModelVersion> versions = new ArrayList<>(models.list(new TableQuery(1, 100, "created", "desc")).rows());
        model.addAttribute("models", versions);
        model.addAttribute("activeModel", models.activeModelId());
        return "evaluation/runs";
    }

    @GetMapping("/evaluation/runs/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Integer year) {
        List<ExcelExport.Column<RunSummary>> columns = List.of(
                new ExcelExport.Column<>("批次", r -> r.id()),
                new ExcelExport.Column<>("年度", r -> r.year()),
                new ExcelExport.Column<>("模型版本", RunSummary::modelLabel),
                new ExcelExport.Column<>("状态", r -> r.status().label()),
                new ExcelExport.Column<>("企业数", RunSummary::enterprises),
                new ExcelExport.Column<>("参与排名", RunSummary::eligible),
                new ExcelExport.Column<>("输入哈希(SHA-256)", RunSummary::inputSha256),
                new ExcelExport.Column<>("引擎版本", RunSummary::engineVersion),
                new ExcelExport.Column<>("公示截止", RunSummary::noticeEnds),
                new ExcelExport.Column<>("创建人", RunSummary::createdBy),
                new ExcelExport.Column<>("创建时间", RunSummary::createdAt),
                new ExcelExport.Column<>("发布时间", RunSummary::publishedAt));
        return ExcelExport.response("评价批次", "评价批次", columns, runs.all(year));
    }

    @PostMapping("/evaluation/runs")
    String start(@RequestParam int year, @RequestParam long modelId, @AuthenticationPrincipal PlatformUser user,
                 RedirectAttributes redirect) {
        try {
            long id = runs.start(year, modelId, user.username());
            redirect.addFlashAttribute("notice", "已开始计算 " + year + " 年度评价（批次 " + id + "），可离开本页，稍后回来查看结果。");
            return "redirect:/evaluation/runs/" + id;
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/evaluation/runs";
        }
    }

    @GetMapping("/evaluation/runs/{id}")
    String run(@PathVariable long id, @RequestParam(required = false) String stage,
               @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
               @RequestParam(required = false) String sort, @RequestParam(required = false) String dir,
               @AuthenticationPrincipal PlatformUser user, Model model) {
        RunSummary run = runs.summary(id);
        Stage s = Stage.parse(stage);
        model.addAttribute("run", run);
        model.addAttribute("now", LocalDateTime.now());
        model.addAttribute("stages", Stage.values());
        model.addAttribute("stage", s);
        model.addAttribute("defaultNoticeEnd", LocalDate.now().plusDays(7));
        model.addAttribute("base", "/evaluation/runs/" + id + (s == null ? "" : "?stage=" + s.name()));
        if (run.hasResults()) {
            model.addAttribute("page", results.ofRun(id, s, TableQuery.of(page, size, sort, dir)));
        }
        if (run.canPublish()) {
            model.addAttribute("gate", runs.publishingGate(id));
            model.addAttribute("mayOverride", user.role() == Role.ADMIN);
            model.addAttribute("overrideReasonMax", EvaluationRuns.MAX_OVERRIDE_REASON);
        }
        return "evaluation/run";
    }

    /** The progress card alone, polled by htmx while the run works. */
    @GetMapping("/evaluation/runs/{id}/progress")
    String progress(@PathVariable long id, @RequestParam(required = false) String polled, Model model) {
        model.addAttribute("run", runs.summary(id));
        model.addAttribute("polled", polled != null);
        model.addAttribute("now", LocalDateTime.now());
        return "evaluation/parts :: progress";
    }

    @GetMapping("/evaluation/runs/{id}/export")
    ResponseEntity<StreamingResponseBody> exportResults(@PathVariable long id, @RequestParam(required = false) String stage) {
        runs.summary(id); // an unknown run is the not-found page, not an empty workbook
        List<ResultRow> rows = new ArrayList<>();
        results.eachOfRun(id, Stage.parse(stage), rows::add);
        return ExcelExport.response("评价结果-批次" + id, "评价结果", ResultColumns.ALL, rows);
    }

    @PostMapping("/evaluation/runs/{id}/notice")
    String notice(@PathVariable long id, @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate endsOn,
                  @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        return act(id, redirect, "已进入公示，公示截止 " + endsOn + "。", () -> runs.putOnNotice(id, endsOn, user.username()));
    }

    @PostMapping("/evaluation/runs/{id}/withdraw")
    String withdraw(@PathVariable long id, @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        return act(id, redirect, "已撤回公示，批次回到“待公示”。", () -> runs.withdrawNotice(id, user.username()));
    }

    @PostMapping("/evaluation/runs/{id}/publish")
    String publish(@PathVariable long id, @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        return act(id, redirect, "已发布。榜单和查询现在显示本批次的结果。", () -> runs.publish(id, user.username()));
    }

    /** 越过发布条件: administrators only (URL rule and service), with a reason the audit log keeps. */
    @PostMapping("/evaluation/runs/{id}/publish-override")
    String publishOverriding(@PathVariable long id, @RequestParam(required = false) String reason,
                             @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        return act(id, redirect, "已越过发布条件发布，理由已记入操作日志。榜单和查询现在显示本批次的结果。",
                () -> runs.publishOverriding(id, reason, user.username()));
    }

    @PostMapping("/evaluation/runs/{id}/verify")
    String verify(@PathVariable long id, RedirectAttributes redirect) {
        return act(id, redirect, () -> {
            EvaluationRuns.Verification v = runs.verify(id);
            if (v.identical()) {
                redirect.addFlashAttribute("notice", "重新计算核对一致：输入哈希相同，" + v.recomputed() + " 家企业的各项得分、总分、排名和榜单与保存的结果完全一致。");
            } else {
                redirect.addFlashAttribute("failure", "重新计算核对不一致：" + (v.hashMatches() ? "" : "输入哈希不同；")
                        + "重新计算 " + v.recomputed() + " 家，保存 " + v.stored() + " 家"
                        + (v.differing().isEmpty() ? "" : "；不一致的企业如 " + String.join("、", v.differing())));
            }
        });
    }

    private static String act(long id, RedirectAttributes redirect, String success, Runnable action) {
        return act(id, redirect, () -> {
            action.run();
            redirect.addFlashAttribute("notice", success);
        });
    }

    /** Runs an action on run {@code id}; a refusal is shown on the run's page, an unknown id is the not-found page. */
    private static String act(long id, RedirectAttributes redirect, Runnable action) {
        try {
            action.run();
        } catch (RunNotFoundException e) {
            throw e; // no run to go back to: a refusal shown on its page would be a redirect to a 404
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/evaluation/runs/" + id;
    }
}
