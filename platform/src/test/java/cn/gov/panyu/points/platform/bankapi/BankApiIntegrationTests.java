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
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.credit.ProductRequests;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The bank API on a published demo district: keys issued, rotated and revoked by staff; the consent rules of the
 * officer's pages on every endpoint (never, expired, revoked and another bank's consent all look like no such
 * enterprise); the white-list's paging and changedSince; the rate limit; sessions and keys kept apart.
 */
@DemoDistrictTest
class BankApiIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("id=\"issued-token\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ApiCredentials credentials;
    @Autowired
    RestTestClient http;

    private final JsonMapper json = JsonMapper.builder().build();
    private String bank;
    private String key;
    /** Eligible for the lenient product: published on a list, no veto, a revenue of 100 万 or more (so a line ≥ 1 万). */
    private List<String> eligible;

    @BeforeEach
    void bankWithAKeyAndALenientProduct() throws Exception {
        bank = ApiKeys.newBank(jdbc);
        key = ApiKeys.issue(credentials, bank);
        publishLenientProduct(bank, TestEnterprises.uniqueName("宽松产品"));
        eligible = jdbc.sql("""
                        select ps.uscc from published_score ps
                        join enterprise_year y on y.uscc = ps.uscc and y.data_year = ps.data_year
                        where ps.data_year = (select max(data_year) from published_score) and ps.eligible
                          and ps.tier is not null and y.revenue_y0 >= 100
                        order by ps.uscc limit 6""").query(String.class).list().stream().map(String::trim).toList();
        assertThat(eligible).hasSize(6);
    }

    @Test
    void theReportNeedsAConsentThatIsActiveNowAndForThisBank() throws Exception {
        String never = eligible.get(0);
        String expired = eligible.get(1);
        String revoked = eligible.get(2);
        String otherBanks = eligible.get(3);
        String active = eligible.get(4);
        consent(expired, bank, LocalDate.now().minusDays(1), LocalDateTime.now().minusMonths(2));
        consent(revoked, bank, LocalDate.now().plusMonths(1), LocalDateTime.now().minusDays(3));
        jdbc.sql("update consent set ended_at = ?, ended_by = 'test', end_reason = 'REVOKED' where uscc = ? and bank_code = ?")
                .params(Timestamp.valueOf(LocalDateTime.now()), revoked, bank).update();
        consent(otherBanks, ApiKeys.newBank(jdbc), LocalDate.now().plusMonths(1), LocalDateTime.now());
        consent(active, bank, LocalDate.now().plusMonths(1), LocalDateTime.now());

        JsonNode unknown = notFound("/api/v1/bank/enterprises/91440113ZZZZZZZZZZ");
        for (String refused : List.of(never, expired, revoked, otherBanks)) {
            JsonNode problem = notFound("/api/v1/bank/enterprises/" + refused);
            // indistinguishable from an enterprise that does not exist
            assertThat(problem.get("title")).isEqualTo(unknown.get("title"));
            assertThat(problem.get("detail")).isEqualTo(unknown.get("detail"));
        }
        JsonNode report = ok("/api/v1/bank/enterprises/" + active);
        assertThat(report.get("uscc").asString()).isEqualTo(active);
        assertThat(report.get("consentExpires").asString()).isEqualTo(LocalDate.now().plusMonths(1).toString());
        assertThat(report.get("offers").get(0).get("eligible").asBoolean()).as(report.toString()).isTrue();
        assertThat(report.get("offers").get(0).get("lineWan").decimalValue()).isPositive();

        // the white-list holds the active consent only
        assertThat(usccs(ok("/api/v1/bank/whitelist"))).containsExactly(active);
    }

    @Test
    void theWhiteListIsPagedByCursorToTheEnd() throws Exception {
        List<String> consented = eligible.subList(0, 5);
        consented.forEach(u -> consent(u, bank, LocalDate.now().plusMonths(1), LocalDateTime.now()));

        List<String> read = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            JsonNode page = ok("/api/v1/bank/whitelist?size=2" + (cursor == null ? "" : "&cursor=" + cursor));
            read.addAll(usccs(page));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
            pages++;
        } while (cursor != null && pages < 10);

        assertThat(read).containsExactlyElementsOf(consented.stream().sorted().toList());
        JsonNode entry = ok("/api/v1/bank/whitelist?size=1").get("entries").get(0);
        assertThat(entry.get("tier").get("label").asString()).isNotBlank();
        assertThat(entry.get("lines").get(0).get("explanation").asString()).contains("基础额度");
        // absurd sizes are brought into range
        assertThat(usccs(ok("/api/v1/bank/whitelist?size=0"))).hasSize(1);
        assertThat(usccs(ok("/api/v1/bank/whitelist?size=2147483647"))).hasSize(5);
        assertThat(usccs(ok("/api/v1/bank/whitelist?size=-5"))).hasSize(1);
    }

    @Test
    void changedSinceReturnsNewConsentsUnlessTheProductsRulesChanged() throws Exception {
        String old = eligible.get(0);
        String fresh = eligible.get(1);
        consent(old, bank, LocalDate.now().plusMonths(1), LocalDateTime.now().minusDays(20));
        consent(fresh, bank, LocalDate.now().plusMonths(1), LocalDateTime.now());
        jdbc.sql("update credit_product set updated_at = ? where bank_code = ?")
                .params(Timestamp.valueOf(LocalDateTime.now().minusDays(30)), bank).update();
        LocalDateTime published = jdbc.sql("select max(published_at) from publication").query(Timestamp.class).single()
                .toLocalDateTime();
        LocalDateTime since = max(published, LocalDateTime.now().minusDays(10)).plusSeconds(1).withNano(0);

        assertThat(usccs(ok("/api/v1/bank/whitelist?changedSince=" + since))).containsExactly(fresh);
        assertThat(usccs(ok("/api/v1/bank/whitelist"))).containsExactlyInAnyOrder(old, fresh);

        jdbc.sql("update credit_product set updated_at = ? where bank_code = ?")
                .params(Timestamp.valueOf(LocalDateTime.now()), bank).update();
        assertThat(usccs(ok("/api/v1/bank/whitelist?changedSince=" + since))).containsExactlyInAnyOrder(old, fresh);
    }

    @Test
    void productsAreTheBanksOwnCurrentOnesAndAnotherBanksProductIsUnknown() throws Exception {
        String other = ApiKeys.newBank(jdbc);
        publishLenientProduct(other, "别家银行的产品");
        long othersProduct = jdbc.sql("select id from credit_product where bank_code = ?").param(other).query(Long.class).single();
        long ownProduct = jdbc.sql("select id from credit_product where bank_code = ?").param(bank).query(Long.class).single();

        JsonNode products = ok("/api/v1/bank/products");
        assertThat(products.valueStream().map(p -> p.get("id").asLong()).toList()).containsExactly(ownProduct);

        notFound("/api/v1/bank/whitelist?productId=" + othersProduct);
        consent(eligible.get(0), bank, LocalDate.now().plusMonths(1), LocalDateTime.now());
        assertThat(usccs(ok("/api/v1/bank/whitelist?productId=" + ownProduct))).containsExactly(eligible.get(0));
    }

    @Test
    void staffIssueRotateAndRevokeKeysOnThePartnerBanksPage() throws Exception {
        String page = staffPage(get("/credit/banks/" + bank + "/credentials"));
        assertThat(page).doesNotContain("id=\"issued-token\"");

        String first = token(staffPage(post("/credit/banks/" + bank + "/credentials").param("label", "信贷系统").with(csrf())));
        String firstId = first.substring(0, first.indexOf('.'));
        // stored as the SHA-256 of the secret only
        String stored = jdbc.sql("select secret_hash from api_credential where key_id = ?").param(firstId).query(String.class).single();
        assertThat(stored).isEqualTo(ApiCredentials.hash(first.substring(first.indexOf('.') + 1))).doesNotContain(first);
        assertThat(staffPage(get("/credit/banks/" + bank + "/credentials"))).contains(firstId).doesNotContain(first);
        assertThat(call(first)).isEqualTo(200);

        String second = token(staffPage(post("/credit/banks/" + bank + "/credentials/" + firstId + "/rotate").with(csrf())));
        assertThat(call(second)).isEqualTo(200);
        assertThat(call(first)).as("the old key works during the grace period").isEqualTo(200);
        jdbc.sql("update api_credential set expires_at = ? where key_id = ?")
                .params(Timestamp.valueOf(LocalDateTime.now().minusSeconds(1)), firstId).update();
        assertThat(call(first)).as("and not after it").isEqualTo(401);
        // a rotated key is not rotated again
        mvc.perform(post("/credit/banks/" + bank + "/credentials/" + firstId + "/rotate").with(csrf()).with(TestUsers.staff()))
                .andExpect(status().isNotFound());

        String secondId = second.substring(0, second.indexOf('.'));
        mvc.perform(post("/credit/banks/" + bank + "/credentials/" + secondId + "/revoke").with(csrf()).with(TestUsers.staff()))
                .andExpect(status().is3xxRedirection());
        assertThat(call(second)).as("revoked at once").isEqualTo(401);
        mvc.perform(post("/credit/banks/" + bank + "/credentials/" + secondId + "/revoke").with(csrf()).with(TestUsers.staff()))
                .andExpect(status().isNotFound());

        // another bank's key through this bank's page, and an unknown bank: 404
        String othersKeyId = ApiKeys.keyId(ApiKeys.issue(credentials, ApiKeys.newBank(jdbc)));
        mvc.perform(post("/credit/banks/" + bank + "/credentials/" + othersKeyId + "/revoke").with(csrf()).with(TestUsers.staff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/credit/banks/NO-SUCH-BANK/credentials").with(TestUsers.staff())).andExpect(status().isNotFound());

        assertThat(jdbc.sql("select detail from audit_event where action = 'API_CREDENTIAL_CHANGE' and detail like ?")
                .param("%" + bank + "%").query(String.class).list())
                .anyMatch(d -> d.startsWith("为 ") && d.contains(firstId))
                .anyMatch(d -> d.startsWith("轮换 ") && d.contains(firstId + " → " + secondId))
                .anyMatch(d -> d.startsWith("撤销 ") && d.contains(secondId))
                .noneMatch(d -> d.contains(first.substring(first.indexOf('.') + 1)));
        // a bank officer has no business here
        mvc.perform(get("/credit/banks/" + bank + "/credentials").with(TestUsers.bank(bank))).andExpect(status().isForbidden());
    }

    @Test
    void aKeyIsRateLimitedWith429AndRetryAfterAndOtherKeysAreNot() throws Exception {
        int allowed = 0;
        MockHttpServletResponse refused = null;
        for (int i = 0; i < 1000 && refused == null; i++) {
            MockHttpServletResponse r = mvc.perform(get("/api/v1/bank/products").header(HttpHeaders.AUTHORIZATION, key))
                    .andReturn().getResponse();
            if (r.getStatus() == 429) {
                refused = r;
            } else {
                assertThat(r.getStatus()).isEqualTo(200);
                allowed++;
            }
        }

        assertThat(refused).as("refused once the minute's calls are used").isNotNull();
        assertThat(allowed).isGreaterThanOrEqualTo(120); // points.bank-api.requests-per-minute (default)
        assertThat(Integer.parseInt(refused.getHeader(HttpHeaders.RETRY_AFTER))).isBetween(1, 60);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(json.readTree(refused.getContentAsString(StandardCharsets.UTF_8)).get("detail").asString())
                .contains("秒后重试");
        assertThat(call(ApiKeys.issue(credentials, bank).substring("Bearer ".length()))).isEqualTo(200);
    }

    @Test
    void aSignedInSessionOpensNoApiAndAKeyOpensNoPage() throws Exception {
        String session = SignIn.as(http, "bank");
        http.get().uri("/bank/enterprises").header(HttpHeaders.COOKIE, session).exchange().expectStatus().isOk();
        http.get().uri("/api/v1/bank/products").header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isUnauthorized()
                .expectHeader().contentTypeCompatibleWith("application/problem+json")
                .expectHeader().doesNotExist(HttpHeaders.SET_COOKIE);

        mvc.perform(get("/bank/enterprises").header(HttpHeaders.AUTHORIZATION, ApiKeys.issue(credentials, "DEMO-BANK")))
                .andExpect(status().is3xxRedirection());
    }

    private void publishLenientProduct(String bankCode, String name) throws Exception {
        // every stage and list, no minimum, nothing excluded, base 100 万 for every tier: line = min(100, revenue)
        mvc.perform(ProductRequests.filled(post("/bank/products"), name, "stages", "STARTUP|GROWTH|MATURE", "lowestTier",
                        "RISE", "minimumTotal", "", "excludedNegatives", null, "minimumYears", "0", "baseLead", "100",
                        "baseRun", "100", "baseRise", "100", "bands", "").with(TestUsers.bank(bankCode)))
                .andExpect(status().is3xxRedirection());
    }

    private void consent(String uscc, String bankCode, LocalDate expires, LocalDateTime granted) {
        jdbc.sql("""
                        insert into consent (uscc, bank_code, granted_by, granted_at, expires_on)
                        values (?, ?, 'test', ?, ?)""")
                .params(uscc, bankCode, Timestamp.valueOf(granted), expires).update();
    }

    private int call(String token) throws Exception {
        return mvc.perform(get("/api/v1/bank/products").header(HttpHeaders.AUTHORIZATION, "Bearer " + token))
                .andReturn().getResponse().getStatus();
    }

    private String staffPage(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(TestUsers.staff())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static String token(String page) {
        Matcher m = TOKEN.matcher(page);
        assertThat(m.find()).as("the new key is shown").isTrue();
        return m.group(1);
    }

    private JsonNode ok(String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, key)).andReturn().getResponse();
        assertThat(r.getStatus()).as(path + ": " + r.getContentAsString(StandardCharsets.UTF_8)).isEqualTo(200);
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private JsonNode notFound(String path) throws Exception {
        MockHttpServletResponse r = mvc.perform(get(path).header(HttpHeaders.AUTHORIZATION, key)).andReturn().getResponse();
        assertThat(r.getStatus()).as(path).isEqualTo(404);
        assertThat(r.getContentType()).startsWith("application/problem+json");
        return json.readTree(r.getContentAsString(StandardCharsets.UTF_8));
    }

    private static List<String> usccs(JsonNode page) {
        return page.get("entries").valueStream().map(e -> e.get("uscc").asString()).toList();
    }

    private static LocalDateTime max(LocalDateTime a, LocalDateTime b) {
        return a.isAfter(b) ? a : b;
    }
}
