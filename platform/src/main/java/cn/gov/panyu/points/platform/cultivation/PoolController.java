package cn.gov.panyu.points.platform.cultivation;

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
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 培育库: the pools of a year with their rules and movements, building a version, and reviewing its members. */
@Controller
class PoolController {

    private static final String BASE = "/cultivation/pools";
    private static final List<Column<PoolMember>> EXPORT_COLUMNS = List.of(
            new Column<>("统一社会信用代码", PoolMember::uscc), new Column<>("企业名称", PoolMember::name),
            new Column<>("镇街", PoolMember::town), new Column<>("入库理由", PoolMember::reason),
            new Column<>("状态", m -> m.status().label()), new Column<>("说明", PoolMember::note),
            new Column<>("处理人", PoolMember::decidedBy), new Column<>("处理时间", PoolMember::decidedAt));

    private final Pools pools;
    private final PreAssessments assessments;
    private final AuditLog audit;

    PoolController(Pools pools, PreAssessments assessments, AuditLog audit) {
        this.pools = pools;
        this.assessments = assessments;
        this.audit = audit;
    }

    /** What the pools page shows of one pool. */
    record PoolCard(Pool pool, PoolRule rule, PoolVersion latest, Pools.Movement movement) {
    }

    @GetMapping(BASE)
    String pools(@RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = assessments.years();
        model.addAttribute("years", years);
        if (!years.isEmpty()) {
            int y = PreAssessments.chosen(years, year);
            model.addAttribute("year", y);
            model.addAttribute("cards", List.of(Pool.values()).stream().map(p -> new PoolCard(p, pools.rule(p),
                    pools.latest(p, y).orElse(null), pools.movement(p, y))).toList());
        }
        return "cultivation/pools";
    }

    @PostMapping(BASE + "/{pool}/rule")
    String setRule(@PathVariable String pool, @RequestParam Map<String, String> form,
                   @RequestParam(required = false) Integer year, @AuthenticationPrincipal PlatformUser user,
                   RedirectAttributes redirect) {
        Pool p = pool(pool);
        Map<String, String> typed = new LinkedHashMap<>();
        p.parameters().forEach(param -> typed.put(param.key(), form.get(param.key())));
        try {
            PoolRule rule = pools.setRule(p, typed, user.username());
            redirect.addFlashAttribute("notice", "已更新「" + p.label() + "」规则：" + rule.text() + "。重新生成后生效。");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:" + BASE + (year == null ? "" : "?year=" + year);
    }

    @PostMapping(BASE + "/{pool}/build")
    String build(@PathVariable String pool, @RequestParam(required = false) Integer year,
                 @AuthenticationPrincipal PlatformUser user, RedirectAttributes redirect) {
        Pool p = pool(pool);
        if (year == null || !assessments.years().contains(year)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "该年度没有数据");
        }
        long id = pools.build(p, year, user.username());
        PoolVersion v = pools.version(id);
        redirect.addFlashAttribute("notice", "「" + p.label() + "」" + year + " 年第 " + v.version() + " 版：" + v.members() + " 家。");
        return "redirect:" + BASE + "/versions/" + id;
    }

    @GetMapping(BASE + "/versions/{id}")
    String version(@PathVariable long id, @RequestParam(required = false) String status,
                   @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                   @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        PoolVersion v = pools.version(id);
        PoolMember.Status s = status(status);
        model.addAttribute("v", v);
        model.addAttribute("status", s);
        model.addAttribute("statuses", PoolMember.Status.values());
        model.addAttribute("latest", pools.latest(v.pool(), v.year()).map(PoolVersion::id).orElse(-1L) == id);
        model.addAttribute("versions", pools.versions(v.pool(), v.year()));
        model.addAttribute("page", pools.members(id, s, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", BASE + "/versions/" + id + (s == null ? "" : "?status=" + s.name()));
        return "cultivation/pool";
    }

    @GetMapping(BASE + "/versions/{id}/export")
    ResponseEntity<StreamingResponseBody> export(@PathVariable long id, @RequestParam(required = false) String status,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        PoolVersion v = pools.version(id);
        List<PoolMember> rows = pools.allMembers(id, status(status), TableQuery.of(1, 20, sort, dir));
        audit.record(AuditAction.EXPORT_DATA, null, v.pool().label() + " " + v.year() + " 年第 " + v.version() + " 版，"
                + rows.size() + " 家");
        return ExcelExport.response(v.pool().label() + "-" + v.year() + "-第" + v.version() + "版", v.pool().label(),
                EXPORT_COLUMNS, rows);
    }

    @PostMapping(BASE + "/versions/{id}/members/{uscc}")
    String decide(@PathVariable long id, @PathVariable String uscc, @RequestParam(required = false) String decision,
                  @RequestParam(required = false) String note, @AuthenticationPrincipal PlatformUser user,
                  RedirectAttributes redirect) {
        PoolMember.Status d = "CONFIRMED".equals(decision) ? PoolMember.Status.CONFIRMED
                : "REMOVED".equals(decision) ? PoolMember.Status.REMOVED : PoolMember.Status.PROPOSED;
        try {
            pools.decide(id, uscc, d, note, user.username());
            redirect.addFlashAttribute("notice", "已" + (d == PoolMember.Status.CONFIRMED ? "确认入库" : "移除出库") + "：" + uscc);
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:" + BASE + "/versions/" + id;
    }

    private static Pool pool(String segment) {
        Pool p = Pool.fromPath(segment);
        if (p == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "没有这个培育库");
        }
        return p;
    }

    private static PoolMember.Status status(String code) {
        for (PoolMember.Status s : PoolMember.Status.values()) {
            if (s.name().equals(code)) {
                return s;
            }
        }
        return null;
    }
}
