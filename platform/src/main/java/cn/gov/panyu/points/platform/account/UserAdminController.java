package cn.gov.panyu.points.platform.account;

import java.util.List;

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

import cn.gov.panyu.points.platform.account.UserAdministration.NewUser;
import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;
import cn.gov.panyu.points.platform.table.TableQuery;

/** 用户管理 pages (administrators). */
@Controller
class UserAdminController {

    static final List<Column<UserAccount>> EXPORT_COLUMNS = List.of(
            new Column<>("用户名", UserAccount::username),
            new Column<>("姓名/单位", UserAccount::displayName),
            new Column<>("角色", u -> u.role().label()),
            new Column<>("绑定企业/机构", UserAccount::binding),
            new Column<>("状态", UserAccount::stateLabel),
            new Column<>("须修改密码", UserAccount::mustChangePassword),
            new Column<>("联系人", UserAccount::contactName),
            new Column<>("联系电话", UserAccount::contactPhone),
            new Column<>("创建时间", UserAccount::createdAt),
            new Column<>("最近登录", UserAccount::lastLoginAt));

    private final UserAdministration users;

    UserAdminController(UserAdministration users) {
        this.users = users;
    }

    @GetMapping("/admin/users")
    String list(UserFilter filter, @RequestParam(required = false) Integer page,
                @RequestParam(required = false) Integer size, @RequestParam(required = false) String sort,
                @RequestParam(required = false) String dir, Model model) {
        model.addAttribute("page", users.page(filter, TableQuery.of(page, size, sort, dir)));
        model.addAttribute("filter", filter);
        model.addAttribute("base", filter.listUrl("/admin/users"));
        model.addAttribute("roles", Role.values());
        return "account/users";
    }

    @GetMapping("/admin/users/export")
    ResponseEntity<StreamingResponseBody> export(UserFilter filter, @RequestParam(required = false) String sort,
                                                 @RequestParam(required = false) String dir) {
        return ExcelExport.response("用户列表", "用户", EXPORT_COLUMNS, users.export(filter, TableQuery.of(1, 20, sort, dir)));
    }

    @GetMapping("/admin/users/new")
    String newUser(Model model) {
        return form(new NewUser(null, null, null, null, null, null), model);
    }

    @PostMapping("/admin/users")
    String create(NewUser form, Model model, RedirectAttributes redirect) {
        try {
            users.create(form);
        } catch (AccountException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", e.getMessage());
            return form(form, model);
        }
        redirect.addFlashAttribute("notice", "账户 " + form.username().strip() + " 已创建。请将初始密码告知用户，首次登录时须修改。");
        return "redirect:/admin/users/" + form.username().strip();
    }

    @GetMapping("/admin/users/{username}")
    String detail(@PathVariable String username, Model model) {
        model.addAttribute("account", users.get(username));
        model.addAttribute("roles", Role.values());
        return "account/user";
    }

    @PostMapping("/admin/users/{username}/enable")
    String enable(@PathVariable String username, @AuthenticationPrincipal PlatformUser me, RedirectAttributes redirect) {
        return act(username, redirect, "账户已启用。", () -> users.setEnabled(username, true, me.username()));
    }

    @PostMapping("/admin/users/{username}/disable")
    String disable(@PathVariable String username, @AuthenticationPrincipal PlatformUser me, RedirectAttributes redirect) {
        return act(username, redirect, "账户已停用，该用户已被退出登录。", () -> users.setEnabled(username, false, me.username()));
    }

    @PostMapping("/admin/users/{username}/unlock")
    String unlock(@PathVariable String username, RedirectAttributes redirect) {
        return act(username, redirect, "账户已解锁。", () -> users.unlock(username));
    }

    @PostMapping("/admin/users/{username}/password")
    String resetPassword(@PathVariable String username, @RequestParam(defaultValue = "") String password,
                         RedirectAttributes redirect) {
        return act(username, redirect, "密码已重置。请将临时密码告知用户，下次登录时须修改。",
                () -> users.resetPassword(username, password));
    }

    @PostMapping("/admin/users/{username}/role")
    String changeRole(@PathVariable String username, @RequestParam(required = false) Role role,
                      @RequestParam(required = false) String uscc, @RequestParam(required = false) String bankCode,
                      @AuthenticationPrincipal PlatformUser me, RedirectAttributes redirect) {
        return act(username, redirect, "角色与绑定已更新，该用户须重新登录。",
                () -> users.changeRole(username, role, uscc, bankCode, me.username()));
    }

    private String form(NewUser form, Model model) {
        model.addAttribute("form", form);
        model.addAttribute("roles", Role.values());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/user-form";
    }

    private static String act(String username, RedirectAttributes redirect, String done, Runnable action) {
        try {
            action.run();
            redirect.addFlashAttribute("notice", done);
        } catch (AccountException e) {
            redirect.addFlashAttribute("failure", e.getMessage());
        }
        return "redirect:/admin/users/{username}";
    }
}
