package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.FailingPageConfiguration;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;

@PlatformIntegrationTest
class ErrorPageIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void unknownPageShowsTheChineseNotFoundPageInTheFrame() {
        String html = page("/no-such-page", HttpStatus.NOT_FOUND);

        assertThat(html)
                .contains("<title>页面不存在 - 番禺区企业创新积分智能评价平台</title>")
                .contains("页面不存在", "返回首页", "404")
                .contains("class=\"app-sidebar");
        assertNoInternals(html);
    }

    @Test
    void serverErrorShowsTheChinesePageWithoutTheExceptionOrStackTrace() {
        String html = page(FailingPageConfiguration.PATH, HttpStatus.INTERNAL_SERVER_ERROR);

        assertThat(html).contains("系统繁忙", "500");
        assertThat(html).doesNotContain("secret internal detail");
        assertNoInternals(html);
    }

    @Test
    void anAbsurdRequestShowsTheChineseBadRequestPage() {
        String html = page("/audit?uscc=" + "9".repeat(40), HttpStatus.BAD_REQUEST);

        assertThat(html).contains("请求无法处理", "400");
        assertNoInternals(html);
    }

    private static void assertNoInternals(String html) {
        assertThat(html).doesNotContain("Whitelabel", "Exception", "\tat ", "java.lang", "org.springframework");
    }

    @Test
    void anonymousVisitorsOfUnknownPagesAreSentToSignIn() {
        http.get().uri("/no-such-page").accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().is3xxRedirection().expectHeader().value("Location", l -> assertThat(l).endsWith("/login"));
    }

    private String page(String path, HttpStatus expected) {
        return http.get().uri(path).accept(MediaType.TEXT_HTML).header(HttpHeaders.COOKIE, SignIn.as(http, "staff")).exchange()
                .expectStatus().isEqualTo(expected)
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
