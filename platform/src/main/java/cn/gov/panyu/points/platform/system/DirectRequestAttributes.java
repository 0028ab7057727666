package cn.gov.panyu.points.platform.system;

import java.io.IOException;
import java.util.Enumeration;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletRequestWrapper;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

/**
 * Request attributes read and written without passing through every request wrapper.
 *
 * <p>Why: Thymeleaf keeps a page's variables — the model, each {@code th:each} row, each {@code th:with} — as
 * request attributes, so a list page reads and writes attributes thousands of times. By the time a page renders,
 * the request is wrapped four deep (Spring Session, Spring Security's firewall, header writer and servlet-API
 * wrappers), and each of those only hands the call on. That walk was about a sixth of a list page's rendering
 * (ADR 0019). This filter runs last, just before the DispatcherServlet, and sends each attribute call straight to
 * the first request in the chain whose class does something of its own with that call: a wrapper that overrides
 * it (Spring's resource URL wrapper watches one attribute being set; Tomcat's dispatch wrapper answers the
 * forward and error attributes) still gets it. Everything else on the request goes through the chain as before.
 */
@Component
@Order(Ordered.LOWEST_PRECEDENCE)
class DirectRequestAttributes extends OncePerRequestFilter {

    enum Call {
        GET("getAttribute", String.class),
        SET("setAttribute", String.class, Object.class),
        REMOVE("removeAttribute", String.class),
        NAMES("getAttributeNames");

        private final String method;
        private final Class<?>[] parameters;

        Call(String method, Class<?>... parameters) {
            this.method = method;
            this.parameters = parameters;
        }
    }

    /** Per wrapper class: does it (or a superclass below ServletRequestWrapper) declare its own version of a call? */
    private static final ClassValue<boolean[]> OVERRIDES = new ClassValue<>() {
        @Override
        protected boolean[] computeValue(Class<?> type) {
            boolean[] own = new boolean[Call.values().length];
            for (Call call : Call.values()) {
                try {
                    own[call.ordinal()] = type.getMethod(call.method, call.parameters).getDeclaringClass()
                            != ServletRequestWrapper.class;
                } catch (NoSuchMethodException e) {
                    own[call.ordinal()] = true; // cannot tell: leave the call to the chain
                }
            }
            return own;
        }
    };

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(new Shortcut(request), response);
    }

    /** The request that would first do something of its own with {@code call}. */
    static ServletRequest target(ServletRequest request, Call call) {
        ServletRequest at = request;
        while (at instanceof ServletRequestWrapper wrapper && !OVERRIDES.get(wrapper.getClass())[call.ordinal()]) {
            at = wrapper.getRequest();
        }
        return at;
    }

    static final class Shortcut extends HttpServletRequestWrapper {

        private final ServletRequest get;
        private final ServletRequest set;
        private final ServletRequest remove;
        private final ServletRequest names;

        Shortcut(HttpServletRequest request) {
            super(request);
            this.get = target(request, Call.GET);
            this.set = target(request, Call.SET);
            this.remove = target(request, Call.REMOVE);
            this.names = target(request, Call.NAMES);
        }

        @Override
        public Object getAttribute(String name) {
            return get.getAttribute(name);
        }

        @Override
        public void setAttribute(String name, Object value) {
            set.setAttribute(name, value);
        }

        @Override
        public void removeAttribute(String name) {
            remove.removeAttribute(name);
        }

        @Override
        public Enumeration<String> getAttributeNames() {
            return names.getAttributeNames();
        }
    }
}
