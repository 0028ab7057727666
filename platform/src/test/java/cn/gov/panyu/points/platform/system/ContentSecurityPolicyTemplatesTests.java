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
 * The content security policy ({@code script-src 'self'}) silently disables inline scripts and event
 * handler attributes: a button with {@code onclick} renders but does nothing. No template may carry them.
 */
class ContentSecurityPolicyTemplatesTests {

    private static final Path TEMPLATES = Path.of("src/main/resources/templates");
    private static final Pattern HANDLER = Pattern.compile("<[^>]*\\son[a-z]+\\s*=", Pattern.CASE_INSENSITIVE);
    private static final Pattern INLINE_SCRIPT = Pattern.compile("<script(?![^>]*\\bsrc=)[^>]*>",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern JAVASCRIPT_URL = Pattern.compile("href\\s*=\\s*[\"']javascript:",
            Pattern.CASE_INSENSITIVE);

    @Test
    void noTemplateHasInlineScriptsOrEventHandlers() throws IOException {
        List<String> offences = new ArrayList<>();
        try (Stream<Path> files = Files.walk(TEMPLATES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html")).toList()) {
                String html = Files.readString(file, StandardCharsets.UTF_8);
                for (Pattern p : List.of(HANDLER, INLINE_SCRIPT, JAVASCRIPT_URL)) {
                    Matcher m = p.matcher(html);
                    while (m.find()) {
                        offences.add(TEMPLATES.relativize(file) + ": " + m.group());
                    }
                }
            }
        }
        assertThat(offences).isEmpty();
    }

    @Test
    void theCheckFindsAnInlineHandler() {
        assertThat(HANDLER.matcher("<button type=\"button\" onclick=\"history.back()\">").find()).isTrue();
        assertThat(INLINE_SCRIPT.matcher("<script>alert(1)</script>").find()).isTrue();
        assertThat(INLINE_SCRIPT.matcher("<script th:src=\"@{/js/app.js}\" defer></script>").find()).isFalse();
    }
}
