package cn.gov.panyu.points.platform.portal;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.evaluation.EvaluationException;

/** 我的积分: the enterprise user's own scores, advice, declarations and objections. */
@Controller
class MyPortalController {

    private final MyPortal portal;

    MyPortalController(MyPortal portal) {
        this.portal = portal;
    }

    /** The objection form; no USCC field: the objection is always about the signed-in enterprise. */
    record ObjectionForm(Long runId, String field, String claim) {
    }

    @GetMapping("/my")
    String my(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("view", portal.view(user, year));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ObjectionForm(null, "", ""));
        }
        return "portal/my";
    }

    @PostMapping("/my/objections")
    String object(@AuthenticationPrincipal PlatformUser user, ObjectionForm form, RedirectAttributes redirect) {
        try {
            if (form.runId() == null) {
                throw new EvaluationException("请选择公示中的评价批次。");
            }
            long id = portal.object(user, form.runId(), form.field(), form.claim());
            redirect.addFlashAttribute("notice", "已提交异议（编号 " + id + "），处理结果将在本页显示。");
        } catch (EvaluationException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            redirect.addFlashAttribute("form", form);
        }
        return "redirect:/my#objections";
    }
}
