package cn.gov.panyu.points.platform.bankapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.credit.ProductRequests;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A bank's system works its applications and records loans through the API, as its officers do on the pages:
 * the same steps are allowed and refused with the same Chinese words, another bank's application is 404 like an
 * unknown one, and a retried loan with its Idempotency-Key is recorded once.
 */
@DemoDistrictTest
class BankCreditApiIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiCredentials credentials;

    private final JsonMapper json = JsonMapper.builder().build();
    private String bank;
    private String key;
    private String applicant;
    private long product;

    @BeforeEach
    void bankProductAndApplicant() throws Exception {
        bank = ApiKeys.newBank(jdbc);
        key = ApiKeys.issue(credentials, bank);
        applicant = PortalFixture.otherListed(jdbc, 80).get(75);
        jdbc.sql("update consent set ended_at = ?, ended_by = 'test', end_reason = 'REVOKED' where uscc = ? and ended_at is null")
                .params(Timestamp.valueOf(LocalDateTime.now()), applicant).update();
        product = ProductRequests.openProduct(mvc, jdbc, bank, "接口申请测试产品");
    }

    @Test
    void aBanksSystemAcceptsAnApplicationAndRecordsItsLoanOnceWhateverTheRetries() throws Exception {
        long id = apply();

        JsonNode inbox = ok(get("/api/v1/bank/applications?status=SUBMITTED"));
        assertThat(inbox.get("items").valueStream().map(a -> a.get("id").asLong()).toList()).contains(id);
        JsonNode one = ok(get("/api/v1/bank/applications/" + id));
        assertThat(one.get("application").get("statusLabel").asString()).isEqualTo("已提交");
        assertThat(one.get("application").get("uscc").asString()).isEqualTo(applicant);
        assertThat(one.get("history").size()).isGreaterThanOrEqualTo(1);

        JsonNode accepted = ok(post("/api/v1/bank/applications/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"ACCEPT\"}"));
        assertThat(accepted.get("status").asString()).isEqualTo("ACCEPTED");

        String loan = "{\"amount\": \"80\", \"rate\": \"3.85\", \"termMonths\": \"12\", \"grantedOn\": \"" + LocalDate.now() + "\"}";
        MockHttpServletResponse first = call(post("/api/v1/bank/applications/" + id + "/loan")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "loan-" + id).content(loan));
        MockHttpServletResponse retry = call(post("/api/v1/bank/applications/" + id + "/loan")
                .contentType(MediaType.APPLICATION_JSON).header("Idempotency-Key", "loan-" + id).content(loan));
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(retry.getStatus()).isEqualTo(201);
        assertThat(retry.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(first.getContentAsString(StandardCharsets.UTF_8));
        assertThat(jdbc.sql("select count(*) from credit_loan where application_id = ?").param(id).query(Long.class).single())
                .isEqualTo(1);
        assertThat(ok(get("/api/v1/bank/applications/" + id)).get("application").get("status").asString()).isEqualTo("LOANED");
    }

    @Test
    void stepsTheApplicationDoesNotAllowAndBadFieldsAreProblemsInChinese() throws Exception {
        long id = apply();

        JsonNode early = problem(post("/api/v1/bank/applications/" + id + "/loan").contentType(MediaType.APPLICATION_JSON)
                .content("{\"amount\": \"80\", \"rate\": \"3.85\", \"termMonths\": \"12\", \"grantedOn\": \"" + LocalDate.now() + "\"}"), 409);
        assertThat(early.get("detail").asString()).matches(".*[\\u4e00-\\u9fa5].*");

        JsonNode noReason = problem(post("/api/v1/bank/applications/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"REJECT\"}"), null);
        assertThat(noReason.get("status").asInt()).isIn(400, 409);
        problem(post("/api/v1/bank/applications/" + id + "/decision").contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"MAYBE\"}"), 400);

        JsonNode badLoan = problem(post("/api/v1/bank/loans").contentType(MediaType.APPLICATION_JSON)
                .content("{\"uscc\": \"" + applicant + "\", \"amount\": \"-1\", \"rate\": \"abc\", \"termMonths\": \"12\", "
                        + "\"grantedOn\": \"" + LocalDate.now() + "\"}"), 400);
        List<String> fields = badLoan.get("errors").valueStream().map(e -> e.get("field").asString()).sorted().toList();
        assertThat(fields).containsExactly("amount", "rate");
        assertThat(ok(get("/api/v1/bank/applications/" + id)).get("application").get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void anotherBanksApplicationIsNotFoundLikeAnUnknownOne() throws Exception {
        long id = apply();
        String other = ApiKeys.issue(credentials, ApiKeys.newBank(jdbc));

        for (String path : List.of("/api/v1/bank/applications/" + id, "/api/v1/bank/applications/987654321")) {
            MockHttpServletResponse r = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, other)).andReturn().getResponse();
            assertThat(r.getStatus()).isEqualTo(404);
            assertThat(r.getContentType()).startsWith("application/problem+json");
        }
        MockHttpServletResponse decide = mvc.perform(post("/api/v1/bank/applications/" + id + "/decision")
                .header(HttpHeaders.AUTHORIZATION, other).contentType(MediaType.APPLICATION_JSON)
                .content("{\"decision\": \"ACCEPT\"}")).andReturn().getResponse();
        assertThat(decide.getStatus()).isEqualTo(404);
        assertThat(ok(get("/api/v1/bank/applications/" + id)).get("application").get("status").asString()).isEqualTo("SUBMITTED");
    }

    @Test
    void aLoanFromOutsideThePlatformIsRecordedOnceAndListed() throws Exception {
        String body = "{\"uscc\": \"" + applicant + "\", \"amount\": \"150\", \"rate\": \"3.6\", \"termMonths\": \"12\", "
                + "\"grantedOn\": \"" + LocalDate.now().minusDays(3) + "\"}";
        MockHttpServletResponse first = call(post("/api/v1/bank/loans").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "outside-" + bank).content(body));
        call(post("/api/v1/bank/loans").contentType(MediaType.APPLICATION_JSON)
                .header("Idempotency-Key", "outside-" + bank).content(body));
        assertThat(first.getStatus()).isEqualTo(201);
        assertThat(jdbc.sql("select count(*) from credit_loan where bank_code = ?").param(bank).query(Long.class).single())
                .isEqualTo(1);
        JsonNode loans = ok(get("/api/v1/bank/loans"));
        assertThat(loans.get("total").asLong()).isEqualTo(1);
        assertThat(loans.get("items").get(0).get("uscc").asString()).isEqualTo(applicant);
        assertThat(loans.get("items").get(0).get("applicationId").isNull()).isTrue();

        JsonNode unknown = problem(post("/api/v1/bank/loans").contentType(MediaType.APPLICATION_JSON)
                .content(body.replace(applicant, "91440113MA59ZZZZ0X")), 400);
        assertThat(unknown.get("errors").get(0).get("field").asString()).isEqualTo("uscc");
    }

    /** House rule: every list survives absurd paging values — the API's lists answer them as no paging at all. */
    @Test
    void theListsSurviveAbsurdPaging() throws Exception {
        apply();
        for (String list : List.of("/api/v1/bank/applications", "/api/v1/bank/loans")) {
            long total = ok(get(list)).get("total").asLong();
            for (String paging : List.of("page=2147483647", "page=-2147483648", "page=0", "size=2147483647", "size=0")) {
                assertThat(ok(get(list + "?" + paging)).get("total").asLong()).as(list + "?" + paging).isEqualTo(total);
            }
            problem(get(list + "?page=abc"), 400);
        }
    }

    /** Files an application of the applicant for the product through the 金融超市 form, as the enterprise does. */
    private long apply() throws Exception {
        MvcResult r = mvc.perform(post("/my/market/" + product).with(csrf()).with(TestUsers.enterprise(applicant))
                        .param("amount", "80").param("purpose", "研发设备采购").param("contactName", "张三")
                        .param("contactPhone", "020-84600000"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/my/applications/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private MockHttpServletResponse call(MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.header(HttpHeaders.AUTHORIZATION, key)).andReturn().getResponse();
    }

    private JsonNode ok(MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse r = call(request);
        assertThat(r.getStatus()).as(r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    /** A problem detail of {@code status} (any status when null), never a page or a stack trace. */
    private JsonNode problem(MockHttpServletRequestBuilder request, Integer status) throws Exception {
        MockHttpServletResponse r = call(request);
        String body = r.getContentAsString(StandardCharsets.UTF_8);
        if (status != null) {
            assertThat(r.getStatus()).as(body).isEqualTo(status);
        }
        assertThat(r.getContentType()).startsWith("application/problem+json");
        assertThat(body).doesNotContain("Exception").doesNotContain("<html");
        return json.readTree(body);
    }
}
