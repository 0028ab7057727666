package cn.gov.panyu.points.platform;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

/**
 * Signs a demo user in over real HTTP, the way a browser does (fetch the form's CSRF token, post the
 * form), and returns the session cookie to send with later requests.
 */
public final class SignIn {

    public static final String DEMO_PASSWORD = "Demo#2025";
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private SignIn() {
    }

    /** @return a {@code Cookie} header value carrying the signed-in session */
    public static String as(RestTestClient http, String username) {
        EntityExchangeResult<String> form = http.get().uri("/login").exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult();
        Matcher m = CSRF.matcher(form.getResponseBody());
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String anonymousSession = sessionCookie(form.getResponseHeaders().get(HttpHeaders.SET_COOKIE));
        EntityExchangeResult<Void> signedIn = http.post().uri("/login")
                .header(HttpHeaders.COOKIE, anonymousSession)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=" + username + "&password=" + DEMO_PASSWORD.replace("#", "%23") + "&_csrf=" + m.group(1))
                .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();
        // session fixation protection issues a new session id on sign-in
        return sessionCookie(signedIn.getResponseHeaders().get(HttpHeaders.SET_COOKIE));
    }

    private static String sessionCookie(List<String> setCookies) {
        if (setCookies == null) {
            throw new IllegalStateException("no session cookie");
        }
        return setCookies.stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie"));
    }
}
