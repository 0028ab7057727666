package cn.gov.panyu.points.platform.performance;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;

/**
 * 预算绩效 pages for staff: the declarations with the import, a declaration as the form shows it, an
 * indicator's edit page (targets, weight, data source, actuals entered by hand, score by hand), the
 * monitoring and the self-evaluation, and their Excel exports. Thin: reading forms into values and
 * checking them is {@link PerformanceInput}'s, the rest the services'.
 */
@Controller
class PerformanceController {

    static final String BASE = "/performance";

    private final PerformanceDeclarations declarations;
    private final PerformanceMonitoring monitoring;
    private final PerformanceSelfEvaluations evaluations;
    private final PerformancePdfs pdfs;

    PerformanceController(PerformanceDeclarations declarations, PerformanceMonitoring monitoring,
                          PerformanceSelfEvaluations evaluations, PerformancePdfs pdfs) {
        this.declarations = declarations;
        this.monitoring = monitoring;
        this.evaluations = evaluations;
        this.pdfs = pdfs;
    }

    @GetMapping(BASE)
    String list(Model model) {
        model.addAttribute("declarations", declarations.list());
        model.addAttribute("years", importYears());
        model.addAttribute("year", LocalDate.now().getYear());
        return "performance/list";
    }

    @PostMapping(BASE + "/import")
    String importForm(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer year,
                      @RequestParam(required = false) MultipartFile file, Model model, RedirectAttributes redirect)
            throws IOException {
        if (year == null || !importYears().contains(year)) {
            return importFailed(model, year, "请选择预算年度");
        }
        if (file == null || file.isEmpty()) {
            return importFailed(model, year, "请选择要导入的申报表文件（预算系统导出的文本文件或 .xlsx）");
        }
        String name = file.getOriginalFilename() == null || file.getOriginalFilename().isBlank() ? "申报表" : file.getOriginalFilename();
        PerformanceDeclarations.Imported imported;
        try {
            imported = declarations.importForm(user, year, name, file.getBytes());
        } catch (PerformanceFormException e) {
            return importFailed(model, year, "未导入：" + e.getMessage() + "。申报表未作任何改动。");
        }
        redirect.addFlashAttribute("notice", imported.department() + imported.year() + "年度预算绩效目标申报表已"
                + (imported.replaced() ? "重新导入（替换原申报及其监控记录）" : "导入")
                + (imported.unplaced() > 0 ? "；有 " + imported.unplaced() + " 行未能归类，见页末「未归类的行」，请核对。" : "，全部内容已归类。"));
        return "redirect:" + BASE + "/" + imported.id();
    }

    private String importFailed(Model model, Integer year, String failure) {
        model.addAttribute("declarations", declarations.list());
        model.addAttribute("years", importYears());
        model.addAttribute("year", year == null ? LocalDate.now().getYear() : year);
        model.addAttribute("failure", failure);
        return "performance/list";
    }

    @GetMapping(BASE + "/{id}")
    String declaration(@PathVariable long id, Model model) {
        Declaration d = declarations.get(id);
        model.addAttribute("d", d);
        model.addAttribute("tab", "declaration");
        model.addAttribute("pdfProblem", pdfs.problem());
        return "performance/declaration";
    }

    @GetMapping(BASE + "/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Declaration d = declarations.get(id);
        return editPage(d, PerformanceInput.fields(d), Map.of(), model);
    }

    @PostMapping(BASE + "/{id}/edit")
    String saveForm(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                    @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Declaration d = declarations.get(id); // 404 before the form is read
        PerformanceInput.Checked<PerformanceDeclarations.FormEdit> edit = PerformanceInput.form(params);
        if (!edit.ok()) {
            return editPage(d, PerformanceInput.fields(params), edit.problems(), model);
        }
        declarations.updateForm(id, edit.value(), user);
        redirect.addFlashAttribute("notice", "预算整体情况、总体绩效目标和年度重点工作任务已保存。");
        return "redirect:" + BASE + "/" + id;
    }

    private String editPage(Declaration d, PerformanceInput.FormFields fields, Map<String, String> problems, Model model) {
        model.addAttribute("d", d);
        model.addAttribute("tab", "declaration");
        model.addAttribute("f", fields);
        model.addAttribute("budgetFields", PerformanceInput.BUDGET_FIELDS);
        model.addAttribute("problems", problems);
        return "performance/edit";
    }

    @GetMapping(BASE + "/{id}/pdf")
    ResponseEntity<byte[]> declarationPdf(@PathVariable long id) throws IOException {
        Declaration d = declarations.get(id);
        requirePdf();
        return PerformancePdfs.response(d.year() + "年度部门整体预算绩效目标申报表", pdfs.declaration(d));
    }

    /** Without a CJK font the pages offer no PDF and say why; a link followed anyway gets that reason. */
    private void requirePdf() {
        String problem = pdfs.problem();
        if (problem != null) {
            throw new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE, problem);
        }
    }

    @GetMapping(BASE + "/{id}/export")
    ResponseEntity<StreamingResponseBody> exportDeclaration(@PathVariable long id) {
        Declaration d = declarations.get(id);
        return PerformanceWorkbooks.response(d.year() + "年度部门整体预算绩效目标申报表", out -> PerformanceWorkbooks.declaration(out, d));
    }

    @GetMapping(BASE + "/indicators/{id}")
    String indicator(@PathVariable long id, Model model) {
        return indicatorPage(declarations.declarationOf(id), id, null, null, model);
    }

    @PostMapping(BASE + "/indicators/{id}")
    String updateIndicator(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                           @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        long declaration = declarations.declarationOf(id);
        PerformanceInput.Checked<PerformanceDeclarations.IndicatorEdit> edit = PerformanceInput.indicator(params);
        if (!edit.ok()) {
            return indicatorPage(declaration, id, edit.problems(), params, model);
        }
        declarations.updateIndicator(declaration, id, edit.value(), user);
        redirect.addFlashAttribute("notice", "指标「" + edit.value().name() + "」已保存。");
        return "redirect:" + BASE + "/" + declaration;
    }

    @PostMapping(BASE + "/indicators/{id}/actuals")
    String enterActual(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                       @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        long declaration = declarations.declarationOf(id);
        PerformanceInput.Checked<PerformanceMonitoring.Entry> entry = PerformanceInput.actual(params);
        if (!entry.ok()) {
            return indicatorPage(declaration, id, entry.problems(), params, model);
        }
        monitoring.enter(declaration, id, entry.value(), user);
        redirect.addFlashAttribute("notice", "实际完成情况已填报。");
        return "redirect:" + BASE + "/" + declaration + "/monitoring";
    }

    @PostMapping(BASE + "/indicators/{id}/score")
    String scoreByHand(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                       @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        long declaration = declarations.declarationOf(id);
        Declaration.Item item = declarations.get(declaration).scored().stream().filter(i -> i.id() == id).findFirst().orElseThrow();
        PerformanceInput.Checked<PerformanceInput.Score> score = PerformanceInput.score(params, item.weight());
        if (!score.ok()) {
            return indicatorPage(declaration, id, score.problems(), params, model);
        }
        evaluations.scoreByHand(declaration, id, score.value().score(), score.value().reason(), user);
        redirect.addFlashAttribute("notice", score.value().score() == null ? "已恢复按完成率计分。" : "人工评分已保存。");
        return "redirect:" + BASE + "/" + declaration + "/evaluation";
    }

    private String indicatorPage(long declaration, long id, Map<String, String> problems, Map<String, String> sent, Model model) {
        LocalDate today = LocalDate.now();
        PerformanceSelfEvaluations.Report report = evaluations.report(declaration, today);
        PerformanceSelfEvaluations.Line line = report.lines().stream().filter(l -> l.row().item().id() == id).findFirst()
                .orElseThrow();
        Declaration.Item item = line.row().item();
        model.addAttribute("d", report.declaration());
        model.addAttribute("line", line);
        model.addAttribute("item", item);
        model.addAttribute("measures", PerformanceDeclarations.measureChoices(item.target()));
        model.addAttribute("allMeasures", Measure.values());
        model.addAttribute("entries", monitoring.entries(declaration, id));
        model.addAttribute("problems", problems == null ? Map.of() : problems);
        Map<String, String> values = new LinkedHashMap<>();
        values.put("name", item.name());
        values.put("periodTarget", item.periodTarget());
        values.put("yearTarget", item.yearTarget());
        values.put("weight", item.weight() == null ? "" : item.weight().stripTrailingZeros().toPlainString());
        values.put("measure", item.measure() == null ? "" : item.measure().name());
        values.put("handScore", line.hand() == null ? "" : line.hand().score().stripTrailingZeros().toPlainString());
        values.put("reason", line.hand() == null ? "" : line.hand().reason());
        model.addAttribute("v", withSent(values, sent));
        return "performance/indicator";
    }

    /** The stored values, overridden by what was sent (but the framework's own fields, _csrf …) when answered with problems. */
    private static Map<String, String> withSent(Map<String, String> values, Map<String, String> sent) {
        if (sent != null) {
            sent.forEach((k, v) -> {
                if (!k.startsWith("_")) {
                    values.put(k, v);
                }
            });
        }
        return values;
    }

    @GetMapping(BASE + "/{id}/monitoring")
    String monitoringPage(@PathVariable long id, Model model) {
        model.addAttribute("m", monitoring.report(id, LocalDate.now()));
        model.addAttribute("d", declarations.get(id));
        model.addAttribute("tab", "monitoring");
        return "performance/monitoring";
    }

    @PostMapping(BASE + "/{id}/snapshot")
    String snapshot(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, RedirectAttributes redirect) {
        int n = monitoring.snapshot(id, LocalDate.now(), user);
        redirect.addFlashAttribute("notice", "已记录本月监控快照（" + n + " 项指标）；同月再次记录将替换本月快照。");
        return "redirect:" + BASE + "/" + id + "/monitoring";
    }

    @GetMapping(BASE + "/{id}/monitoring/export")
    ResponseEntity<StreamingResponseBody> exportMonitoring(@PathVariable long id) {
        Monitoring.Report m = monitoring.report(id, LocalDate.now());
        return PerformanceWorkbooks.response(m.declaration().year() + "年度预算绩效监控表", out -> PerformanceWorkbooks.monitoring(out, m));
    }

    @GetMapping(BASE + "/{id}/evaluation")
    String evaluation(@PathVariable long id, Model model) {
        return evaluationPage(id, null, null, model);
    }

    @PostMapping(BASE + "/{id}/evaluation")
    String saveEvaluation(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                          @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        declarations.get(id); // 404 before the form is read
        PerformanceInput.Checked<PerformanceInput.Narrative> n = PerformanceInput.narrative(params);
        if (!n.ok()) {
            return evaluationPage(id, n.problems(), params, model);
        }
        evaluations.save(id, n.value().executed(), n.value().achievements(), n.value().problems(), n.value().improvements(), user);
        redirect.addFlashAttribute("notice", "自评已保存。");
        return "redirect:" + BASE + "/" + id + "/evaluation";
    }

    private String evaluationPage(long id, Map<String, String> problems, Map<String, String> sent, Model model) {
        PerformanceSelfEvaluations.Report report = evaluations.report(id, LocalDate.now());
        model.addAttribute("e", report);
        model.addAttribute("d", report.declaration());
        model.addAttribute("tab", "evaluation");
        model.addAttribute("pdfProblem", pdfs.problem());
        model.addAttribute("problems", problems == null ? Map.of() : problems);
        Map<String, String> values = new LinkedHashMap<>();
        PerformanceSelfEvaluations.Narrative n = report.narrative();
        values.put("executed", n.executedFunds() == null ? "" : n.executedFunds().toPlainString());
        values.put("achievements", n.achievements());
        values.put("problemsText", n.problems());
        values.put("improvements", n.improvements());
        model.addAttribute("v", withSent(values, sent));
        return "performance/evaluation";
    }

    @GetMapping(BASE + "/{id}/evaluation/export")
    ResponseEntity<StreamingResponseBody> exportEvaluation(@PathVariable long id) {
        PerformanceSelfEvaluations.Report e = evaluations.report(id, LocalDate.now());
        return PerformanceWorkbooks.response(e.declaration().year() + "年度部门整体支出绩效自评报告", out -> PerformanceWorkbooks.evaluation(out, e));
    }

    @GetMapping(BASE + "/{id}/evaluation/pdf")
    ResponseEntity<byte[]> evaluationPdf(@PathVariable long id) throws IOException {
        LocalDate today = LocalDate.now();
        PerformanceSelfEvaluations.Report e = evaluations.report(id, today);
        requirePdf();
        return PerformancePdfs.response(e.declaration().year() + "年度部门整体支出绩效自评报告", pdfs.evaluation(e, today));
    }

    /** The budget years a form may be imported for: next year (declared the year before) back to four years ago. */
    static List<Integer> importYears() {
        int now = LocalDate.now().getYear();
        List<Integer> years = new ArrayList<>();
        for (int y = now + 1; y >= now - 4; y--) {
            years.add(y);
        }
        return years;
    }
}
