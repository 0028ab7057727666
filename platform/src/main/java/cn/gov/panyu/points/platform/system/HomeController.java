package cn.gov.panyu.points.platform.system;

import java.time.LocalDate;

import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

import cn.gov.panyu.points.platform.account.Role;

/**
 * The home page: for staff, the work that waits for them (待办); for everyone else, where their own pages
 * are. Technical facts about the platform are on 系统信息 (administrators only).
 */
@Controller
class HomeController {

    private final WorkQueue work;

    HomeController(WorkQueue work) {
        this.work = work;
    }

    @GetMapping("/")
    String home(Authentication user, Model model) {
        if (isStaff(user)) {
            model.addAttribute("work", work.current(LocalDate.now()));
        }
        return "system/home";
    }

    private static boolean isStaff(Authentication user) {
        return user != null && user.getAuthorities().stream()
                .anyMatch(a -> Role.STAFF.authority().equals(a.getAuthority()));
    }
}
