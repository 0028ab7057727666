package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
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

    private static String session(List<String> setCookies) {
        assertThat(setCookies).as("Set-Cookie").isNotNull();
        return setCookies.stream().filter(c -> c.startsWith("SESSION=")).map(c -> c.substring(0, c.indexOf(';')))
                .findFirst().orElseThrow();
    }
}
