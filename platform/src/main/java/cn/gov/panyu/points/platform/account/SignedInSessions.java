package cn.gov.panyu.points.platform.account;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.session.Session;
import org.springframework.session.security.SpringSessionBackedSessionRegistry;
import org.springframework.stereotype.Component;

/**
 * The sessions users are signed in with. A session keeps the account as it was at sign-in, so when an
 * administrator disables a user, changes their role or resets their password, that user's sessions are
 * ended: the next request goes to the sign-in page instead of running on the old rights.
 *
 * <p>Sessions are in the database (Spring Session JDBC, docs/adr/0017): the registry finds a user's sessions
 * by their principal name there, so a session is ended whichever instance it was opened on.
 */
@Component
public class SignedInSessions {

    /** Absent without a web server (a context of services only): then there are no sessions to end. */
    private final ObjectProvider<SessionRegistry> registry;
    private final HttpSessionSecurityContextRepository repository = new HttpSessionSecurityContextRepository();

    SignedInSessions(ObjectProvider<SessionRegistry> registry) {
        this.registry = registry;
    }

    /** Ends every session of {@code username} except {@code keepSessionId} (may be null). */
    void end(String username, String keepSessionId) {
        // the database's registry looks sessions up by name; it cannot list every principal
        registry.ifAvailable(sessions -> {
            for (SessionInformation session : sessions.getAllSessions(username, false)) {
                if (!session.getSessionId().equals(keepSessionId)) {
                    session.expireNow();
                }
            }
        });
    }

    /** Puts the changed user into the current session, so that it need not sign in again. */
    void replaceCurrent(PlatformUser changed, HttpServletRequest request, HttpServletResponse response) {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        UsernamePasswordAuthenticationToken updated = UsernamePasswordAuthenticationToken.authenticated(
                changed, null, current == null ? changed.getAuthorities() : current.getAuthorities());
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(updated);
        SecurityContextHolder.setContext(context);
        // the session's principal name, by which the registry finds it, is taken from the saved context
        repository.saveContext(context, request, response);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    static class Registry {

        @Bean
        <S extends Session> SessionRegistry sessionRegistry(FindByIndexNameSessionRepository<S> sessions) {
            return new SpringSessionBackedSessionRegistry<>(sessions);
        }
    }
}
