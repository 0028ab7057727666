package cn.gov.panyu.points.platform.portal;

import java.io.Serializable;
import java.util.HashMap;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
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

    /** The objection form; no USCC field: the objection is always about the signed-in enterprise. Serializable: kept as a flash attribute in the session, which is in the database. */
    record ObjectionForm(Long runId, String field, String claim) implements Serializable {
    }

    @GetMapping("/my")
    String my(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer year, Model model) {
        model.addAttribute("view", portal.view(user, year));
        if (!model.containsAttribute("form")) {
            model.addAttribute("form", new ObjectionForm(null, "", ""));
        }
        return "portal/my";
    }

    /**
     * 积分测算: the enterprise's own figures changed as typed, scored, nothing saved. htmx swaps in the
     * result section; without script the whole page comes back with it. A 404 when nothing of that year is
     * published for the enterprise.
     */
    @PostMapping("/my/what-if")
    String whatIf(@AuthenticationPrincipal PlatformUser user, @RequestParam int year,
                  @RequestParam Map<String, String> params, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        Map<String, String> typed = new HashMap<>();
        WhatIf.OFFERED.forEach(f -> {
            if (params.containsKey(f.key())) {
                typed.put(f.key(), params.get(f.key()));
            }
        });
        WhatIf result = portal.whatIf(user, year, typed)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("whatIf", result);
        if (htmx != null) {
            return "portal/my :: whatIf";
        }
        my(user, year, model);
        model.addAttribute("whatIf", result);
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
