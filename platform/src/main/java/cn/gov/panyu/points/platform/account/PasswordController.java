package cn.gov.panyu.points.platform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import cn.gov.panyu.points.platform.account.OwnPassword.PasswordGuessingLocked;

/** 修改密码 for every signed-in user; the only page a user with a temporary password can reach. */
@Controller
class PasswordController {

    private final OwnPassword passwords;
    private final SignedInSessions sessions;

    PasswordController(OwnPassword passwords, SignedInSessions sessions) {
        this.passwords = passwords;
        this.sessions = sessions;
    }

    @GetMapping("/account/password")
    String form(@AuthenticationPrincipal PlatformUser user, Model model) {
        model.addAttribute("forced", user.mustChangePassword());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        return "account/password";
    }

    @PostMapping("/account/password")
    String change(@AuthenticationPrincipal PlatformUser user, @RequestParam(defaultValue = "") String current,
                  @RequestParam(defaultValue = "") String password, @RequestParam(defaultValue = "") String confirm,
                  HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes redirect) {
        try {
            PlatformUser changed = passwords.change(user, current, password, confirm);
            sessions.replaceCurrent(changed, request, response);
            // whoever else signed in with the old password is signed out
            sessions.end(user.username(), request.getSession().getId());
        } catch (PasswordGuessingLocked locked) {
            // this session may be the guesser's: it ends with every other one, and the sign-in page says until when
            sessions.end(user.username(), null);
            new SecurityContextLogoutHandler().logout(request, response, SecurityContextHolder.getContext().getAuthentication());
            request.getSession().setAttribute(SignInFlow.LOCKED_UNTIL, locked.until());
            return "redirect:/login?locked";
        } catch (AccountException e) {
            model.addAttribute("errorField", e.field());
            model.addAttribute("error", e.getMessage());
            return form(user, model);
        }
        redirect.addFlashAttribute("notice", "密码已修改，下次登录请使用新密码。");
        return "redirect:/account/password";
    }
}
