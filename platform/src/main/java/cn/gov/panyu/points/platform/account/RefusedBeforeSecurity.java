package cn.gov.panyu.points.platform.account;

import java.io.IOException;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests refused before Spring Security's filters ran: by its firewall ({@code /admin//users},
 * {@code ;jsessionid=}, an encoded slash) or by the servlet container ({@code /WEB-INF/…}). Their error page
 * is rendered in the container's error dispatch, where Spring Security's header filter does not run (it
 * writes once per request, and the refused request never reached it) but the signed-in session is loaded —
 * so the page lacked the security headers and showed the user's menu.
 *
 * <p>This filter, in the security chain, marks every request that the chain screens. An error dispatch of
 * an unmarked request gets the headers of every other page ({@link SecurityHeaders}) and is rendered for no
 * one: no session's user for this dispatch (the session itself stays signed in), and the error page frame
 * without menu ({@link #refused}).
 */
public final class RefusedBeforeSecurity extends OncePerRequestFilter {

    private static final String SCREENED = RefusedBeforeSecurity.class.getName() + ".screened";
    private static final String REFUSED = RefusedBeforeSecurity.class.getName() + ".refused";

    RefusedBeforeSecurity() {
    }

    /** Whether this error dispatch is for a request refused before Spring Security screened it. */
    public static boolean refused(HttpServletRequest request) {
        return request.getAttribute(REFUSED) != null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (request.getDispatcherType() != DispatcherType.ERROR) {
            request.setAttribute(SCREENED, Boolean.TRUE);
        } else if (request.getAttribute(SCREENED) == null) {
            request.setAttribute(REFUSED, Boolean.TRUE);
            SecurityHeaders.WRITERS.forEach(writer -> writer.writeHeaders(request, response));
            SecurityContextHolder.clearContext();
        }
        chain.doFilter(request, response);
    }

    /** The error dispatch is the one this filter is for. */
    @Override
    protected boolean shouldNotFilterErrorDispatch() {
        return false;
    }
}
