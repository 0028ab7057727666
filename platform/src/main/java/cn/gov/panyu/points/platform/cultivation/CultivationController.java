package cn.gov.panyu.points.platform.cultivation;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.enterprise.EnterpriseDirectory;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 培育评估: every enterprise's 科小/高企 pre-assessment of a year, and one enterprise's with every condition explained. */
@Controller
class CultivationController {

    private static final List<Column<Assessed>> EXPORT_COLUMNS = List.of(
            new Column<>("统一社会信用代码", Assessed::uscc), new Column<>("企业名称", a -> a.record().name()),
            new Column<>("镇街", a -> a.record().town()),
            new Column<>("科小评价", a -> Outcomes.label(a.tsme())), new Column<>("科小评价总分", Assessed::tsmeTotal),
            new Column<>("高企预评", a -> Outcomes.label(a.hte())),
            new Column<>("创新能力评价下限", a -> a.capability() == null ? null : a.capability().min()),
            new Column<>("创新能力评价上限", a -> a.capability() == null ? null : a.capability().max()),
            new Column<>("高企不符合条件", a -> String.join("、", a.hteFailed().stream().map(Assessed.Shortfall::name).toList())));

    private final PreAssessments assessments;
    private final EnterpriseDirectory directory;
    private final AuditLog audit;

    CultivationController(PreAssessments assessments, EnterpriseDirectory directory, AuditLog audit) {
        this.assessments = assessments;
        this.directory = directory;
        this.audit = audit;
    }

    @GetMapping("/cultivation")
    String overview(@RequestParam(required = false) Integer year, @RequestParam(required = false) String tsme,
                    @RequestParam(required = false) String hte, @RequestParam(required = false) String town,
                    @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                    @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir, Model model) {
        List<Integer> years = assessments.years();
        model.addAttribute("years", years);
        if (years.isEmpty()) {
            return "cultivation/overview";
        }
        int y = PreAssessments.chosen(years, year);
        YearAssessment assessed = assessments.year(y);
        AssessmentFilter filter = AssessmentFilter.of(tsme, hte, town, q);
        model.addAttribute("year", y);
        model.addAttribute("assessed", assessed);
        model.addAttribute("filter", filter);
        model.addAttribute("towns", directory.options().towns());
        model.addAttribute("page", filter.page(assessed, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", "/cultivation?year=" + y + filter.params());
        return "cultivation/overview";
    }

    @GetMapping("/cultivation/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam int year, @RequestParam(required = false) String tsme,
                                                 @RequestParam(required = false) String hte,
                                                 @RequestParam(required = false) String town,
                                                 @RequestParam(required = false) String q,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        if (!assessments.years().contains(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该年度没有数据");
        }
        AssessmentFilter filter = AssessmentFilter.of(tsme, hte, town, q);
        List<Assessed> rows = filter.all(assessments.year(year), TableQuery.of(1, 20, sort, dir));
        audit.record(AuditAction.EXPORT_DATA, null, "培育评估 " + year + " 年，" + rows.size() + " 家");
        return ExcelExport.response("培育评估-" + year, "培育评估", EXPORT_COLUMNS, rows);
    }

    @GetMapping("/cultivation/enterprises/{uscc}")
    String enterprise(@PathVariable String uscc, @RequestParam(required = false) Integer year, Model model) {
        // the enterprise's own years: the district's newest may hold no record of it
        List<Integer> years = assessments.yearsOf(uscc);
        int y = PreAssessments.chosen(years, year);
        PreAssessments.Explained explained = assessments.explain(uscc, y)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "该企业在该年度没有数据"));
        audit.record(AuditAction.VIEW_ENTERPRISE, uscc, "培育评估 " + y + " 年");
        model.addAttribute("year", y);
        model.addAttribute("years", years);
        model.addAttribute("p", explained.assessment());
        // the name from the same record: reading it from the year's assessments would assess the whole district
        model.addAttribute("name", explained.name());
        return "cultivation/enterprise";
    }
}
