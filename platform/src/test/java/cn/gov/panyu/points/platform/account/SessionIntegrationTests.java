package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;

/** Sessions over real HTTP on the server's port, the way a browser holds them. */
@PlatformIntegrationTest
class SessionIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Test
    void signingInIssuesANewSessionIdAndTheOldOneStaysAnonymous() {
        EntityExchangeResult<String> form = http.get().uri("/login").exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult();
        String before = session(form.getResponseHeaders().get(HttpHeaders.SET_COOKIE));
        Matcher token = CSRF.matcher(form.getResponseBody());
        assertThat(token.find()).isTrue();

        EntityExchangeResult<Void> signedIn = http.post().uri("/login").header(HttpHeaders.COOKIE, before)
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("username=staff&password=" + SignIn.DEMO_PASSWORD.replace("#", "%23") + "&_csrf=" + token.group(1))
                .exchange().expectStatus().is3xxRedirection().expectBody().isEmpty();
        String after = session(signedIn.getResponseHeaders().get(HttpHeaders.SET_COOKIE));

        assertThat(after).isNotEqualTo(before);
        http.get().uri("/enterprises").header(HttpHeaders.COOKIE, after).exchange().expectStatus().isOk();
        // whoever planted or sniffed the pre-sign-in id gets nothing with it
        http.get().uri("/enterprises").header(HttpHeaders.COOKIE, before).exchange()
                .expectStatus().is3xxRedirection().expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/login"));
    }

    @Test
    void signingOutEndsTheSession() {
        String cookie = SignIn.as(http, "staff");
        String page = http.get().uri("/").header(HttpHeaders.COOKIE, cookie).exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        Matcher token = CSRF.matcher(page);
        assertThat(token.find()).isTrue();

        http.post().uri("/logout").header(HttpHeaders.COOKIE, cookie).contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body("_csrf=" + token.group(1)).exchange()
                .expectStatus().is3xxRedirection().expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).endsWith("/login?logout"));
        http.get().uri("/enterprises").header(HttpHeaders.COOKIE, cookie).exchange().expectStatus().is3xxRedirection();
    }

    @Test
    void theSessionCookieIsHttpOnly() {
        List<String> cookies = http.get().uri("/login").exchange().returnResult(String.class).getResponseHeaders()
                .get(HttpHeaders.SET_COOKIE);
        assertThat(cookies).anySatisfy(c -> assertThat(c).startsWith("SESSION=").containsIgnoringCase("HttpOnly"));
    }

    @Test
    void pagesWithinAMinuteLeaveTheStoredLastAccessAloneAndAnOlderOneMovesOn() {
        String cookie = SignIn.as(http, "staff");
        long signedIn = lastAccess(cookie);
        for (int i = 0; i < 3; i++) {
            http.get().uri("/enterprises").header(HttpHeaders.COOKIE, cookie).exchange().expectStatus().isOk();
        }
        assertThat(lastAccess(cookie)).as("no session write per page").isEqualTo(signedIn);

        long minuteAgo = signedIn - CoarseTouchSessions.GRAIN.toMillis() - 1_000;
        setLastAccess(cookie, minuteAgo);
        long before = System.currentTimeMillis();
        http.get().uri("/enterprises").header(HttpHeaders.COOKIE, cookie).exchange().expectStatus().isOk();
        assertThat(lastAccess(cookie)).isGreaterThanOrEqualTo(before);
    }

    @Test
    void aSessionIdleForItsTimeoutStillEnds() {
        String cookie = SignIn.as(http, "staff");
        setLastAccess(cookie, System.currentTimeMillis() - 31 * 60_000L);
        http.get().uri("/enterprises").header(HttpHeaders.COOKIE, cookie).exchange()
                .expectStatus().is3xxRedirection().expectHeader().value(HttpHeaders.LOCATION, l -> assertThat(l).contains("/login"));
    }

    private long lastAccess(String cookie) {
        return jdbc.sql("select last_access_time from spring_session where session_id = ?").param(sessionId(cookie))
                .query(Long.class).single();
    }

    /** Moves the stored last access (and the expiry that follows from it) as if that had been the last request. */
    private void setLastAccess(String cookie, long millis) {
        int updated = jdbc.sql("""
                        update spring_session set last_access_time = :at,
                               expiry_time = cast(:at as bigint) + cast(max_inactive_interval as bigint) * 1000
                        where session_id = :id""")
                .param("at", millis).param("id", sessionId(cookie)).update();
        assertThat(updated).isOne();
    }

    /** The cookie carries the session id in Base64. */
    private static String sessionId(String cookie) {
        return new String(Base64.getDecoder().decode(cookie.substring(cookie.indexOf('=') + 1)), StandardCharsets.UTF_8);
    }

    private static String session(List<String> setCookies) {
        assertThat(setCookies).as("Set-Cookie").isNotNull();
        return setCookies.stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow();
    }
}
