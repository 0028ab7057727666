package cn.gov.panyu.points.platform.quality;

import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.engine.quality.Rule;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 数据质量: the ranked queue, its export, detection and decisions. */
@Controller
class QualityController {

    static final String PATH = "/collection/quality";

    private final QualityReviews reviews;

    QualityController(QualityReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping(PATH)
    String list(@RequestParam(required = false) Integer year, @RequestParam(required = false) String rule,
                @RequestParam(required = false) String town, @RequestParam(required = false) String industry,
                @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        QueueParams p = new QueueParams(year, rule, town, industry, status);
        model.addAttribute("page", reviews.flags(p.filter(), TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", p.url());
        model.addAttribute("params", p);
        model.addAttribute("rules", Rule.values());
        model.addAttribute("statuses", FlagStatus.values());
        model.addAttribute("towns", reviews.towns());
        model.addAttribute("industries", reviews.industries());
        List<Integer> years = reviews.years();
        model.addAttribute("years", years);
        Integer checkYear = year != null ? year : years.isEmpty() ? null : years.get(0);
        model.addAttribute("checkYear", checkYear);
        model.addAttribute("lastCheck", checkYear == null ? null : reviews.lastCheck(checkYear));
        return "quality/list";
    }

    @GetMapping(PATH + "/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) String rule,
                                                 @RequestParam(required = false) String town,
                                                 @RequestParam(required = false) String industry,
                                                 @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        QueueParams p = new QueueParams(year, rule, town, industry, status);
        List<QualityFlag> rows = reviews.allFlags(p.filter(), TableQuery.of(1, 20, sort, dir));
        List<Column<QualityFlag>> columns = List.of(new Column<>("编号", f -> f.id()),
                new Column<>("严重程度", f -> f.severityPoints()), new Column<>("年度", f -> f.year()),
                new Column<>("统一社会信用代码", QualityFlag::uscc), new Column<>("企业名称", QualityFlag::name),
                new Column<>("所属镇街", QualityFlag::town), new Column<>("行业", QualityFlag::industryLabel),
                new Column<>("指标", QualityFlag::fieldLabel), new Column<>("数值", QualityFlag::value),
                new Column<>("规则", f -> f.rule().label()), new Column<>("原因", QualityFlag::reason),
                new Column<>("依据", QualityFlag::factsText), new Column<>("状态", f -> f.status().label()),
                new Column<>("核查人", QualityFlag::decidedBy), new Column<>("核查时间", QualityFlag::decidedAt),
                new Column<>("备注", QualityFlag::note));
        return ExcelExport.response("数据质量", "数据质量", columns, rows);
    }

    @PostMapping(PATH + "/detect")
    String detect(@RequestParam int year, @AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        QualityReviews.Detection d = reviews.detect(year, user.getUsername());
        redirect.addFlashAttribute("notice", "已检测 " + d.year() + " 年 " + d.enterprises() + " 家企业的数据：" + d.raised()
                + " 条待核查" + (d.suppressed() == 0 ? "" : "，" + d.suppressed() + " 条此前已核查且数值未变，不再提示"));
        return "redirect:" + new QueueParams(year, null, null, null, null).url();
    }

    @PostMapping(PATH + "/{id}/decision")
    String decide(@PathVariable long id, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, @RequestParam(required = false) Integer year,
                  @RequestParam(required = false) String rule, @RequestParam(required = false) String town,
                  @RequestParam(required = false) String industry, @RequestParam(required = false) String status,
                  @AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        QualityFlag f = reviews.decide(id, FlagStatus.parse(decision), note, user.getUsername());
        redirect.addFlashAttribute("notice", f.name() + " " + f.fieldLabel() + "：已标记为"
                + FlagStatus.parse(decision).label());
        return "redirect:" + new QueueParams(year, rule, town, industry, status).url();
    }

    @ExceptionHandler(QualityRefusedException.class)
    String refused(QualityRefusedException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        return "redirect:" + PATH;
    }
}
