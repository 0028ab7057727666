package cn.gov.panyu.points.platform.bankapi;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

import tools.jackson.databind.json.JsonMapper;

/**
 * Checks the {@code Authorization: Bearer <key id>.<secret>} of a bank API call, applies the key's rate limit
 * and writes the call's audit entry (method, path, query, answer — never a header). A call without a key goes
 * on unauthenticated and is refused by the chain's rules; a call with a wrong, revoked or expired key is refused
 * here, with the same answer for each, so a caller learns nothing about which keys exist.
 */
final class ApiKeyFilter extends OncePerRequestFilter {

    private static final String BEARER = "Bearer ";

    private final ApiCredentials credentials;
    private final RateLimiter limiter;
    private final AuditLog audit;
    private final JsonMapper json;

    ApiKeyFilter(ApiCredentials credentials, RateLimiter limiter, AuditLog audit, JsonMapper json) {
        this.credentials = credentials;
        this.limiter = limiter;
        this.audit = audit;
        this.json = json;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String header = request.getHeader(HttpHeaders.AUTHORIZATION);
        boolean failed = true;
        try {
            if (header == null) {
                chain.doFilter(request, response);
                failed = false;
                return;
            }
            Optional<PlatformUser> bank = header.regionMatches(true, 0, BEARER, 0, BEARER.length())
                    ? credentials.authenticate(header.substring(BEARER.length()).strip()) : Optional.empty();
            if (bank.isEmpty()) {
                response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer error=\"invalid_token\"");
                Problems.write(request, response, json, Problems.of(HttpStatus.UNAUTHORIZED,
                        "接口密钥无效、已撤销或已过期。请向区科工商信局申请有效的密钥。"));
                failed = false;
                return;
            }
            SecurityContext context = SecurityContextHolder.createEmptyContext();
            context.setAuthentication(new ApiKeyAuthentication(bank.get()));
            SecurityContextHolder.setContext(context);
            long retryAfter = limiter.acquire(ApiCredentials.keyIdOf(bank.get()));
            if (retryAfter > 0) {
                response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
                ProblemDetail problem = Problems.of(HttpStatus.TOO_MANY_REQUESTS,
                        "请求过于频繁，已超过该密钥每分钟的调用上限，请在 " + retryAfter + " 秒后重试。");
                Problems.write(request, response, json, problem);
                failed = false;
                return;
            }
            chain.doFilter(request, response);
            failed = false;
        } finally {
            if (isBankApi(request)) {
                // an exception on its way out is answered 500 by ApiErrorFilter; the status is not set yet
                audit.record(AuditAction.API_CALL, null, describe(request, failed ? 500 : response.getStatus()));
            }
        }
    }

    private static boolean isBankApi(HttpServletRequest request) {
        return request.getRequestURI().startsWith(request.getContextPath() + BankApi.BASE);
    }

    /** "GET /api/v1/bank/whitelist?size=50 → 200"; a refused key is recorded as such, the key's secret never. */
    private static String describe(HttpServletRequest request, int status) {
        String query = request.getQueryString();
        return request.getMethod() + " " + request.getRequestURI() + (query == null ? "" : "?" + query) + " → " + status;
    }
}
