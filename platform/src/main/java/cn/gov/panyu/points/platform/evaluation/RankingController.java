package cn.gov.panyu.points.platform.evaluation;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 积分榜单: the published 领跑/竞跑/进取 lists of a year, per stage. */
@Controller
class RankingController {

    private final RunResults results;
    private final EvaluationRuns runs;
    private final PublishedResults published;

    RankingController(RunResults results, EvaluationRuns runs, PublishedResults published) {
        this.results = results;
        this.runs = runs;
        this.published = published;
    }

    @GetMapping("/rankings")
    String rankings(@RequestParam(required = false) Integer year, @RequestParam(required = false) String stage,
                    @RequestParam(required = false) String tier, @RequestParam(required = false) Integer page,
                    @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                    @RequestParam(required = false) String dir, Model model) {
        List<Integer> years = results.publishedYears();
        model.addAttribute("years", years);
        model.addAttribute("stages", Stage.values());
        model.addAttribute("tiers", Tier.values());
        if (years.isEmpty()) {
            return "evaluation/rankings";
        }
        int y = year != null && years.contains(year) ? year : years.get(0);
        Stage s = Stage.parse(stage) == null ? Stage.STARTUP : Stage.parse(stage);
        Tier t = parseTier(tier);
        Optional<PublishedRun> run = published.run(y);
        model.addAttribute("year", y);
        model.addAttribute("stage", s);
        model.addAttribute("tier", t);
        model.addAttribute("run", run.map(r -> runs.summary(r.runId())).orElse(null));
        model.addAttribute("counts", results.tierCounts(y));
        model.addAttribute("base", "/rankings?year=" + y + "&stage=" + s.name() + (t == null ? "" : "&tier=" + t.name()));
        model.addAttribute("page", results.tierList(y, s, t, TableQuery.of(page, size, sort, dir)));
        return "evaluation/rankings";
    }

    @GetMapping("/rankings/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam int year, @RequestParam(required = false) String stage,
                                                 @RequestParam(required = false) String tier) {
        Stage s = Stage.parse(stage);
        List<ResultRow> rows = new ArrayList<>();
        results.eachOfTierList(year, s, parseTier(tier), rows::add);
        return ExcelExport.response(year + "年度积分榜单" + (s == null ? "" : "-" + s.label()), "榜单", ResultColumns.ALL, rows);
    }

    private static Tier parseTier(String tier) {
        for (Tier t : Tier.values()) {
            if (t.name().equals(tier)) {
                return t;
            }
        }
        return null;
    }
}
