package cn.gov.panyu.points.platform.contest;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.table.TableQuery;

/** The expert's workspace (评审工作台): their assignments, the declaration and the score form. */
@Controller
class ExpertController {

    static final String BASE = "/expert";

    private final ExpertWork work;

    ExpertController(ExpertWork work) {
        this.work = work;
    }

    @GetMapping(BASE)
    String list(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", work.page(user, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", BASE);
        return "contest/expert-list";
    }

    @GetMapping(BASE + "/assignments/{id}")
    String assignment(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, Model model) {
        return show(user, id, Map.of(), Map.of(), "", model);
    }

    @PostMapping(BASE + "/assignments/{id}/declaration")
    String declare(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                   @RequestParam(required = false) String conflict, @RequestParam(required = false) String reason,
                   RedirectAttributes redirect) {
        try {
            boolean declared = "yes".equals(conflict);
            work.declare(user, id, declared, reason);
            redirect.addFlashAttribute("notice", declared ? "已申报利益冲突并回避本项目，业务人员将另行分配专家" : "已声明无利益冲突，请评分");
        } catch (ContestException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:" + BASE + "/assignments/" + id;
    }

    @PostMapping(BASE + "/assignments/{id}/scores")
    String scores(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                  @RequestParam Map<String, String> params, Model model, RedirectAttributes redirect) {
        Map<Long, String> typed = ExpertWork.typed(params);
        String reason = params.getOrDefault("reason", "");
        try {
            Map<Long, String> problems = work.submit(user, id, typed, reason);
            if (!problems.isEmpty()) {
                return show(user, id, typed, problems, reason, model);
            }
        } catch (ContestException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            return "redirect:" + BASE + "/assignments/" + id;
        }
        redirect.addFlashAttribute("notice", "评分已提交");
        return "redirect:" + BASE + "/assignments/" + id;
    }

    private String show(PlatformUser user, long id, Map<Long, String> typed, Map<Long, String> problems, String reason,
                        Model model) {
        ExpertWork.AssignmentView view = work.assignment(user, id);
        model.addAttribute("view", view);
        model.addAttribute("typed", typed);
        model.addAttribute("problems", problems);
        model.addAttribute("reason", reason);
        return "contest/expert-entry";
    }
}
