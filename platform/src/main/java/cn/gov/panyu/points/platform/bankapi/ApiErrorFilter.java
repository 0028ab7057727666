package cn.gov.panyu.points.platform.bankapi;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

import tools.jackson.databind.json.JsonMapper;

/**
 * The outermost filter of the API chain: whatever goes wrong below it reaches the bank as a problem detail.
 * Errors the servlet layer reports with {@code sendError} (no such path, wrong method, wrong content type
 * before a controller is chosen) would otherwise be forwarded to the platform's HTML error page, and an
 * exception no handler caught would reach the container; both are turned into a problem here. The
 * exception itself is logged, never sent.
 */
final class ApiErrorFilter extends OncePerRequestFilter {

    private static final Logger LOG = LoggerFactory.getLogger(ApiErrorFilter.class);

    private final JsonMapper json;

    ApiErrorFilter(JsonMapper json) {
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        ErrorCapture capture = new ErrorCapture(response);
        try {
            chain.doFilter(request, capture);
        } catch (Exception e) {
            LOG.error("bank API: {} {} failed", request.getMethod(), request.getRequestURI(), e);
            if (!response.isCommitted()) {
                response.reset();
                Problems.write(request, response, json, Problems.of(Problems.statusOf(500), null));
            }
            return;
        }
        if (capture.error != null && !response.isCommitted()) {
            Problems.write(request, response, json, Problems.of(Problems.statusOf(capture.error), null));
        }
    }

    /** Keeps a {@code sendError} instead of letting the container forward to its error page. */
    static final class ErrorCapture extends HttpServletResponseWrapper {

        private Integer error;

        ErrorCapture(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void sendError(int sc) {
            error = sc;
            setStatus(sc);
        }

        @Override
        public void sendError(int sc, String msg) {
            sendError(sc);
        }
    }
}
