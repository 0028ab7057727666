package cn.gov.panyu.points.platform.credit;

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

/**
 * 金融超市 and 我的贷款申请 of the enterprise portal: the products the enterprise is and is not eligible for, the
 * application form, and its applications with their history. Everything is the signed-in enterprise's; no page
 * takes a USCC.
 */
@Controller
class MarketController {

    private final CreditLines lines;
    private final CreditApplications applications;

    MarketController(CreditLines lines, CreditApplications applications) {
        this.lines = lines;
        this.applications = applications;
    }

    @GetMapping("/my/market")
    String market(@AuthenticationPrincipal PlatformUser user, Model model) {
        model.addAttribute("offers", lines.market(user));
        return "credit/market";
    }

    @GetMapping("/my/market/{id}")
    String applyForm(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, Model model) {
        return apply(user, id, ApplicationForm.blank(), Map.of(), model);
    }

    @PostMapping("/my/market/{id}")
    String file(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, ApplicationForm form, Model model,
                RedirectAttributes redirect) {
        CreditLines.Offer offer = offer(user, id); // 404 before the form is read
        try {
            long application = applications.file(user, id, form);
            redirect.addFlashAttribute("notice", "已提交申请（编号 " + application + "）。" + offer.product().bankName()
                    + "在办理期间可查看本企业的积分报告，办结或撤回后授权自动结束。");
            return "redirect:/my/applications/" + application;
        } catch (CreditException e) {
            model.addAttribute("failure", e.getMessage());
            return apply(user, id, form, e.problems(), model);
        }
    }

    @GetMapping("/my/applications")
    String mine(@AuthenticationPrincipal PlatformUser user, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", applications.mine(user, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("base", "/my/applications");
        model.addAttribute("bankView", false);
        return "credit/applications";
    }

    @GetMapping("/my/applications/{id}")
    String one(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, Model model) {
        model.addAttribute("loanApplication", applications.mine(user, id));
        model.addAttribute("history", applications.history(user, id));
        model.addAttribute("bankView", false);
        return "credit/application";
    }

    @PostMapping("/my/applications/{id}/withdraw")
    String withdraw(@AuthenticationPrincipal PlatformUser user, @PathVariable long id, RedirectAttributes redirect) {
        return ApplicationPages.act(redirect, "/my/applications/" + id, "已撤回申请，随申请授予银行的授权已结束。",
                () -> applications.withdraw(user, id));
    }

    @PostMapping("/my/applications/{id}/answer")
    String answer(@AuthenticationPrincipal PlatformUser user, @PathVariable long id,
                  @RequestParam(required = false) String answer, RedirectAttributes redirect) {
        return ApplicationPages.act(redirect, "/my/applications/" + id, "已提交补充说明，申请已退回银行办理。",
                () -> applications.answer(user, id, answer));
    }

    private String apply(PlatformUser user, long id, ApplicationForm form, Map<String, String> problems,
                         Model model) {
        model.addAttribute("offer", offer(user, id));
        model.addAttribute("form", form);
        model.addAttribute("problems", problems);
        return "credit/apply";
    }

    private CreditLines.Offer offer(PlatformUser user, long id) {
        return lines.offer(user, id).orElseThrow(CreditApplications.ApplicationsNotFound::new);
    }
}
