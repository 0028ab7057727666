package cn.gov.panyu.points.platform.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.anonymous;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.Year;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.actuate.endpoint.EndpointId;
import org.springframework.boot.actuate.endpoint.web.PathMappedEndpoints;
import org.springframework.boot.health.actuate.endpoint.HealthEndpointGroups;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * Every endpoint of the platform against a declared access table, for anonymous visitors and each role.
 * The endpoints are read from the MVC handler mapping, so a new endpoint that the table does not cover
 * fails {@link #everyEndpointIsInTheAccessTable()} until someone decides who may use it.
 */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessMatrixIntegrationTests {

    /**
     * Who may use an endpoint; everybody else gets 403, anonymous visitors the sign-in page. BANK_API: a bank's
     * system with an API key (bankapi) — no signed-in audience, not even a bank officer, and no anonymous visitor
     * (401, never the sign-in page).
     */
    enum Access {
        PUBLIC, SIGNED_IN, STAFF, ADMIN, ENTERPRISE, BANK, EXPERT, BANK_API;

        boolean allows(Audience who) {
            return switch (this) {
                case PUBLIC -> true;
                case SIGNED_IN -> who != Audience.ANONYMOUS;
                case STAFF -> who == Audience.STAFF || who == Audience.ADMIN;
                case ADMIN -> who == Audience.ADMIN;
                case ENTERPRISE -> who == Audience.ENTERPRISE;
                case BANK -> who == Audience.BANK;
                case EXPERT -> who == Audience.EXPERT;
                case BANK_API -> false;
            };
        }
    }

    enum Audience { ANONYMOUS, ADMIN, STAFF, ENTERPRISE, BANK, EXPERT }

    enum Outcome { ALLOWED, FORBIDDEN, SIGN_IN }

    /** "METHOD pattern" → who may use it. ANY = a mapping without a method restriction. */
    static final Map<String, Access> TABLE = table();

    private static Map<String, Access> table() {
        Map<String, Access> t = new TreeMap<>();
        // public: the home page, sign-in, registration, error page
        put(t, Access.PUBLIC, "GET /", "GET /login", "GET /register", "POST /register", "ANY /error");
        // public: published tier lists (no confidential figures) and the methodology
        put(t, Access.PUBLIC, "GET /public/rankings", "GET /public/rankings/export", "GET /public/methodology");
        // public: the user guides (they show demo data only)
        put(t, Access.PUBLIC, "GET /help", "GET /help/{slug}", "GET /help/img/{name}");
        // every signed-in user
        put(t, Access.SIGNED_IN, "GET /account/password", "POST /account/password");
        // administrators: 系统信息 and the users
        put(t, Access.ADMIN, "GET /admin/system");
        put(t, Access.ADMIN, "GET /admin/users", "GET /admin/users/export", "GET /admin/users/new", "POST /admin/users",
                "GET /admin/users/{username}", "POST /admin/users/{username}/enable",
                "POST /admin/users/{username}/disable", "POST /admin/users/{username}/unlock",
                "POST /admin/users/{username}/password", "POST /admin/users/{username}/role");
        // administrators: publishing a run before its notice ended or its accepted objections were resolved
        put(t, Access.ADMIN, "POST /evaluation/runs/{id}/publish-override");
        // bureau staff (and administrators)
        put(t, Access.STAFF, "GET /registrations", "GET /registrations/export",
                "POST /registrations/{username}/activate", "POST /registrations/{username}/reject",
                "GET /audit", "GET /audit/export");
        put(t, Access.STAFF, "GET /collection/imports", "GET /collection/imports/export", "GET /collection/imports/new",
                "POST /collection/imports/new", "GET /collection/templates/{source}",
                "POST /collection/imports/staged/{token}", "GET /collection/imports/staged/{token}/report",
                "GET /collection/imports/jobs/{token}",
                "GET /collection/imports/jobs/{token}/status", "GET /collection/imports/{id}/rollback",
                "POST /collection/imports/{id}/rollback", "POST /collection/imports/attempts/{id}/retry",
                "GET /collection/conflicts", "GET /collection/conflicts/export",
                "POST /collection/conflicts/{id}/resolve", "GET /collection/anomalies", "GET /collection/anomalies/export");
        put(t, Access.STAFF, "GET /collection/quality", "GET /collection/quality/export", "POST /collection/quality/detect",
                "POST /collection/quality/{id}/decision");
        put(t, Access.STAFF, "GET /models", "GET /models/export", "GET /models/{id}", "GET /indicators",
                "GET /models/{id}/edit", "POST /models/{id}/validate", "POST /models/{id}", "POST /models/{id}/copy",
                "POST /models/{id}/activate", "POST /models/{id}/delete", "GET /models/{id}/form", "POST /models/{id}/form",
                "POST /models/{id}/form/from-yaml", "GET /calibration", "POST /calibration/draft",
                "GET /calibration/sensitivity", "GET /calibration/backtest", "GET /calibration/backtest/export");
        put(t, Access.STAFF, "GET /evaluation/runs", "GET /evaluation/runs/export", "POST /evaluation/runs",
                "GET /evaluation/runs/{id}", "GET /evaluation/runs/{id}/progress", "GET /evaluation/runs/{id}/export",
                "POST /evaluation/runs/{id}/notice", "POST /evaluation/runs/{id}/withdraw",
                "POST /evaluation/runs/{id}/publish", "POST /evaluation/runs/{id}/verify",
                "GET /evaluation/notice", "GET /evaluation/notice/export", "POST /evaluation/notice/objections",
                "POST /evaluation/notice/objections/{id}/accept", "POST /evaluation/notice/objections/{id}/reject",
                "POST /evaluation/notice/rerun", "GET /rankings", "GET /rankings/export");
        put(t, Access.STAFF, "GET /enterprises", "GET /enterprises/export", "GET /enterprises/{uscc}",
                "GET /enterprises/{uscc}/export");
        put(t, Access.STAFF, "GET /analytics", "GET /analytics/leader", "GET /analytics/data", "GET /analytics/export");
        put(t, Access.STAFF, "GET /analytics/whitepaper", "GET /analytics/whitepaper/{year}",
                "GET /analytics/whitepaper/{year}/status", "POST /analytics/whitepaper/{year}/generate",
                "POST /analytics/whitepaper/{year}/foreword", "GET /analytics/whitepaper/{year}/pdf",
                "GET /analytics/whitepaper/{year}/html");
        put(t, Access.STAFF, "GET /declarations/review", "GET /declarations/review/export",
                "GET /declarations/review/{id}", "POST /declarations/review/{id}/approve",
                "POST /declarations/review/{id}/return", "GET /declarations/review/{id}/attachments/{attachmentId}");
        // an enterprise's own declarations
        put(t, Access.ENTERPRISE, "GET /declarations", "GET /declarations/{year:\\d{4}}",
                "POST /declarations/{year:\\d{4}}", "POST /declarations/{year:\\d{4}}/submit",
                "POST /declarations/{year:\\d{4}}/attachments", "POST /declarations/{year:\\d{4}}/attachments/{id}/delete",
                "GET /declarations/{year:\\d{4}}/attachments/{id}");
        // an enterprise's own scores, objections and bank consents
        put(t, Access.ENTERPRISE, "GET /my", "POST /my/objections", "POST /my/what-if", "GET /my/consents", "GET /my/consents/export",
                "POST /my/consents", "POST /my/consents/{id}/revoke");
        // bank officers: enterprises that consented to their bank
        put(t, Access.BANK, "GET /bank/enterprises", "GET /bank/enterprises/export", "GET /bank/enterprises/{uscc}");
        // 积分贷 products: staff manage every bank's, a bank officer their own bank's
        put(t, Access.STAFF, "GET /credit/products", "GET /credit/products/export", "GET /credit/products/new",
                "POST /credit/products", "GET /credit/products/{id}", "POST /credit/products/{id}",
                "GET /credit/banks", "GET /credit/banks/export", "POST /credit/banks", "POST /credit/banks/{code}");
        put(t, Access.BANK, "GET /bank/products", "GET /bank/products/export", "GET /bank/products/new",
                "POST /bank/products", "GET /bank/products/{id}", "POST /bank/products/{id}");
        // 高企/科小培育: staff assess and keep the pools; an enterprise sees its own pre-assessment
        put(t, Access.STAFF, "GET /cultivation", "GET /cultivation/export", "GET /cultivation/enterprises/{uscc}",
                "GET /cultivation/pools", "POST /cultivation/pools/{pool}/rule", "POST /cultivation/pools/{pool}/build",
                "GET /cultivation/pools/versions/{id}", "GET /cultivation/pools/versions/{id}/export",
                "POST /cultivation/pools/versions/{id}/members/{uscc}");
        put(t, Access.ENTERPRISE, "GET /my/cultivation");
        // 金融超市 and the enterprise's own applications
        put(t, Access.ENTERPRISE, "GET /my/market", "GET /my/market/{id}", "POST /my/market/{id}", "GET /my/applications",
                "GET /my/applications/{id}", "POST /my/applications/{id}/withdraw", "POST /my/applications/{id}/answer");
        // a bank's credit workspace: its products' white-lists, its applications and its loans
        put(t, Access.BANK, "GET /bank/whitelist", "GET /bank/whitelist/export", "GET /bank/applications",
                "GET /bank/applications/export", "GET /bank/applications/{id}", "POST /bank/applications/{id}/decide",
                "POST /bank/applications/{id}/loan", "GET /bank/loans", "GET /bank/loans/export", "POST /bank/loans");
        // the bureau's credit statistics
        put(t, Access.STAFF, "GET /credit/totals", "GET /credit/totals/export");
        // 双创大赛: staff run contests; an expert reaches only their own assignments (404 for others')
        put(t, Access.STAFF, "GET /contests", "GET /contests/new", "POST /contests", "GET /contests/template",
                "GET /contests/{id}", "POST /contests/{id}/entries", "POST /contests/{id}/weight",
                "POST /contests/{id}/entries/{entryId}/match", "POST /contests/{id}/entries/{entryId}/assign",
                "POST /contests/{id}/entries/{entryId}/award", "GET /contests/{id}/screening",
                "GET /contests/{id}/screening/export");
        put(t, Access.EXPERT, "GET /expert", "GET /expert/assignments/{id}", "POST /expert/assignments/{id}/declaration",
                "POST /expert/assignments/{id}/scores");
        // 预算绩效: the bureau's own performance targets, staff only
        put(t, Access.STAFF, "GET /performance", "POST /performance/import", "GET /performance/{id}",
                "GET /performance/{id}/export", "GET /performance/indicators/{id}", "POST /performance/indicators/{id}",
                "POST /performance/indicators/{id}/actuals", "POST /performance/indicators/{id}/score",
                "GET /performance/{id}/monitoring", "POST /performance/{id}/snapshot", "GET /performance/{id}/monitoring/export",
                "GET /performance/{id}/evaluation", "POST /performance/{id}/evaluation", "GET /performance/{id}/evaluation/export",
                "GET /performance/{id}/edit", "POST /performance/{id}/edit", "GET /performance/{id}/pdf",
                "GET /performance/{id}/evaluation/pdf");
        // operations: health and the orchestrator's probes for everyone (no details), metrics for administrators
        put(t, Access.PUBLIC, "GET /actuator/health", "GET /actuator/health/liveness", "GET /actuator/health/readiness");
        put(t, Access.ADMIN, "GET /actuator", "GET /actuator/prometheus");
        // a partner bank's API keys: staff issue, rotate and revoke them
        put(t, Access.STAFF, "GET /credit/banks/{code}/credentials", "POST /credit/banks/{code}/credentials",
                "POST /credit/banks/{code}/credentials/{keyId}/rotate", "POST /credit/banks/{code}/credentials/{keyId}/revoke");
        // the bank API's description and its Swagger UI: public, they hold no data
        put(t, Access.PUBLIC, "GET /api/v1/openapi.json", "GET /api/v1/openapi.json.yaml",
                "GET /api/v1/openapi.json/swagger-config", "GET /api/v1/docs");
        // the bank API: API keys only
        put(t, Access.BANK_API, "GET /api/v1/bank/products", "GET /api/v1/bank/whitelist",
                "GET /api/v1/bank/enterprises/{uscc}", "GET /api/v1/bank/applications", "GET /api/v1/bank/applications/{id}",
                "POST /api/v1/bank/applications/{id}/decision", "POST /api/v1/bank/applications/{id}/loan",
                "GET /api/v1/bank/loans", "POST /api/v1/bank/loans");
        return t;
    }

    private static void put(Map<String, Access> table, Access access, String... endpoints) {
        for (String e : endpoints) {
            if (table.put(e, access) != null) {
                throw new IllegalStateException("listed twice: " + e);
            }
        }
    }

    /** Ids no row has: state-changing requests reach the service but change nothing. */
    private static final String NO_ID = "987654321";

    @Autowired
    MockMvc mvc;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mappings;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PathMappedEndpoints actuator;

    @Autowired
    HealthEndpointGroups healthGroups;

    private String uscc;
    private String activeModel;
    private String contest;

    @BeforeAll
    void testData() {
        uscc = TestEnterprises.register(jdbc, "权限矩阵测试企业");
        activeModel = jdbc.sql("select id from score_model where status = 'ACTIVE'").query(Long.class).single().toString();
        // a real contest, so that its pages (and their paging) render rather than answer 404
        jdbc.sql("insert into contest (name, contest_year, expert_weight, created_by, created_at) values (?, 2026, 70, 'staff', current_timestamp)")
                .param(TestEnterprises.uniqueName("权限矩阵大赛")).update();
        contest = jdbc.sql("select max(id) from contest").query(Long.class).single().toString();
        jdbc.sql("insert into contest_group (contest_id, name, position) values (?, '初创组', 0)").param(Long.parseLong(contest)).update();
    }

    @Test
    void everyEndpointIsInTheAccessTable() {
        Set<String> endpoints = endpoints();

        assertThat(new TreeSet<>(endpoints)).as("endpoints without a row in the access table — decide who may use them")
                .isSubsetOf(TABLE.keySet());
        assertThat(new TreeSet<>(TABLE.keySet())).as("access table rows for endpoints that no longer exist")
                .isSubsetOf(endpoints);
    }

    @Test
    void everyEndpointAnswersEachAudienceAsTheTableSays() throws Exception {
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (String endpoint : endpoints()) {
            Access access = TABLE.get(endpoint);
            if (access == null) {
                continue; // reported by everyEndpointIsInTheAccessTable
            }
            for (Audience who : Audience.values()) {
                // a machine's endpoint answers an anonymous caller 401, it does not send it to the sign-in form
                Outcome expected = access.allows(who) ? Outcome.ALLOWED
                        : who == Audience.ANONYMOUS && !isActuator(endpoint) && access != Access.BANK_API ? Outcome.SIGN_IN
                        : Outcome.FORBIDDEN;
                Result actual = perform(endpoint, who, true);
                checked++;
                if (actual.outcome() != expected) {
                    wrong.add(endpoint + " as " + who + ": expected " + expected + ", got " + actual);
                }
            }
        }
        assertThat(wrong).as("endpoints answering the wrong audience").isEmpty();
        assertThat(checked).isGreaterThanOrEqualTo(TABLE.size() * Audience.values().length);
    }

    @Test
    void staffPagesActuallyRenderForStaffWithRealData() throws Exception {
        for (String endpoint : List.of("GET /enterprises/{uscc}", "GET /models/{id}", "GET /audit", "GET /registrations",
                "GET /collection/templates/{source}", "GET /contests/{id}", "GET /contests/{id}/screening", "GET /contests")) {
            assertThat(perform(endpoint, Audience.STAFF, true).status()).as(endpoint).isEqualTo(200);
        }
        assertThat(perform("GET /admin/users/{username}", Audience.ADMIN, true).status()).isEqualTo(200);
        assertThat(perform("GET /declarations/{year:\\d{4}}", Audience.ENTERPRISE, true).status()).isEqualTo(200);
        assertThat(perform("GET /expert", Audience.EXPERT, true).status()).isEqualTo(200);
    }

    @Test
    void everyStateChangingEndpointRefusesARequestWithoutTheCsrfToken() throws Exception {
        List<String> accepted = new ArrayList<>();
        for (String endpoint : endpoints()) {
            if (endpoint.startsWith("GET ") || endpoint.startsWith("ANY ")) {
                continue;
            }
            Access access = TABLE.getOrDefault(endpoint, Access.ADMIN);
            if (access == Access.BANK_API) {
                continue; // no session, no CSRF token: a bearer key is never sent by a browser on its own (bankapi tests)
            }
            Audience allowed = EnumSet.allOf(Audience.class).stream().filter(access::allows).findFirst().orElseThrow();
            Result result = perform(endpoint, allowed, false);
            if (result.status() != 403) {
                accepted.add(endpoint + " as " + allowed + " without token: " + result);
            }
        }
        assertThat(accepted).as("POSTs accepted without a CSRF token").isEmpty();
    }

    /** Paging values no pager link produces, each of which a list must answer as it answers no paging at all. */
    private static final List<String> ABSURD_PAGING = List.of("page=2147483647", "page=2147483647&size=100",
            "page=21474837&size=100", "page=-2147483648", "page=0", "size=2147483647", "size=-1", "size=0");
    /** Paging values that are no int: refused as a bad request, never a server error. */
    private static final List<String> UNREADABLE_PAGING = List.of("page=99999999999", "page=abc", "size=1e9");

    /** House rule: every list survives absurd paging values. The lists are found, not listed: every GET taking a page. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("listEndpoints")
    void everyListSurvivesAbsurdPagingValues(String endpoint) throws Exception {
        Access access = TABLE.getOrDefault(endpoint, Access.ADMIN);
        Audience allowed = EnumSet.allOf(Audience.class).stream().filter(access::allows).findFirst().orElseThrow();
        int plain = perform(endpoint, allowed, true, null).status();
        assertThat(plain).as(endpoint + " without paging").isLessThan(500);

        for (String paging : ABSURD_PAGING) {
            assertThat(perform(endpoint, allowed, true, paging).status()).as(endpoint + "?" + paging).isEqualTo(plain);
        }
        for (String paging : UNREADABLE_PAGING) {
            assertThat(perform(endpoint, allowed, true, paging).status()).as(endpoint + "?" + paging).isEqualTo(400);
        }
    }

    Stream<String> listEndpoints() {
        assertThat(mappings.getHandlerMethods()).isNotEmpty();
        Set<String> lists = new TreeSet<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (info.getMethodsCondition().getMethods().contains(RequestMethod.GET) && takesAPage(handler)) {
                info.getPatternValues().forEach(pattern -> lists.add("GET " + pattern));
            }
        });
        assertThat(lists).as("list endpoints found").contains("GET /enterprises", "GET /audit", "GET /admin/users",
                "GET /declarations/review", "GET /public/rankings");
        // the bank API's lists answer a key, not a session: BankCreditApiIntegrationTests holds them to the same rule
        return lists.stream().filter(e -> TABLE.get(e) != Access.BANK_API);
    }

    /** A {@code page} request parameter, or a form record with a {@code page} component. */
    private static boolean takesAPage(HandlerMethod handler) {
        for (MethodParameter p : handler.getMethodParameters()) {
            RequestParam param = p.getParameterAnnotation(RequestParam.class);
            String name = param != null && !param.name().isEmpty() ? param.name() : p.getParameter().getName();
            Class<?> type = p.getParameterType();
            if (name.equals("page") || type.isRecord() && Stream.of(type.getRecordComponents())
                    .anyMatch(c -> c.getName().equals("page"))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The MVC endpoints and the actuator's: every exposed actuator endpoint, the discovery page and the
     * health groups (the probes), read from the actuator itself so that exposing one more needs a row.
     */
    private Set<String> endpoints() {
        Set<String> all = new TreeSet<>(Endpoints.of(mappings));
        String base = actuator.getBasePath();
        all.add("GET " + base);
        actuator.getAllPaths().forEach(path -> all.add("GET " + path));
        String health = actuator.getPath(EndpointId.of("health"));
        healthGroups.getNames().forEach(group -> all.add("GET " + health + "/" + group));
        return all;
    }

    private static boolean isActuator(String endpoint) {
        return Endpoints.pattern(endpoint).startsWith("/actuator");
    }

    record Result(Outcome outcome, int status, String location) {
        @Override
        public String toString() {
            return outcome + " (" + status + (location == null ? "" : " → " + location) + ")";
        }
    }

    private Result perform(String endpoint, Audience who, boolean withCsrf) throws Exception {
        return perform(endpoint, who, withCsrf, null);
    }

    /** @param query a query string to append (null for none) */
    private Result perform(String endpoint, Audience who, boolean withCsrf, String query) throws Exception {
        String method = Endpoints.method(endpoint);
        String pattern = Endpoints.pattern(endpoint);
        HttpMethod httpMethod = method.equals("ANY") ? HttpMethod.GET : HttpMethod.valueOf(method);
        String uri = expand(pattern, httpMethod);
        if (query != null) {
            uri += (uri.contains("?") ? "&" : "?") + query;
        }
        var builder = request(httpMethod, uri).with(as(who));
        if (withCsrf) {
            builder.with(csrf());
        }
        try {
            MockHttpServletResponse response = mvc.perform(builder).andReturn().getResponse();
            String location = response.getRedirectedUrl();
            int status = response.getStatus();
            Outcome outcome = status == 403 || status == 401 ? Outcome.FORBIDDEN
                    : status == 302 && location != null && location.replaceFirst("^https?://[^/]+", "").equals("/login")
                    ? Outcome.SIGN_IN : Outcome.ALLOWED;
            return new Result(outcome, status, location);
        } catch (Exception e) {
            // MockMvc rethrows what a handler threw; security exceptions never get that far (the filter
            // chain turns them into 403 or the sign-in redirect), so the request was let through
            Throwable cause = e.getCause() == null ? e : e.getCause();
            if (cause instanceof AccessDeniedException || cause instanceof AuthenticationException) {
                return new Result(Outcome.FORBIDDEN, 403, null);
            }
            return new Result(Outcome.ALLOWED, 500, cause.getClass().getSimpleName());
        }
    }

    private RequestPostProcessor as(Audience who) {
        return switch (who) {
            case ANONYMOUS -> anonymous();
            case ADMIN -> TestUsers.admin();
            case STAFF -> TestUsers.staff();
            case ENTERPRISE -> TestUsers.enterprise(uscc);
            case BANK -> TestUsers.bank("MATRIX-BANK");
            case EXPERT -> TestUsers.expert();
        };
    }

    /** Fills path variables with test data: real rows where a page shows them, unknown ids where a POST would change data. */
    private String expand(String pattern, HttpMethod method) {
        return Endpoints.expand(pattern, variable -> value(variable, pattern, method == HttpMethod.GET));
    }

    private String value(String variable, String pattern, boolean reading) {
        return switch (variable) {
            case "uscc" -> uscc;
            case "id" -> reading && pattern.startsWith("/models/") ? activeModel
                    : reading && pattern.startsWith("/contests/") ? contest : NO_ID;
            case "entryId" -> NO_ID;
            case "attachmentId" -> NO_ID;
            case "keyId" -> "matrixnosuchkey"; // rotating or revoking a key nobody has: 404, changes nothing
            case "username" -> reading ? "staff" : "matrix-nobody";
            case "token" -> "matrix-no-such-token";
            case "code" -> "MATRIX-NO-SUCH-BANK"; // renaming a bank nobody has: reaches the service, changes nothing
            case "source" -> "TAX";
            case "year" -> String.valueOf(Year.now().getValue() - 1);
            case "slug" -> "staff";
            case "name" -> "staff-home.png";
            case "pool" -> "matrix-no-such-pool"; // building or changing a pool nobody has: 404, changes nothing
            default -> throw new IllegalStateException("no test value for path variable {" + variable + "} in " + pattern);
        };
    }
}
