package cn.gov.panyu.points.platform.bankapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every kind of error of the bank API answered as an RFC 9457 problem detail in Chinese, never an HTML page or a
 * stack trace, proven on the real endpoints that take JSON (recording a loan, deciding an application); and
 * Idempotency-Key on a state-changing call (recording a loan: counted in the loans table). A server error is
 * {@link ApiExceptionHandlerTests}' case.
 */
@PlatformIntegrationTest
class BankApiProblemsIntegrationTests {

    private static final String LOANS = "/api/v1/bank/loans";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiCredentials credentials;
    @Autowired
    IdempotencyStore store;

    private final JsonMapper json = JsonMapper.builder().build();
    private String bank;
    private String key;
    private String enterprise;

    @BeforeEach
    void aBankWithAKeyAndAnEnterprise() {
        bank = ApiKeys.newBank(jdbc);
        key = ApiKeys.issue(credentials, bank);
        enterprise = TestEnterprises.register(jdbc, TestEnterprises.uniqueName("放款企业"));
    }

    @Test
    void noKeyABadKeyAndAnotherSchemeAre401() throws Exception {
        JsonNode none = problem(get("/api/v1/bank/products"), 401);
        assertThat(none.get("detail").asString()).contains("Authorization").contains("Bearer");

        MockHttpServletResponse wrong = mvc.perform(get("/api/v1/bank/products")
                .header(HttpHeaders.AUTHORIZATION, key.substring(0, key.length() - 2) + "xx")).andReturn().getResponse();
        assertThat(wrong.getStatus()).isEqualTo(401);
        assertThat(wrong.getHeader(HttpHeaders.WWW_AUTHENTICATE)).contains("invalid_token");
        assertThat(read(wrong).get("detail").asString()).isEqualTo("接口密钥无效、已撤销或已过期。请向区科工商信局申请有效的密钥。");

        problem(get("/api/v1/bank/products").header(HttpHeaders.AUTHORIZATION, "Basic YmFuazpEZW1vIzIwMjU="), 401);
        problem(get("/api/v1/bank/products").header(HttpHeaders.AUTHORIZATION, "Bearer no-dot-at-all"), 401);
    }

    @Test
    void aSignedInBankOfficerIsRefusedAndAKeyOutsideTheBankApiToo() throws Exception {
        problem(get("/api/v1/bank/products").with(TestUsers.bank("DEMO-BANK")), 403);
        problem(get("/api/v2/anything").header(HttpHeaders.AUTHORIZATION, key), 403);
    }

    @Test
    void unknownPathsAndMethodsAre404And405() throws Exception {
        JsonNode missing = problem(get("/api/v1/bank/no-such-thing").header(HttpHeaders.AUTHORIZATION, key), 404);
        assertThat(missing.get("detail").asString()).isEqualTo("请求的资源不存在。");
        assertThat(missing.get("instance").asString()).isEqualTo("/api/v1/bank/no-such-thing");

        MockHttpServletResponse method = mvc.perform(delete("/api/v1/bank/products").header(HttpHeaders.AUTHORIZATION, key))
                .andReturn().getResponse();
        assertThat(method.getStatus()).isEqualTo(405);
        assertThat(read(method).get("title").asString()).isEqualTo("请求方法不支持");
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        JsonNode problem = problem(post(LOANS).header(HttpHeaders.AUTHORIZATION, key).contentType(MediaType.TEXT_PLAIN)
                .content("uscc=" + enterprise), 415);
        assertThat(problem.get("detail").asString()).contains("application/json");
    }

    @Test
    void badJsonAndValuesOfTheWrongTypeAre400() throws Exception {
        assertThat(problem(loan("{\"uscc\": \"" + enterprise + "\", "), 400).get("detail").asString()).contains("不是有效的 JSON");
        // a product id that is no number; a decision that is a list instead of a text
        problem(loan(outsideLoan("150").replace("}", ", \"productId\": \"many\"}")), 400);
        problem(post("/api/v1/bank/applications/987654321/decision").header(HttpHeaders.AUTHORIZATION, key)
                .contentType(MediaType.APPLICATION_JSON).content("{\"decision\": [\"ACCEPT\"]}"), 400);
        problem(loan(""), 400);
        assertThat(loansOf(bank)).isZero();
    }

    @Test
    void badFieldsAre400NamingEachField() throws Exception {
        JsonNode problem = problem(loan("{\"uscc\": \"" + enterprise + "\", \"amount\": \"0\", \"rate\": \" \", "
                + "\"termMonths\": \"twelve\", \"grantedOn\": \"" + LocalDate.now().plusDays(1) + "\"}"), 400);

        assertThat(problem.get("detail").asString()).startsWith("请求中有 4 处字段不符合要求");
        List<String> fields = problem.get("errors").valueStream().map(e -> e.get("field").asString()).sorted().toList();
        assertThat(fields).containsExactly("amount", "grantedOn", "rate", "termMonths");
        assertThat(problem.get("errors").valueStream().map(e -> e.get("detail").asString()))
                .allMatch(detail -> detail.matches(".*\\p{IsHan}.*"));
        assertThat(loansOf(bank)).isZero();
    }

    @Test
    void badQueryParametersAre400() throws Exception {
        assertThat(problem(get("/api/v1/bank/whitelist?size=abc").header(HttpHeaders.AUTHORIZATION, key), 400)
                .get("detail").asString()).isEqualTo("参数 size 的值「abc」无效。");
        problem(get("/api/v1/bank/whitelist?changedSince=yesterday").header(HttpHeaders.AUTHORIZATION, key), 400);
        problem(get("/api/v1/bank/whitelist?cursor=../../etc").header(HttpHeaders.AUTHORIZATION, key), 400);
    }

    @Test
    void aRetryWithTheSameIdempotencyKeyGetsTheFirstAnswerWithoutRunningAgain() throws Exception {
        String body = outsideLoan("300");

        MockHttpServletResponse first = mvc.perform(loan(body).header("Idempotency-Key", "k-1")).andReturn().getResponse();
        MockHttpServletResponse retry = mvc.perform(loan(body).header("Idempotency-Key", "k-1")).andReturn().getResponse();

        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(first.getContentAsString(StandardCharsets.UTF_8));
        assertThat(retry.getHeader("Idempotency-Replayed")).isEqualTo("true");
        assertThat(first.getHeader("Idempotency-Replayed")).isNull();
        assertThat(loansOf(bank)).isEqualTo(1);

        // another key, or no key: a new request
        mvc.perform(loan(body).header("Idempotency-Key", "k-2")).andReturn();
        mvc.perform(loan(body)).andReturn();
        assertThat(loansOf(bank)).isEqualTo(3);
    }

    @Test
    void idempotencyKeysBelongToTheCallingApiKey() throws Exception {
        String otherBank = ApiKeys.newBank(jdbc);
        String otherKey = ApiKeys.issue(credentials, otherBank);
        String body = outsideLoan("300");

        mvc.perform(loan(body).header("Idempotency-Key", "shared")).andReturn();
        MockHttpServletResponse other = mvc.perform(post(LOANS).header(HttpHeaders.AUTHORIZATION, otherKey)
                .contentType(MediaType.APPLICATION_JSON).content(body).header("Idempotency-Key", "shared")).andReturn().getResponse();

        assertThat(other.getStatus()).isEqualTo(201);
        assertThat(other.getHeader("Idempotency-Replayed")).isNull();
        assertThat(loansOf(bank)).isEqualTo(1);
        assertThat(loansOf(otherBank)).isEqualTo(1);
    }

    @Test
    void theSameIdempotencyKeyOnAnotherRequestIs422AndOnOneStillRunning409() throws Exception {
        mvc.perform(loan(outsideLoan("1")).header("Idempotency-Key", "k-3")).andReturn();
        JsonNode changed = problem(loan(outsideLoan("2")).header("Idempotency-Key", "k-3"), 422);
        assertThat(changed.get("detail").asString()).contains("Idempotency-Key");

        // the same request as one that has claimed its key and not answered yet
        String body = outsideLoan("1");
        String running = IdempotencyFilter.fingerprint(new MockHttpServletRequest("POST", LOANS),
                body.getBytes(StandardCharsets.UTF_8));
        assertThat(store.claim(ApiKeys.keyId(key), "k-4", running)).isTrue();
        problem(loan(body).header("Idempotency-Key", "k-4"), 409);

        problem(loan(outsideLoan("1")).header("Idempotency-Key", "x".repeat(65)), 400);
        assertThat(loansOf(bank)).isEqualTo(1);
    }

    @Test
    void everyCallIsAuditedWithoutTheSecret() throws Exception {
        mvc.perform(get("/api/v1/bank/products?x=1").header(HttpHeaders.AUTHORIZATION, key)).andReturn();
        mvc.perform(get("/api/v1/bank/nothing-here").header(HttpHeaders.AUTHORIZATION, key)).andReturn();

        List<String> details = jdbc.sql("""
                        select detail from audit_event where action = 'API_CALL' and username = ? and role = 'BANK'
                        order by id""")
                .param("api:" + ApiKeys.keyId(key)).query(String.class).list();
        assertThat(details).containsExactly("GET /api/v1/bank/products?x=1 → 200", "GET /api/v1/bank/nothing-here → 404");
        String secret = key.substring(key.indexOf('.') + 1);
        assertThat(jdbc.sql("select count(*) from audit_event where detail like ?").param("%" + secret + "%")
                .query(Long.class).single()).isZero();
    }

    /** A loan from outside the platform, recorded through the real endpoint with the bank's key. */
    private MockHttpServletRequestBuilder loan(String body) {
        return post(LOANS).header(HttpHeaders.AUTHORIZATION, key).contentType(MediaType.APPLICATION_JSON).content(body);
    }

    /** A valid outside loan of {@code amount} 万元 to the registered enterprise. */
    private String outsideLoan(String amount) {
        return "{\"uscc\": \"" + enterprise + "\", \"amount\": \"" + amount + "\", \"rate\": \"3.6\", "
                + "\"termMonths\": \"12\", \"grantedOn\": \"" + LocalDate.now() + "\"}";
    }

    private long loansOf(String bankCode) {
        return jdbc.sql("select count(*) from credit_loan where bank_code = ?").param(bankCode).query(Long.class).single();
    }

    /** Performs the request and checks that the answer is a problem detail of {@code status}. */
    private JsonNode problem(MockHttpServletRequestBuilder request, int status) throws Exception {
        MockHttpServletResponse response = mvc.perform(request).andReturn().getResponse();
        assertThat(response.getStatus()).as(response.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(status);
        return read(response);
    }

    private JsonNode read(MockHttpServletResponse response) throws Exception {
        assertThat(response.getContentType()).startsWith("application/problem+json");
        String body = response.getContentAsString(StandardCharsets.UTF_8);
        assertThat(body).doesNotContain("<html").doesNotContain("Exception");
        JsonNode problem = json.readTree(body);
        assertThat(problem.get("status").asInt()).isEqualTo(response.getStatus());
        assertThat(problem.get("type").asString()).isEqualTo("about:blank");
        assertThat(problem.get("title").asString()).isNotBlank();
        // Chinese for the bank's staff reading their system's log
        assertThat(problem.get("detail").asString()).containsPattern("\\p{IsHan}");
        return problem;
    }
}
