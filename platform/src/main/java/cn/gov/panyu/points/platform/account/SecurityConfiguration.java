package cn.gov.panyu.points.platform.account;

import org.apache.tomcat.util.buf.EncodedSolidusHandling;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.tomcat.TomcatConnectorCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.DisabledException;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.HttpStatusEntryPoint;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;
import org.springframework.security.web.access.intercept.AuthorizationFilter;
import org.springframework.security.web.header.HeaderWriterFilter;
import org.springframework.security.web.session.HttpSessionEventPublisher;

/**
 * Who may reach what. Pages are closed by default; public pages are listed here, and each staff,
 * administrator or enterprise area is closed to other roles by its URL as well as by
 * {@code @PreAuthorize} on the services behind it — two independent locks, so that neither a forgotten
 * URL rule nor a forgotten annotation opens confidential data. The role-matrix test
 * (AccessMatrixIntegrationTests) holds every endpoint to a declared table.
 */
@Configuration
@EnableMethodSecurity
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    /** Reachable without signing in. */
    static final String[] PUBLIC = {"/", "/login", "/register", "/error", "/css/**", "/js/**", "/webjars/**",
            "/favicon.svg", "/actuator/health", "/actuator/health/**", "/public/**", "/help", "/help/**"};
    /** Operations' endpoints other than health (metrics): administrators only, and a machine gets 401, not a form. */
    static final String ACTUATOR = "/actuator/**";
    /** Bureau work; administrators hold the staff role too. */
    static final String[] STAFF = {"/collection/**", "/models/**", "/indicators", "/calibration", "/calibration/**",
            "/evaluation/**", "/rankings/**", "/enterprises/**", "/declarations/review/**", "/registrations/**",
            "/audit/**", "/analytics/**", "/credit/**", "/cultivation/**", "/contests/**", "/performance/**"};

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, LoginAttempts attempts, SessionRegistry sessions)
            throws Exception {
        SignInFlow flow = new SignInFlow(attempts);
        http.authorizeHttpRequests(auth -> auth
                        .requestMatchers(PUBLIC).permitAll()
                        .requestMatchers("/admin/**", ACTUATOR).hasRole(Role.ADMIN.name())
                        // 越过发布条件 (docs/adr/0011): a staff page's action that only administrators may take
                        .requestMatchers("/evaluation/runs/*/publish-override").hasRole(Role.ADMIN.name())
                        .requestMatchers(STAFF).hasRole(Role.STAFF.name())
                        .requestMatchers("/declarations/**", "/my", "/my/**").hasRole(Role.ENTERPRISE.name())
                        .requestMatchers("/bank/**").hasRole(Role.BANK.name())
                        .requestMatchers("/expert", "/expert/**").hasRole(Role.EXPERT.name())
                        .anyRequest().authenticated())
                // a scraper or probe is not sent to the sign-in form: it is told 401
                .exceptionHandling(handling -> handling.authenticationEntryPoint(signInOr401()))
                .formLogin(form -> form.loginPage("/login").successHandler(flow).failureHandler(flow).permitAll())
                .logout(logout -> logout.logoutUrl("/logout").addLogoutHandler(flow).logoutSuccessUrl("/login?logout"))
                // a new session id at sign-in (no fixation); the registry lets an administrator end the
                // sessions of a user they disable or change
                .sessionManagement(session -> session
                        .sessionFixation(fixation -> fixation.changeSessionId())
                        .maximumSessions(-1).sessionRegistry(sessions).expiredUrl("/login?expired"))
                .addFilterBefore(new PasswordChangeGate(), AuthorizationFilter.class)
                .addFilterBefore(new RefusedBeforeSecurity(), HeaderWriterFilter.class)
                .headers(headers -> {
                    headers.defaultsDisabled();
                    SecurityHeaders.WRITERS.forEach(headers::addHeaderWriter);
                });
        return http.build();
    }

    /** The sign-in form for people; 401 for the actuator's machine endpoints. */
    private static AuthenticationEntryPoint signInOr401() {
        AuthenticationEntryPoint form = new LoginUrlAuthenticationEntryPoint("/login");
        AuthenticationEntryPoint unauthorized = new HttpStatusEntryPoint(HttpStatus.UNAUTHORIZED);
        RequestMatcher actuator = PathPatternRequestMatcher.pathPattern(ACTUATOR);
        return (request, response, e) -> (actuator.matches(request) ? unauthorized : form).commence(request, response, e);
    }

    /**
     * Tomcat answers an encoded slash ({@code %2F}) with its own English page, before any filter and without
     * the security headers. Passed through, it reaches Spring Security's firewall, which refuses it like
     * every other suspicious URL, with the platform's error page ({@link RefusedBeforeSecurity}). Nothing
     * behind the firewall ever sees it decoded.
     */
    @Bean
    TomcatConnectorCustomizer encodedSlashesReachTheFirewall() {
        return connector -> connector.setEncodedSolidusHandling(EncodedSolidusHandling.PASS_THROUGH.getValue());
    }

    /**
     * The password is checked before whether the account may sign in: "pending review" or "switched off" is
     * then told only to someone who knows the password. A lock is checked first (and the password is not
     * counted while locked), so that guessing stops for the lock's duration.
     */
    @Bean
    AuthenticationProvider authenticationProvider(UserAccounts accounts, PasswordEncoder passwords) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(accounts::loadUserByUsername);
        provider.setPasswordEncoder(passwords);
        provider.setPreAuthenticationChecks(user -> {
            if (!user.isAccountNonLocked()) {
                throw new LockedException("locked");
            }
        });
        provider.setPostAuthenticationChecks(user -> {
            if (!user.isEnabled()) {
                throw new DisabledException("disabled");
            }
        });
        return provider;
    }

    /** Tells the session registry when sessions end or change id. */
    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
