package cn.gov.panyu.points.platform.account;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.Registrations.Registration;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 企业注册 (public form) and 注册审核 (staff). */
@Controller
class RegistrationController {

    static final List<Column<UserAccount>> EXPORT_COLUMNS = List.of(
            new Column<>("申请时间", UserAccount::createdAt),
            new Column<>("企业名称", UserAccount::enterpriseName),
            new Column<>("统一社会信用代码", UserAccount::uscc),
            new Column<>("用户名", UserAccount::username),
            new Column<>("联系人", UserAccount::contactName),
            new Column<>("联系电话", UserAccount::contactPhone),
            new Column<>("提交地址", UserAccount::registeredFrom),
            new Column<>("状态", u -> u.status().label()),
            new Column<>("审核人", UserAccount::reviewedBy),
            new Column<>("审核时间", UserAccount::reviewedAt),
            new Column<>("驳回理由", UserAccount::reviewNote));

    private final Registrations registrations;

    RegistrationController(Registrations registrations) {
        this.registrations = registrations;
    }

    @GetMapping("/register")
    String form(Model model) {
        return form(new Registration(null, null, null, null, null, null), model);
    }

    @PostMapping("/register")
    String register(Registration form, HttpServletRequest request, Model model) {
        try {
            // the address the audit trail records too; behind a reverse proxy, the forwarded client's
            registrations.register(form, request.getRemoteAddr());
        } catch (AccountException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", e.getMessage());
            return form(form, model);
        }
        return "redirect:/login?registered";
    }

    @GetMapping("/registrations")
    String list(@RequestParam(defaultValue = "PENDING") AccountStatus status,
                @RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size,
                @RequestParam(required = false) String sort, @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", registrations.page(status, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("status", status);
        model.addAttribute("statuses", List.of(AccountStatus.PENDING, AccountStatus.ACTIVE, AccountStatus.REJECTED));
        model.addAttribute("base", "/registrations?status=" + status.name());
        return "account/registrations";
    }

    @GetMapping("/registrations/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "PENDING") AccountStatus status,
                                                 @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        return ExcelExport.response("企业注册申请", "注册申请", EXPORT_COLUMNS,
                registrations.export(status, TableQuery.of(1, 20, sort, dir)));
    }

    @PostMapping("/registrations/{username}/activate")
    String activate(@PathVariable String username, @RequestParam(defaultValue = "false") boolean allowSecond,
                    @AuthenticationPrincipal PlatformUser me, RedirectAttributes redirect) {
        try {
            List<String> rejected = registrations.activate(username, allowSecond, me.username());
            redirect.addFlashAttribute("notice", "已通过 " + username + " 的注册申请，该企业用户现在可以登录。"
                    + (rejected.isEmpty() ? "" : "该企业的其他待审核申请（" + String.join("、", rejected) + "）已随之驳回。"));
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
            redirect.addFlashAttribute("needsConfirm", username);
        }
        return "redirect:/registrations";
    }

    @PostMapping("/registrations/{username}/reject")
    String reject(@PathVariable String username, @RequestParam(defaultValue = "") String reason,
                  @AuthenticationPrincipal PlatformUser me, RedirectAttributes redirect) {
        try {
            registrations.reject(username, reason, me.username());
            redirect.addFlashAttribute("notice", "已驳回 " + username + " 的注册申请。");
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/registrations";
    }

    private String form(Registration form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/register";
    }
}
