package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.web.servlet.resource.ResourceUrlProvider;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

@PlatformIntegrationTest
class HomePageIntegrationTests {

    private static final String ENTERPRISE = "91440113MA5HOME001";

    @Autowired
    RestTestClient http;

    @Autowired
    MockMvc mvc;

    @Autowired
    ResourceUrlProvider resources;

    @Test
    void homePageRendersInChineseInsideTheFrame() {
        String html = page("/");

        assertThat(html)
                .contains("<html lang=\"zh-CN\"")
                .contains("<title>首页 - 番禺区企业创新积分智能评价平台</title>")
                .contains("class=\"app-topbar\"", "class=\"app-sidebar", "class=\"breadcrumb")
                .contains("查询展示", "榜单公示", "评价方法")
                .contains("欢迎使用番禺区企业创新积分智能评价平台");
    }

    @Test
    void noOnesHomePageShowsPlaceholdersOrTechnicalVersions() {
        String engineVersion = new EngineAdapter().info().version();
        assertThat(engineVersion).matches("\\d+\\.\\d+\\.\\d+.*");
        Map<String, String> homes = new LinkedHashMap<>();
        homes.put("anonymous", page("/"));
        homes.put("admin", signedIn(TestUsers.admin(), "/"));
        homes.put("staff", signedIn(TestUsers.staff(), "/"));
        homes.put("ent", signedIn(TestUsers.enterprise(ENTERPRISE), "/"));
        homes.put("bank", signedIn(TestUsers.bank("DEMO-BANK"), "/"));
        homes.put("expert", signedIn(TestUsers.expert(), "/"));
        homes.forEach((who, html) -> assertThat(html).as(who)
                .doesNotContain("建设中", "aria-disabled=\"true\"", "href=\"null\"")
                .doesNotContain("评价引擎版本", "数据库结构版本", "H2 ", "PostgreSQL ", engineVersion)
                .doesNotContain("id=\"engine-version\"", "id=\"default-model\""));
        assertThat(homes.get("anonymous")).contains("id=\"home-public\"", "id=\"home-account\"").doesNotContain("id=\"home-work\"");
        assertThat(homes.get("staff")).contains("id=\"home-work\"").doesNotContain("id=\"home-account\"");
        assertThat(homes.get("admin")).contains("id=\"home-work\"");
        assertThat(homes.get("ent")).contains("id=\"home-enterprise\"", "href=\"/my/consents\"").doesNotContain("id=\"home-work\"");
        assertThat(homes.get("bank")).contains("id=\"home-bank\"").doesNotContain("id=\"home-work\"");
        assertThat(homes.get("expert")).contains("id=\"home-expert\"", "id=\"home-public\"").doesNotContain("id=\"home-work\"");
    }

    /**
     * The menu's markup is rendered once per role's entries and highlighted entry (MenuHtml): what one user or
     * one page rendered must never show on another's — each page highlights its own entry, each role sees its own.
     */
    @Test
    void theReusedMenuHighlightsEachPagesEntryAndShowsEachRoleItsOwn() {
        for (int round = 0; round < 2; round++) { // the second round is served from the rendered menus
            String enterprises = signedIn(TestUsers.staff(), "/enterprises");
            String imports = signedIn(TestUsers.staff(), "/collection/imports");
            String portal = signedIn(TestUsers.enterprise(ENTERPRISE), "/my");
            String anonymous = page("/public/rankings");

            assertThat(activeEntries(enterprises)).containsExactly("menu-collection-enterprises");
            assertThat(activeEntries(imports)).containsExactly("menu-collection-import");
            assertThat(enterprises).contains("id=\"menu-collection-import\"", "href=\"/collection/imports\"")
                    .doesNotContain("id=\"menu-portal-my\"", "id=\"menu-system-accounts\"");
            assertThat(activeEntries(portal)).containsExactly("menu-portal-my");
            assertThat(portal).contains("id=\"menu-collection-declare\"")
                    .doesNotContain("id=\"menu-collection-enterprises\"", "id=\"menu-collection-import\"");
            assertThat(activeEntries(anonymous)).containsExactly("menu-portal-public");
            assertThat(anonymous).contains("id=\"menu-portal-methodology\"")
                    .doesNotContain("id=\"menu-portal-my\"", "id=\"menu-collection-enterprises\"", "app-user-name");
            assertThat(enterprises).contains("class=\"app-user-name\"").doesNotContain(">登录</a>");
            assertThat(anonymous).contains(">登录</a>");
        }
    }

    /** The ids of the menu links marked as the current page. */
    private static List<String> activeEntries(String html) {
        return java.util.regex.Pattern.compile("<a class=\"app-menu-link active\" href=\"[^\"]*\" id=\"([^\"]+)\"")
                .matcher(html).results().map(m -> m.group(1)).toList();
    }

    @Test
    void systemInformationShowsAdministratorsTheEngineModelAndDatabase() {
        String html = signedIn(TestUsers.admin(), "/admin/system");

        assertThat(html).contains("<title>系统信息 - ", "评价引擎版本", "默认积分模型", "panyu-2025", "数据库结构版本")
                .doesNotContain("默认积分模型未能加载", "暂时无法连接数据库");
        assertThat(html).containsPattern("id=\"engine-version\">\\d+\\.\\d+\\.\\d+");
        assertThat(html).containsPattern("id=\"database\">\\s*<span>H2 \\d");
        assertThat(html).contains(">系统信息</a>");
    }

    @Test
    void systemInformationIsForAdministratorsOnly() throws Exception {
        for (RequestPostProcessor user : List.of(TestUsers.staff(), TestUsers.enterprise(ENTERPRISE),
                TestUsers.bank("DEMO-BANK"), TestUsers.expert())) {
            mvc.perform(get("/admin/system").with(user).accept(MediaType.TEXT_HTML)).andExpect(status().isForbidden());
        }
    }

    @Test
    void webJarsAndStylesAreServedWithoutVersionsInTheirPaths() {
        for (String asset : new String[] {"/webjars/bootstrap/css/bootstrap.min.css",
                "/webjars/bootstrap/js/bootstrap.bundle.min.js", "/webjars/htmx.org/dist/htmx.min.js",
                "/webjars/echarts/dist/echarts.min.js", "/css/app.css", "/favicon.svg"}) {
            http.get().uri(asset).exchange().expectStatus().isOk();
        }
    }

    @Test
    void pagesLinkStaticFilesUnderNamesThatChangeWithTheirContent() {
        String html = page("/");
        assertThat(html).containsPattern("href=\"/webjars/bootstrap/\\d+\\.\\d+\\.\\d+/css/bootstrap\\.min\\.css\"")
                .containsPattern("src=\"/webjars/htmx\\.org/\\d+\\.\\d+\\.\\d+/dist/htmx\\.min\\.js\"")
                .containsPattern("href=\"/css/app-[0-9a-f]{32}\\.css\"")
                .containsPattern("src=\"/js/app-[0-9a-f]{32}\\.js\"")
                .contains("href=\"/favicon.svg\"")
                .doesNotContain("href=\"/css/app.css\"");
    }

    @Test
    void everyFileTheSignInPageLinksIsServedBeforeSignIn() {
        // a browser asks for them before anyone signs in: one refused would become the page the sign-in returns to
        java.util.regex.Matcher links = java.util.regex.Pattern.compile("(?:href|src)=\"(/[^\"]+\\.(?:css|js|svg))\"")
                .matcher(page("/login"));
        List<String> files = new java.util.ArrayList<>();
        while (links.find()) {
            files.add(links.group(1));
        }
        assertThat(files).contains("/favicon.svg").anyMatch(f -> f.matches("/css/app-[0-9a-f]{32}\\.css"));
        for (String file : files) {
            http.get().uri(file).exchange().expectStatus().isOk();
        }
    }

    @Test
    void browsersKeepStaticFilesForAYearAndPagesNotAtAll() {
        // the linked name of app.css, then the file under it
        String css = page("/").replaceAll("(?s).*href=\"(/css/app-[0-9a-f]{32}\\.css)\".*", "$1");
        for (String asset : new String[] {css, "/webjars/bootstrap/css/bootstrap.min.css", "/js/app.js"}) {
            http.get().uri(asset).exchange().expectStatus().isOk().expectHeader()
                    .valueEquals("Cache-Control", "max-age=31536000, public, immutable");
        }
        http.get().uri("/favicon.svg").exchange().expectStatus().isOk().expectHeader()
                .valueEquals("Cache-Control", "max-age=86400, public");
        http.get().uri("/").exchange().expectStatus().isOk().expectHeader()
                .valueEquals("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
    }

    @Test
    void onlyTheStaticFoldersAreLookedUpAsFiles() {
        // a static mapping under /** made every link of every page a class-path look-up (issue 15, profiled)
        assertThat(resources.getHandlerMap().keySet().stream().map(Object::toString))
                .contains("/webjars/**", "/css/**", "/js/**", "/*.svg").doesNotContain("/**");
        assertThat(resources.getForLookupPath("/public/rankings")).isNull();
    }

    private String signedIn(RequestPostProcessor user, String path) {
        try {
            return mvc.perform(get(path).with(user).accept(MediaType.TEXT_HTML)).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString(StandardCharsets.UTF_8);
        } catch (Exception e) {
            throw new AssertionError(path, e);
        }
    }

    private String page(String path) {
        return http.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
