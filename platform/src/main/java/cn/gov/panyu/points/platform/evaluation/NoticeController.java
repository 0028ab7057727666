package cn.gov.panyu.points.platform.evaluation;

import java.io.Serializable;
import java.util.List;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 公示与异议: runs on notice, objections recorded by staff, accepted (→ correct data, re-run) or rejected. */
@Controller
@PreAuthorize("hasRole('STAFF')") // Objections.file also admits enterprise users (for their own USCC); these pages are staff's
class NoticeController {

    private final Objections objections;
    private final EvaluationRuns runs;

    NoticeController(Objections objections, EvaluationRuns runs) {
        this.objections = objections;
        this.runs = runs;
    }

    /** The form to record an objection, kept on error so nothing typed is lost (a flash attribute: serialised into the session, which is in the database). */
    record ObjectionForm(Long runId, String uscc, String field, String claim) implements Serializable {
    }

    @GetMapping("/evaluation/notice")
    String notice(@RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, Model model) {
        String st = status == null || status.isBlank() ? null : status;
        model.addAttribute("onNotice", runs.onNotice());
        model.addAttribute("status", st);
        model.addAttribute("base", st == null ? "/evaluation/notice" : "/evaluation/notice?status=" + st);
        model.addAttribute("page", objections.list(null, st, TableQuery.of(page, size, sort, dir)));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ObjectionForm(null, "", "", ""));
        }
        return "evaluation/notice";
    }

    @GetMapping("/evaluation/notice/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) String status) {
        String st = status == null || status.isBlank() ? null : status;
        List<ObjectionRow> rows = objections.export(st);
        List<ExcelExport.Column<ObjectionRow>> columns = List.of(
                new ExcelExport.Column<>("编号", o -> o.id()),
                new ExcelExport.Column<>("评价批次", o -> o.runId()),
                new ExcelExport.Column<>("年度", o -> o.year()),
                new ExcelExport.Column<>("统一社会信用代码", ObjectionRow::uscc),
                new ExcelExport.Column<>("企业名称", ObjectionRow::name),
                new ExcelExport.Column<>("涉及数据项", ObjectionRow::field),
                new ExcelExport.Column<>("异议内容", ObjectionRow::claim),
                new ExcelExport.Column<>("登记人", ObjectionRow::filedBy),
                new ExcelExport.Column<>("登记时间", ObjectionRow::filedAt),
                new ExcelExport.Column<>("状态", ObjectionRow::statusLabel),
                new ExcelExport.Column<>("答复", ObjectionRow::response),
                new ExcelExport.Column<>("处理人", ObjectionRow::resolvedBy),
                new ExcelExport.Column<>("处理时间", ObjectionRow::resolvedAt));
        return ExcelExport.response("异议登记", "异议", columns, rows);
    }

    @PostMapping("/evaluation/notice/objections")
    String file(ObjectionForm form, @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            if (form.runId() == null) {
                throw new EvaluationException("请选择公示中的评价批次。");
            }
            long id = objections.file(user, form.runId(), form.uscc(), form.field(), form.claim());
            redirect.addFlashAttribute("notice", "已登记异议（编号 " + id + "）。处理完毕前该批次不能发布。");
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/evaluation/notice";
    }

    @PostMapping("/evaluation/notice/objections/{id}/accept")
    String accept(@PathVariable long id, @RequestParam(required = false) String response,
                  @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            objections.accept(id, response, user.username());
            ObjectionRow o = objections.objection(id);
            redirect.addFlashAttribute("notice", "异议已受理。请在“数据采集”中更正 " + o.uscc()
                    + " 的 " + o.year() + " 年度数据，然后点击“重新计算”生成新的评价批次并重新公示（原公示批次将被替代）。");
            redirect.addFlashAttribute("rerunRun", o.runId());
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/evaluation/notice";
    }

    @PostMapping("/evaluation/notice/objections/{id}/reject")
    String reject(@PathVariable long id, @RequestParam(required = false) String reason,
                  @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            objections.reject(id, reason, user.username());
            redirect.addFlashAttribute("notice", "异议 " + id + " 已不予采纳，理由已记录。");
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/evaluation/notice";
    }

    /** 重新计算: a new run of the noticed run's year and model, to go on notice in its place. */
    @PostMapping("/evaluation/notice/rerun")
    String rerun(@RequestParam long runId, @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        try {
            RunSummary old = runs.summary(runId);
            long id = runs.start(old.year(), old.modelId(), user.username());
            redirect.addFlashAttribute("notice", "已按更正后的数据重新计算 " + old.year() + " 年度（新批次 " + id
                    + "）。完成后请将新批次公示，原批次 " + runId + " 将被替代。");
            return "redirect:/evaluation/runs/" + id;
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:/evaluation/notice";
        }
    }
}
