package cn.gov.panyu.points.platform.bankapi;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.session.DisableEncodeUrlFilter;

import cn.gov.panyu.points.platform.audit.AuditLog;

import tools.jackson.databind.json.JsonMapper;

/**
 * The security chain of {@code /api/**}, ahead of the web pages' chain: stateless (no session is read or
 * created, so a signed-in officer's cookie opens nothing here), no CSRF token (a bearer key is not sent by a
 * browser on its own, so there is no cross-site request to forge), no sign-in page — every refusal is a
 * problem detail. Only a call authenticated by an API key ({@link ApiKeyAuthentication}) reaches
 * {@code /api/v1/bank/**}; the OpenAPI document and its Swagger UI are public (they describe the API, no data).
 * The web chain, for its part, never reads a bearer key: an API key opens no page.
 */
@Configuration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class BankApiSecurityConfiguration {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    SecurityFilterChain bankApiFilterChain(HttpSecurity http, ApiCredentials credentials, RateLimiter limiter,
                                           IdempotencyStore idempotency, AuditLog audit, JsonMapper json) throws Exception {
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(auth -> auth
                        .requestMatchers(HttpMethod.GET, BankApi.DOCUMENT, BankApi.DOCUMENT + ".yaml", BankApi.DOCUMENT + "/**", BankApi.UI,
                                BankApi.UI_FILES).permitAll()
                        .requestMatchers(BankApi.BASE + "/**").access((authentication, context) ->
                                new AuthorizationDecision(authentication.get() instanceof ApiKeyAuthentication))
                        .anyRequest().denyAll())
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context.securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.disable())
                .formLogin(form -> form.disable())
                .httpBasic(basic -> basic.disable())
                .logout(logout -> logout.disable())
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((request, response, e) -> {
                            response.setHeader(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
                            Problems.write(request, response, json, Problems.of(HttpStatus.UNAUTHORIZED, null));
                        })
                        .accessDeniedHandler((request, response, e) ->
                                Problems.write(request, response, json, Problems.of(HttpStatus.FORBIDDEN, null))))
                .addFilterBefore(new ApiErrorFilter(json), DisableEncodeUrlFilter.class)
                .addFilterBefore(new ApiKeyFilter(credentials, limiter, audit, json), AuthorizationFilter.class)
                .addFilterAfter(new IdempotencyFilter(idempotency, json), AuthorizationFilter.class);
        return http.build();
    }

    @Bean
    RateLimiter bankApiRateLimiter(BankApiProperties properties) {
        return new RateLimiter(properties.requestsPerMinute(), System::nanoTime);
    }
}
