package cn.gov.panyu.points.platform.account;

import java.io.IOException;
import java.time.LocalDateTime;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.DisabledException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.authentication.logout.LogoutHandler;

/**
 * What happens after the sign-in form is posted and when a user signs out: the outcome is counted and
 * audited by {@link LoginAttempts}, and the sign-in page is told which message to show. A lock is
 * reported with its end time through the session, not the URL, so that a link cannot fake the message.
 */
class SignInFlow extends SavedRequestAwareAuthenticationSuccessHandler
        implements AuthenticationFailureHandler, LogoutHandler {

    /** Session attribute: the end of the lock the last sign-in attempt ran into. */
    static final String LOCKED_UNTIL = SignInFlow.class.getName() + ".lockedUntil";

    private final LoginAttempts attempts;

    SignInFlow(LoginAttempts attempts) {
        this.attempts = attempts;
        setDefaultTargetUrl("/");
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
                                        Authentication authentication) throws IOException, ServletException {
        PlatformUser user = (PlatformUser) authentication.getPrincipal();
        attempts.succeeded(user);
        if (user.mustChangePassword()) {
            getRedirectStrategy().sendRedirect(request, response, PasswordChangeGate.PASSWORD_PAGE);
            return;
        }
        super.onAuthenticationSuccess(request, response, authentication);
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String username = request.getParameter("username");
        if (exception instanceof DisabledException) {
            attempts.refused(username, "密码正确，但账户未启用（待审核、已驳回或已停用）");
            response.sendRedirect(request.getContextPath() + "/login?disabled");
            return;
        }
        // a locked name is not counted again: the lock runs from its first moment, not from the last guess
        Optional<LocalDateTime> until = attempts.lockedUntil(username);
        if (until.isEmpty()) {
            until = attempts.failed(username);
        }
        if (until.isPresent()) {
            request.getSession().setAttribute(LOCKED_UNTIL, until.get());
            response.sendRedirect(request.getContextPath() + "/login?locked");
            return;
        }
        response.sendRedirect(request.getContextPath() + "/login?error");
    }

    @Override
    public void logout(HttpServletRequest request, HttpServletResponse response, Authentication authentication) {
        if (authentication != null && authentication.getPrincipal() instanceof PlatformUser user) {
            attempts.loggedOut(user);
        }
    }
}
