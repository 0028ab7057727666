package cn.gov.panyu.points.platform.contest;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/** Staff's 双创大赛 pages: contests, entries (import, matching, experts, awards) and the screening list. */
@Controller
class ContestController {

    static final String BASE = "/contests";

    private static final List<Column<ScreeningRow>> SCREENING_COLUMNS = List.of(
            new Column<>("排名", r -> r.rank() == 0 ? null : r.rank()),
            new Column<>("参赛组别", r -> r.entry().groupName()),
            new Column<>("项目名称", r -> r.entry().project()),
            new Column<>("团队名称", r -> r.entry().team()),
            new Column<>("企业", r -> r.entry().shownEnterprise()),
            new Column<>("统一社会信用代码", r -> r.entry().uscc()),
            new Column<>("已评专家数", ScreeningRow::experts),
            new Column<>("专家评分", ScreeningRow::expert),
            new Column<>("发展阶段", r -> r.stage() == null ? null : r.stage().label()),
            new Column<>("创新积分", ScreeningRow::points),
            new Column<>("阶段内归一化积分", ScreeningRow::normalised),
            new Column<>("综合得分", ScreeningRow::combined),
            new Column<>("获奖", r -> r.entry().award() == null ? null : r.entry().award().label()),
            new Column<>("说明", ScreeningRow::notesText));

    /** The template's header row: the columns the import reads, nothing else. */
    private static final List<Column<Object>> TEMPLATE_COLUMNS = java.util.Arrays.stream(EntryFile.Column.values())
            .map(c -> new Column<Object>(c.header(), x -> null)).toList();

    private final Contests contests;
    private final Screening screening;

    ContestController(Contests contests, Screening screening) {
        this.contests = contests;
        this.screening = screening;
    }

    @GetMapping(BASE)
    String list(@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", contests.page(TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", BASE);
        return "contest/list";
    }

    @GetMapping(BASE + "/new")
    String newForm(Model model) {
        ContestForm form = new ContestForm();
        form.setYear(String.valueOf(java.time.Year.now().getValue()));
        form.setCriteria("技术创新性 30\n商业模式与市场前景 25\n团队能力 20\n财务与融资 15\n社会效益 10");
        model.addAttribute("form", form);
        return "contest/form";
    }

    @PostMapping(BASE)
    String create(@AuthenticationPrincipal PlatformUser user, @ModelAttribute("form") ContestForm form,
                  BindingResult binding, RedirectAttributes redirect) {
        ContestForm.Checked checked = form.check();
        if (!checked.ok()) {
            checked.problems().forEach((field, message) -> binding.addError(
                    new FieldError("form", field, binding.getRawFieldValue(field), false, null, null, message)));
            return "contest/form";
        }
        long id = contests.create(checked, user);
        redirect.addFlashAttribute("notice", "双创大赛「" + checked.name() + "」已创建，请导入参赛项目。");
        return "redirect:" + BASE + "/" + id;
    }

    @GetMapping(BASE + "/template")
    ResponseEntity<StreamingResponseBody> template() {
        return ExcelExport.response("双创大赛参赛项目导入模板", "参赛项目", TEMPLATE_COLUMNS, List.of());
    }

    @GetMapping(BASE + "/{id}")
    String detail(@PathVariable long id, @RequestParam(required = false) Integer page,
                  @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                  @RequestParam(required = false) String dir, Model model) {
        Contest contest = contests.contest(id);
        TablePage<Entry> entries = contests.entries(id, TableQuery.of(page, size, sort, dir));
        model.addAttribute("contest", contest);
        model.addAttribute("page", entries);
        model.addAttribute("assignments", contests.assignments(entries.rows()));
        model.addAttribute("experts", contests.experts());
        model.addAttribute("awards", Award.values());
        model.addAttribute("base", BASE + "/" + id);
        return "contest/detail";
    }

    @PostMapping(BASE + "/{id}/entries")
    String importEntries(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                         @RequestParam(required = false) MultipartFile file, RedirectAttributes redirect) throws IOException {
        contests.contest(id);
        if (file == null || file.isEmpty()) {
            redirect.addFlashAttribute("failure", "请选择要导入的参赛项目文件（.xlsx）");
            return "redirect:" + BASE + "/" + id;
        }
        ImportReport report = contests.importEntries(id, file.getOriginalFilename(), file.getBytes(), user);
        redirect.addFlashAttribute("report", report);
        return "redirect:" + BASE + "/" + id;
    }

    @PostMapping(BASE + "/{id}/weight")
    String weight(@PathVariable long id, @RequestParam(required = false) String expertWeight, RedirectAttributes redirect) {
        contests.contest(id);
        BigDecimal weight = ContestForm.weight(expertWeight);
        if (weight == null) {
            redirect.addFlashAttribute("failure", "专家评分权重：0 至 100 之间的数，最多两位小数");
        } else {
            contests.setWeight(id, weight);
            redirect.addFlashAttribute("notice", "专家评分权重已改为 " + weight.stripTrailingZeros().toPlainString() + "%");
        }
        return "redirect:" + BASE + "/" + id + "/screening";
    }

    @PostMapping(BASE + "/{id}/entries/{entryId}/match")
    String match(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String decision,
                 RedirectAttributes redirect) {
        return act(id, redirect, () -> contests.decideMatch(id, entryId, "confirm".equals(decision)), "匹配已更新");
    }

    @PostMapping(BASE + "/{id}/entries/{entryId}/assign")
    String assign(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String expert,
                  RedirectAttributes redirect) {
        return act(id, redirect, () -> contests.assign(id, entryId, expert), "评审专家已分配");
    }

    @PostMapping(BASE + "/{id}/entries/{entryId}/award")
    String award(@PathVariable long id, @PathVariable long entryId, @RequestParam(required = false) String award,
                 RedirectAttributes redirect) {
        Award chosen = Award.of(award);
        return act(id, redirect, () -> contests.award(id, entryId, chosen),
                chosen == null ? "获奖已撤销" : "已记录" + chosen.label() + "，计入企业近三年双创大赛获奖");
    }

    @GetMapping(BASE + "/{id}/screening")
    String screening(@PathVariable long id, @RequestParam(required = false) Long group,
                     @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                     @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        Long shown = group(id, group);
        Screening.ScreeningList list = screening.page(id, shown, TableQuery.of(page, size, sort, dir));
        model.addAttribute("list", list);
        model.addAttribute("contest", list.contest());
        model.addAttribute("page", list.page());
        model.addAttribute("group", shown);
        model.addAttribute("base", BASE + "/" + id + "/screening" + (shown == null ? "" : "?group=" + shown));
        return "contest/screening";
    }

    @GetMapping(BASE + "/{id}/screening/export")
    ResponseEntity<StreamingResponseBody> exportScreening(@PathVariable long id, @RequestParam(required = false) Long group,
                                                          @RequestParam(required = false) String sort,
                                                          @RequestParam(required = false) String dir) {
        Contest contest = contests.contest(id);
        return ExcelExport.response(contest.name() + contest.year() + "评审排序", "评审排序", SCREENING_COLUMNS,
                screening.all(id, group(id, group), TableQuery.of(1, 20, sort, dir)));
    }

    /** A group of the contest, or null (all groups) for none or another contest's group. */
    private Long group(long contestId, Long group) {
        return group != null && contests.contest(contestId).groups().stream().anyMatch(g -> g.id() == group) ? group : null;
    }

    private static String act(long id, RedirectAttributes redirect, Runnable action, String notice) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", notice);
        } catch (ContestException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:" + BASE + "/" + id;
    }
}
