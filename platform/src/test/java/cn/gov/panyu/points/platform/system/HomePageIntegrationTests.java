package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;

@PlatformIntegrationTest
class HomePageIntegrationTests {

    @Autowired
    RestTestClient http;

    @Test
    void homePageRendersInChineseInsideTheFrame() {
        String html = page("/");

        assertThat(html)
                .contains("<html lang=\"zh-CN\"")
                .contains("<title>首页 - 番禺区企业创新积分智能评价平台</title>")
                .contains("class=\"app-topbar\"", "class=\"app-sidebar", "class=\"breadcrumb")
                .contains("数据采集", "积分模型", "评价管理", "查询展示", "统计分析", "服务应用", "系统管理")
                .contains("欢迎使用番禺区企业创新积分智能评价平台");
    }

    @Test
    void homePageShowsTheEngineVersionAndTheDefaultModel() {
        String html = page("/");

        assertThat(html).contains("评价引擎版本", "默认积分模型", "panyu-2025");
        assertThat(html).doesNotContain("默认积分模型未能加载");
        assertThat(html).containsPattern("id=\"engine-version\">\\d+\\.\\d+\\.\\d+");
    }

    @Test
    void pagesThatDoNotExistYetAreDisabledMenuEntriesNotLinks() {
        String html = http.get().uri("/").header(HttpHeaders.COOKIE, SignIn.as(http, "staff")).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();

        assertThat(html).contains("aria-disabled=\"true\"", "建设中");
        assertThat(html).doesNotContain("href=\"null\"");
    }

    @Test
    void webJarsAndStylesAreServedWithoutVersionsInTheirPaths() {
        for (String asset : new String[] {"/webjars/bootstrap/css/bootstrap.min.css",
                "/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/echarts/dist/echarts.min.js", "/css/app.css", "/favicon.svg"}) {
            http.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    private String page(String path) {
        return http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
