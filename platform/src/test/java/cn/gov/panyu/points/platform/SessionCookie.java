package cn.gov.panyu.points.platform;

import jakarta.servlet.http.Cookie;

import org.springframework.test.web.servlet.MvcResult;

/**
 * The session a MockMvc request opened, to continue it in later requests
 * ({@code mvc.perform(get("/x").cookie(SessionCookie.of(signedIn)))}). Sessions are in the database (Spring
 * Session JDBC), found by their cookie as a browser sends it: a {@code MockHttpSession} passed to a request
 * is not the session the platform reads.
 */
public final class SessionCookie {

    private SessionCookie() {
    }

    /** The session cookie {@code result}'s response set. */
    public static Cookie of(MvcResult result) {
        Cookie cookie = result.getResponse().getCookie("SESSION");
        if (cookie == null) {
            throw new IllegalStateException("the response opened no session");
        }
        return cookie;
    }
}
