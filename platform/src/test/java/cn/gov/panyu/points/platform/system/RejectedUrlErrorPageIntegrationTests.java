package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;

/**
 * URLs refused before Spring Security's filters run — by its firewall or by the servlet container —
 * reach the error page without ever passing the filter that writes the security headers, and in the
 * signed-in user's session. Their page must carry the same headers as every other page and show no one's
 * menu. A real HTTP client on a real port: MockMvc neither runs the firewall's rejection through the
 * container's error dispatch nor lets the container refuse a URL.
 */
@PlatformIntegrationTest
class RejectedUrlErrorPageIntegrationTests {

    /** The headers every page carries (Spring Security's defaults plus the platform's policies). */
    private static final List<String> SECURITY_HEADERS = List.of("content-security-policy", "x-content-type-options",
            "x-frame-options", "referrer-policy", "cache-control", "x-xss-protection");

    @Autowired
    RestTestClient http;

    @LocalServerPort
    int port;

    private final HttpClient client = HttpClient.newHttpClient();
    private String session;

    @BeforeEach
    void signIn() {
        session = SignIn.as(http, "staff");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/admin//users", "/admin/users;jsessionid=0123456789", "/admin%2fusers", "/admin%2Fusers",
            "/audit/..%2f..%2fadmin/users", "/WEB-INF/web.xml", "/META-INF/MANIFEST.MF"})
    void aRefusedUrlGetsTheNeutralChineseErrorPageWithTheSecurityHeaders(String path) throws Exception {
        HttpResponse<String> normal = get("/no-such-page");
        HttpResponse<String> refused = get(path);

        assertThat(refused.statusCode()).isBetween(400, 404);
        for (String header : SECURITY_HEADERS) {
            assertThat(refused.headers().allValues(header)).as(header)
                    .isNotEmpty().isEqualTo(normal.headers().allValues(header));
        }
        assertThat(refused.body()).contains("番禺区企业创新积分智能评价平台").containsAnyOf("请求无法处理", "页面不存在")
                .doesNotContain("科技局业务人员", "app-user-name", "/logout", "app-sidebar", "Tomcat", "HTTP Status");
        // the session survives: a refused URL is not a sign-out
        assertThat(get("/audit").statusCode()).isEqualTo(200);
    }

    private HttpResponse<String> get(String path) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Cookie", session).header("Accept", "text/html").build();
        return client.send(request, HttpResponse.BodyHandlers.ofString());
    }
}
