package cn.gov.panyu.points.platform.disclosure;

import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** The anonymous pages under /public: tier lists and methodology. */
@Controller
class PublicController {

    static final List<Column<PublicListing>> EXPORT_COLUMNS = List.of(
            new Column<>("榜单", r -> r.tier().label()),
            new Column<>("阶段内名次", PublicListing::rank),
            new Column<>("企业名称", PublicListing::name),
            new Column<>("所属镇街", PublicListing::town),
            new Column<>("行业", r -> IndustryCode.display(r.industry())));

    private final PublicLists lists;

    PublicController(PublicLists lists) {
        this.lists = lists;
    }

    @GetMapping("/public/rankings")
    String rankings(@RequestParam(required = false) Integer year, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String tier, @RequestParam(required = false) Integer page,
                    @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir, Model model, HttpServletResponse response) {
        List<Integer> years = lists.publishedYears();
        model.addAttribute("years", years);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("tiers", Tier.values());
        if (year != null && !years.contains(year)) {
            // the page says so and links the published years; 404, as there is no list at this address
            response.setStatus(HttpStatus.NOT_FOUND.value());
            model.addAttribute("unpublishedYear", year);
            return "disclosure/rankings";
        }
        if (years.isEmpty()) {
            return "disclosure/rankings";
        }
        int y = year != null ? year : years.get(0);
        Stage s = Stage.parse(stage) == null ? Stage.STARTUP : Stage.parse(stage);
        Tier t = tier(tier);
        model.addAttribute("year", y);
        model.addAttribute("stage", s);
        model.addAttribute("tier", t);
        model.addAttribute("counts", lists.tierCounts(y, s));
        model.addAttribute("base", "/public/rankings?year=" + y + "&stage=" + s.name() + (t == null ? "" : "&tier=" + t.name()));
        model.addAttribute("page", lists.tierList(y, s, t, TableQuery.of(page, size, sort, dir)));
        return "disclosure/rankings";
    }

    @GetMapping("/public/rankings/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(required = false) Integer year,
                                                 @RequestParam(required = false) String stage,
                                                 @RequestParam(required = false) String tier,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        List<Integer> years = lists.publishedYears();
        if (year != null && !years.contains(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND); // no list, rather than another year's under its name
        }
        int y = year != null ? year : years.isEmpty() ? 0 : years.get(0);
        Stage s = Stage.parse(stage) == null ? Stage.STARTUP : Stage.parse(stage);
        List<PublicListing> rows = years.isEmpty() ? List.of() : lists.all(y, s, tier(tier), TableQuery.of(1, 20, sort, dir));
        return ExcelExport.response(y + "年度创新积分榜单-" + s.label(), "榜单", EXPORT_COLUMNS, rows);
    }

    @GetMapping("/public/methodology")
    String methodology(Model model) {
        model.addAttribute("methodology", lists.methodology());
        model.addAttribute("stages", Stage.values());
        return "disclosure/methodology";
    }

    private static Tier tier(String code) {
        for (Tier t : Tier.values()) {
            if (t.name().equals(code)) {
                return t;
            }
        }
        return null;
    }
}
