package cn.gov.panyu.points.platform.collection;

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

import cn.gov.panyu.points.platform.collection.CollectionReviews.Anomaly;
import cn.gov.panyu.points.platform.collection.CollectionReviews.Conflict;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 数据冲突 and 异常提示: the merge's findings for staff. */
@Controller
class ConflictController {

    private final CollectionReviews reviews;

    ConflictController(CollectionReviews reviews) {
        this.reviews = reviews;
    }

    @GetMapping("/collection/conflicts")
    String conflicts(@RequestParam(required = false) String status, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        String s = status == null ? "OPEN" : status;
        model.addAttribute("page", reviews.conflicts(s, year, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", "/collection/conflicts?status=" + s + (year == null ? "" : "&year=" + year));
        model.addAttribute("status", s);
        model.addAttribute("year", year);
        return "collection/conflicts";
    }

    @GetMapping("/collection/conflicts/export")
    ResponseEntity<StreamingResponseBody> exportConflicts(@RequestParam(required = false) String status,
                                                          @RequestParam(required = false) Integer year,
                                                          @RequestParam(required = false) String sort,
                                                          @RequestParam(required = false) String dir) {
        List<Conflict> rows = reviews.allConflicts(status == null ? "OPEN" : status, year, TableQuery.of(1, 20, sort, dir));
        List<Column<Conflict>> columns = List.of(new Column<>("编号", c -> c.id()),
                new Column<>("统一社会信用代码", Conflict::uscc), new Column<>("企业名称", Conflict::name),
                new Column<>("年度", c -> c.year()), new Column<>("字段", Conflict::fieldLabel),
                new Column<>("部门", c -> c.department().label()), new Column<>("部门数据", Conflict::departmentValue),
                new Column<>("企业填报", Conflict::declaredValue), new Column<>("状态", Conflict::statusLabel),
                new Column<>("处理人", Conflict::resolvedBy), new Column<>("处理时间", Conflict::resolvedAt),
                new Column<>("说明", Conflict::note));
        return ExcelExport.response("数据冲突", "数据冲突", columns, rows);
    }

    @PostMapping("/collection/conflicts/{id}/resolve")
    String resolve(@PathVariable long id, @RequestParam String decision, @RequestParam(required = false) String note,
                   @AuthenticationPrincipal UserDetails user, RedirectAttributes redirect) {
        reviews.resolve(id, "declared".equals(decision), note, user.getUsername());
        redirect.addFlashAttribute("notice", "冲突 #" + id + " 已处理："
                + ("declared".equals(decision) ? "采用企业填报数据" : "采用部门数据"));
        return "redirect:/collection/conflicts";
    }

    @GetMapping("/collection/anomalies")
    String anomalies(@RequestParam(required = false) String kind, @RequestParam(required = false) Integer year,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", reviews.anomalies(kind, year, TableQuery.of(page, size, sort, dir)));
        StringBuilder base = new StringBuilder("/collection/anomalies?kind=" + (kind == null ? "" : kind));
        if (year != null) {
            base.append("&year=").append(year);
        }
        model.addAttribute("base", base.toString());
        model.addAttribute("kinds", CollectionReviews.kinds());
        model.addAttribute("kind", kind);
        model.addAttribute("year", year);
        return "collection/anomalies";
    }

    @GetMapping("/collection/anomalies/export")
    ResponseEntity<StreamingResponseBody> exportAnomalies(@RequestParam(required = false) String kind,
                                                          @RequestParam(required = false) Integer year,
                                                          @RequestParam(required = false) String sort,
                                                          @RequestParam(required = false) String dir) {
        List<Anomaly> rows = reviews.allAnomalies(kind, year, TableQuery.of(1, 20, sort, dir));
        List<Column<Anomaly>> columns = List.of(new Column<>("编号", a -> a.id()),
                new Column<>("统一社会信用代码", Anomaly::uscc), new Column<>("企业名称", Anomaly::name),
                new Column<>("年度", a -> a.year()), new Column<>("类型", Anomaly::kindLabel),
                new Column<>("说明", Anomaly::message), new Column<>("发现时间", Anomaly::createdAt));
        return ExcelExport.response("异常提示", "异常提示", columns, rows);
    }

    @ExceptionHandler(ImportRefusedException.class)
    String refused(ImportRefusedException e, RedirectAttributes redirect) {
        redirect.addFlashAttribute("error", e.getMessage());
        return "redirect:/collection/conflicts";
    }
}
