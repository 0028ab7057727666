package cn.gov.panyu.points.platform.cultivation;

import java.util.List;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import cn.gov.panyu.points.platform.account.PlatformUser;

/**
 * 培育自评 in the portal: the enterprise's own 科小/高企 pre-assessment, with what it lacks in money and people —
 * only its own (the code comes from the signed-in account, never from the request).
 */
@Controller
class MyCultivationController {

    private final PreAssessments assessments;

    MyCultivationController(PreAssessments assessments) {
        this.assessments = assessments;
    }

    @GetMapping("/my/cultivation")
    String mine(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer year, Model model) {
        List<Integer> years = assessments.yearsOf(user.uscc());
        model.addAttribute("years", years);
        if (!years.isEmpty()) {
            int y = PreAssessments.chosen(years, year);
            model.addAttribute("year", y);
            model.addAttribute("p", assessments.explain(user.uscc(), y).orElseThrow().assessment());
        }
        return "cultivation/my";
    }
}
