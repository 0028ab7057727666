package cn.gov.panyu.points.platform.account;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpSession;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page; Spring Security handles the POST. */
@Controller
class LoginController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    @GetMapping("/login")
    String login(HttpSession session, Model model) {
        Object until = session.getAttribute(SignInFlow.LOCKED_UNTIL);
        if (until instanceof LocalDateTime time) {
            // rounded up to the minute: "until 10:15" must not turn out to mean 10:15:40
            model.addAttribute("lockedUntil", time.withSecond(0).withNano(0).plusMinutes(1).format(TIME));
            session.removeAttribute(SignInFlow.LOCKED_UNTIL);
        }
        return "account/login";
    }
}
