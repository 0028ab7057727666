package cn.gov.panyu.points.platform.account;

import java.util.List;

import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.ContentSecurityPolicyHeaderWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter.XFrameOptionsMode;

/**
 * The response headers of every page, listed once: Spring Security's defaults (no caching, no sniffing, no
 * framing, the XSS auditor off, HSTS over HTTPS) and the platform's content security policy and referrer
 * policy. The filter chain writes them ({@link SecurityConfiguration}), and so does
 * {@link RefusedBeforeSecurity} for the error page of a request refused before the chain ran — one list, so
 * that error page cannot drift from the others.
 */
final class SecurityHeaders {

    /** No inline scripts; styles may be inline (Bootstrap's components set some). */
    static final String CONTENT_SECURITY_POLICY = "default-src 'self'; img-src 'self' data:; style-src 'self' 'unsafe-inline'; "
            + "script-src 'self'; frame-ancestors 'none'; form-action 'self'";

    static final List<HeaderWriter> WRITERS = List.of(
            new CacheControlHeadersWriter(),
            new XContentTypeOptionsHeaderWriter(),
            new XXssProtectionHeaderWriter(),
            new HstsHeaderWriter(),
            new XFrameOptionsHeaderWriter(XFrameOptionsMode.DENY),
            new ContentSecurityPolicyHeaderWriter(CONTENT_SECURITY_POLICY),
            new ReferrerPolicyHeaderWriter(ReferrerPolicy.SAME_ORIGIN));

    private SecurityHeaders() {
    }
}
