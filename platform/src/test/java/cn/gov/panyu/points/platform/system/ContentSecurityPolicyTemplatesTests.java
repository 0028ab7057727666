package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Rules every template keeps. The content security policy ({@code script-src 'self'}) silently disables inline scripts and event
 * handler attributes: a button with {@code onclick} renders but does nothing. No template may carry them.
 */
class ContentSecurityPolicyTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("href\\s*=\\s*[\"']javascript:",
            Pattern.CASE_INSENSITIVE);

    /** A form action carrying the CSRF token ({@code @{/x(_csrf=${_csrf.token})}}): it lands in the address bar and history. */
    private static final Pattern TOKEN_IN_ACTION = Pattern.compile("action\\s*=\\s*\"[^\"]*_csrf[^\"]*\"",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptsOrEventHandlers() throws IOException {
        assertThat(offences(HANDLER, INLINE_SCRIPT, JAVASCRIPT_URL)).isEmpty();
    }

    /**
     * Thymeleaf adds the token as a hidden field to every POST form with a {@code th:action}, multipart ones
     * included; in the URL it would be kept in the browser history and sent in Referer headers.
     */
    @Test
    void noFormPutsTheCsrfTokenIntoItsUrl() throws IOException {
        assertThat(offences(TOKEN_IN_ACTION)).isEmpty();
        assertThat(TOKEN_IN_ACTION.matcher("th:action=\"@{/collection/imports/new(_csrf=${_csrf.token})}\"").find()).isTrue();
    }

    private static List<String> offences(Pattern... patterns) throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern p : patterns) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        offences.add(TEMPLATES.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        return offences;
    }

    @Test
    void theCheckFindsAnInlineHandler() {
        assertThat(HANDLER.matcher("<button type=\"button\" onclick=\"history.back()\">").find()).isTrue();
        assertThat(INLINE_SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(INLINE_SCRIPT.matcher("<script th:src=\"@{/js/app.js}\" defer></script>").find()).isFalse();
    }
}
