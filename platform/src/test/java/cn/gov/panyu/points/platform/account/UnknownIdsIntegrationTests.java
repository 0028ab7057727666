package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.EntityExchangeResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.bankapi.ApiCredentials;
import cn.gov.panyu.points.platform.account.AccessMatrixIntegrationTests.Access;

/**
 * House rule: every route with a path variable answers an id nobody has with the Chinese not-found page
 * (404), never a server error, a blank page or a redirect that pretends something happened, and logs
 * nothing at ERROR. The routes are read from the handler mapping, so a new one is checked without being
 * listed; each is called over real HTTP (so the servlet container renders the error page) by a user the
 * access table lets in, POSTs with the session's CSRF token.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class UnknownIdsIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String NO_ID = "987654321";

    /**
     * The routes whose variable names something that may have existed and lapsed, answered on purpose with
     * a page that says so, and where they send the user. A staged upload's token lives for an hour
     * (ImportJobs.KEEP) and a staff member may click 导入 on a preview left open longer: "上传的文件已过期，
     * 请重新上传" on the import list helps, a 404 would not, and an unknown token cannot be told from an
     * expired one.
     */
    private static final Map<String, String> LAPSED = Map.of("POST /collection/imports/staged/{token}", "/collection/imports");

    @Autowired
    RestTestClient http;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    /** A signed-in session and its CSRF token. */
    record Session(String cookie, String csrf) {
    }

    private final Map<Access, Session> sessions = new EnumMap<>(Access.class);
    private String apiKey;

    @Autowired
    ApiCredentials credentials;

    @BeforeAll
    void signIn() {
        String uscc = TestEnterprises.register(jdbc, "未知编号测试企业");
        String enterprise = TestEnterprises.uniqueName("ent-unknown-");
        accounts.create(enterprise, SignIn.DEMO_PASSWORD, "未知编号测试企业", Role.ENTERPRISE, uscc, null);
        String bank = TestEnterprises.uniqueName("bank-unknown-");
        accounts.create(bank, SignIn.DEMO_PASSWORD, "未知编号测试银行", Role.BANK, null, "UNKNOWN-IDS-BANK");

        Session admin = session("admin");
        for (Access access : List.of(Access.PUBLIC, Access.SIGNED_IN, Access.STAFF, Access.ADMIN)) {
            sessions.put(access, admin);
        }
        sessions.put(Access.ENTERPRISE, session(enterprise));
        sessions.put(Access.BANK, session(bank));
        String expert = TestEnterprises.uniqueName("expert-unknown-");
        accounts.create(expert, SignIn.DEMO_PASSWORD, "未知编号测试专家", Role.EXPERT, null, null);
        sessions.put(Access.EXPERT, session(expert));
        // the bank API has no session: its routes are called with a key of the same bank
        if (jdbc.sql("select count(*) from bank where code = 'UNKNOWN-IDS-BANK'").query(Long.class).single() == 0) {
            jdbc.sql("insert into bank (code, name) values ('UNKNOWN-IDS-BANK', '未知编号测试银行')").update();
        }
        apiKey = "Bearer " + TestUsers.runAs(TestUsers.staffUser(), () -> credentials
                .issue(TestUsers.staffUser(), "UNKNOWN-IDS-BANK", "未知编号测试").orElseThrow()).token();
    }

    private Session session(String username) {
        String cookie = SignIn.as(http, username);
        String form = http.get().uri("/account/password").header(HttpHeaders.COOKIE, cookie).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher m = CSRF.matcher(form);
        assertThat(m.find()).as("CSRF token on the password form of " + username).isTrue();
        return new Session(cookie, m.group(1));
    }

    /** A value for the path variable that names nothing. */
    private static String unknown(String variable) {
        return switch (variable) {
            case "id", "attachmentId", "entryId" -> NO_ID;
            case "uscc" -> TestEnterprises.uscc(); // well-formed, registered nowhere
            case "username" -> "no-such-user";
            case "code" -> "NO-SUCH-BANK";
            case "token" -> "no-such-token";
            case "source" -> "NO_SUCH_SOURCE";
            case "year" -> "1900";
            case "slug" -> "no-such-guide";
            case "name" -> "no-such-picture.png";
            case "keyId" -> "nosuchkey";
            case "pool" -> "no_such_pool";
            default -> throw new IllegalStateException("no unknown value for path variable {" + variable + "}");
        };
    }

    @Test
    void everyRouteWithAPathVariableAnswersAnUnknownIdWithTheChineseNotFoundPage(CapturedOutput output) {
        Set<String> routes = new java.util.TreeSet<>();
        for (String endpoint : Endpoints.of(mappings)) {
            if (Endpoints.pattern(endpoint).contains("{")) {
                routes.add(endpoint);
            }
        }
        assertThat(routes).as("routes with a path variable found").contains("GET /evaluation/runs/{id}", "GET /models/{id}",
                "POST /models/{id}/activate", "GET /enterprises/{uscc}", "POST /admin/users/{username}/enable");

        int logged = output.length();
        List<String> wrong = new ArrayList<>();
        for (String endpoint : routes) {
            Access access = AccessMatrixIntegrationTests.TABLE.get(endpoint);
            assertThat(access).as(endpoint + " has a row in the access table").isNotNull();
            String uri = Endpoints.expand(Endpoints.pattern(endpoint), UnknownIdsIntegrationTests::unknown);
            if (access == Access.BANK_API) {
                // a bank's system is told in a problem detail, not a page
                EntityExchangeResult<String> result = http.method(org.springframework.http.HttpMethod.valueOf(
                                Endpoints.method(endpoint))).uri(uri).header(HttpHeaders.AUTHORIZATION, apiKey)
                        .accept(MediaType.APPLICATION_JSON).exchange().expectBody(String.class).returnResult();
                if (result.getStatus().value() != 404 || !String.valueOf(result.getResponseBody()).contains("请求的资源不存在")) {
                    wrong.add(endpoint + " → " + uri + ": " + result.getStatus().value() + " " + result.getResponseBody());
                }
                continue;
            }
            Session session = sessions.get(access);
            EntityExchangeResult<String> result = call(Endpoints.method(endpoint), uri, session);
            String body = result.getResponseBody();
            int status = result.getStatus().value();
            if (LAPSED.containsKey(endpoint)) {
                String location = String.valueOf(result.getResponseHeaders().getLocation());
                if (status != 302 || !location.endsWith(LAPSED.get(endpoint))) {
                    wrong.add(endpoint + " → " + uri + ": " + status + " → " + location + ", expected " + LAPSED.get(endpoint));
                }
            } else if (status != 404 || body == null || !body.contains("页面不存在")) {
                wrong.add(endpoint + " → " + uri + ": " + status
                        + (status == 302 ? " → " + result.getResponseHeaders().getLocation() : "")
                        + (body == null ? " (no body)" : body.contains("页面不存在") ? "" : " (not the not-found page)"));
            }
        }
        assertThat(wrong).as("routes answering an unknown id otherwise than with the not-found page").isEmpty();
        assertThat(output.toString().substring(logged).lines().filter(l -> l.contains(" ERROR ")).toList())
                .as("logged at ERROR").isEmpty();
    }

    private EntityExchangeResult<String> call(String method, String uri, Session session) {
        if (method.equals("POST")) {
            // decision/action: required parameters of some forms, so that the request reaches the id lookup
            return http.post().uri(uri).header(HttpHeaders.COOKIE, session.cookie()).accept(MediaType.TEXT_HTML)
                    .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                    .body("_csrf=" + session.csrf() + "&decision=official&action=cancel")
                    .exchange().expectBody(String.class).returnResult();
        }
        return http.get().uri(uri).header(HttpHeaders.COOKIE, session.cookie()).accept(MediaType.TEXT_HTML)
                .exchange().expectBody(String.class).returnResult();
    }
}
