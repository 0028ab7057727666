package cn.gov.panyu.points.platform.credit;

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
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;

/**
 * The credit loop through the web on the demo district: an enterprise applies for a product it is eligible for,
 * which grants the bank a consent for as long as the application; the bank decides and records the loan; every
 * illegal step is refused; banks and enterprises reach only their own applications (404 otherwise); the
 * white-list holds consenting and eligible enterprises only.
 */
@DemoDistrictTest
class CreditApplicationsIntegrationTests {

    /** Banks of this class alone, so that no other test's products, consents or applications mix in. */
    private static final String BANK = "MARKET-A";
    private static final String OTHER_BANK = "MARKET-B";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String applicant;
    private String neighbour;
    private long product;

    @BeforeEach
    void productAndEnterprises() throws Exception {
        for (String code : List.of(BANK, OTHER_BANK)) {
            if (jdbc.sql("select count(*) from bank where code = ?").param(code).query(Long.class).single() == 0) {
                jdbc.sql("insert into bank (code, name) values (?, ?)").params(code, "测试银行" + code).update();
            }
        }
        List<String> listed = PortalFixture.otherListed(jdbc, 60);
        applicant = listed.get(40);
        neighbour = listed.get(41);
        for (String uscc : List.of(applicant, neighbour)) {
            jdbc.sql("update consent set ended_at = ?, ended_by = 'test', end_reason = 'REVOKED' where uscc = ? and ended_at is null")
                    .params(Timestamp.valueOf(LocalDateTime.now()), uscc).update();
        }
        product = ProductRequests.openProduct(mvc, jdbc, BANK, "申请测试产品");
    }

    @Test
    void applyingGrantsTheBankAConsentThatEndsWhenTheLoanIsRecorded() throws Exception {
        assertThat(page("/my/market", ent(applicant))).contains("id=\"offer-" + product + "\"").contains("核定依据：");
        assertThat(page("/bank/enterprises/" + applicant, bank())).isNull(); // no consent yet: 404

        long id = apply(applicant);

        Map<String, Object> consent = jdbc.sql("select bank_code, ended_at, application_id from consent where uscc = ? and application_id = ?")
                .params(applicant, id).query().singleRow();
        assertThat(consent.get("bank_code")).isEqualTo(BANK);
        assertThat(consent.get("ended_at")).isNull();
        assertThat(page("/my/consents", ent(applicant))).contains("随积分贷申请 #" + id + " 授予");
        assertThat(page("/bank/enterprises/" + applicant, bank())).contains("id=\"credit-offers\"");
        assertThat(page("/bank/applications", bank())).contains(name(applicant)).contains("已提交");

        decide(id, "ACCEPT", "");
        assertThat(statusOf(id)).isEqualTo("ACCEPTED");
        submit("/bank/applications/" + id + "/loan", bank(), "amount", "80", "rate", "3.85", "termMonths", "12",
                "grantedOn", LocalDate.now().toString());

        assertThat(statusOf(id)).isEqualTo("LOANED");
        assertThat(jdbc.sql("select end_reason from consent where application_id = ?").param(id).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(page("/bank/enterprises/" + applicant, bank())).as("the consent ended with the application").isNull();
        Map<String, Object> loan = jdbc.sql("select amount, rate, term_months, bank_code from credit_loan where application_id = ?")
                .param(id).query().singleRow();
        assertThat(loan.get("bank_code")).isEqualTo(BANK);
        assertThat(loan.get("amount").toString()).startsWith("80");
        String mine = page("/my/applications/" + id, ent(applicant));
        assertThat(mine).contains("已放款").contains("80 万元，年利率 3.85%，期限 12 个月");
        assertThat(page("/my/consents", ent(applicant))).contains("随申请结束");
    }

    @Test
    void illegalStepsAreRefusedAndChangeNothing() throws Exception {
        long id = apply(applicant);
        // a loan before the bank accepted
        String refused = submit("/bank/applications/" + id + "/loan", bank(), "amount", "80", "rate", "3.85", "termMonths", "12",
                "grantedOn", LocalDate.now().toString());
        assertThat(refused).contains("不能变为「已放款」");
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        // refusing without a reason, asking for information without saying what
        assertThat(decide(id, "REJECT", " ")).contains("请填写拒绝理由");
        assertThat(decide(id, "REQUEST_INFORMATION", "")).contains("请填写需补充的材料");
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        // the enterprise answers only when asked
        assertThat(submit("/my/applications/" + id + "/answer", ent(applicant), "answer", "补充")).contains("不能变为「已提交」");

        decide(id, "REQUEST_INFORMATION", "请补充近三个月的银行流水");
        assertThat(page("/my/applications/" + id, ent(applicant))).contains("请补充近三个月的银行流水").contains("需补充材料");
        submit("/my/applications/" + id + "/answer", ent(applicant), "answer", "已通过邮件发送流水");
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
        decide(id, "REJECT", "经营流水不足以支持申请金额");
        assertThat(statusOf(id)).isEqualTo("REJECTED");
        assertThat(page("/my/applications/" + id, ent(applicant))).contains("拒绝理由：经营流水不足以支持申请金额");

        // nothing leads on from a final status
        assertThat(decide(id, "ACCEPT", "")).contains("不能变为「已受理」");
        assertThat(submit("/my/applications/" + id + "/withdraw", ent(applicant))).contains("不能变为「已撤回」");
        assertThat(statusOf(id)).isEqualTo("REJECTED");
        assertThat(jdbc.sql("select end_reason from consent where application_id = ?").param(id).query(String.class).single())
                .isEqualTo("CLOSED");
        assertThat(jdbc.sql("select count(*) from credit_loan where application_id = ?").param(id).query(Long.class).single())
                .isZero();
        // the first decision is kept as the time of decision
        assertThat(jdbc.sql("select decided_at from credit_application where id = ?").param(id).query(Timestamp.class).single())
                .isNotNull();
    }

    @Test
    void revokingTheApplicationsConsentWithdrawsTheApplication() throws Exception {
        long id = apply(applicant);
        long consent = jdbc.sql("select id from consent where application_id = ?").param(id).query(Long.class).single();

        submit("/my/consents/" + consent + "/revoke", ent(applicant));

        assertThat(statusOf(id)).isEqualTo("WITHDRAWN");
        assertThat(page("/my/applications/" + id, ent(applicant))).contains("企业撤销了随申请授予银行的授权");
        assertThat(page("/bank/enterprises/" + applicant, bank())).isNull();
    }

    @Test
    void anOwnGrantToTheSameBankLeavesTheApplicationsConsentAlone() throws Exception {
        long id = apply(applicant);

        submit("/my/consents", ent(applicant), "bank", BANK, "expiresOn", LocalDate.now().plusMonths(3).toString());

        assertThat(jdbc.sql("select ended_at from consent where application_id = ?").param(id).query(Timestamp.class).list())
                .containsExactly((Timestamp) null);
        assertThat(jdbc.sql("select count(*) from consent where uscc = ? and bank_code = ? and ended_at is null")
                .params(applicant, BANK).query(Long.class).single()).isEqualTo(2);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void aSecondOpenApplicationForTheSameProductAndAnIneligibleOneAreRefused() throws Exception {
        apply(applicant);
        String again = submit("/my/market/" + product, ent(applicant), "amount", "50", "purpose", "流动资金",
                "contactName", "李四", "contactPhone", "13800000000");
        assertThat(again).contains("已有一笔办理中的该产品申请");

        String vetoed = jdbc.sql("""
                        select uscc from published_score
                        where data_year = (select max(data_year) from published_score) and not eligible
                        order by uscc limit 1""").query(String.class).single().trim();
        assertThat(page("/my/market", ent(vetoed))).contains("存在一票否决情形");
        String refused = submit("/my/market/" + product, ent(vetoed), "amount", "50", "purpose", "流动资金",
                "contactName", "李四", "contactPhone", "13800000000");
        assertThat(refused).contains("不符合本产品的申请条件");
        assertThat(jdbc.sql("select count(*) from credit_application where uscc = ?").param(vetoed).query(Long.class).single())
                .isZero();

        String bad = submit("/my/market/" + product, ent(neighbour), "amount", "0", "purpose", "", "contactName", "",
                "contactPhone", "abc");
        assertThat(bad).contains("申请金额（万元）：应在 1 到").contains("资金用途：不能为空").contains("联系电话");
    }

    @Test
    void banksAndEnterprisesReachOnlyTheirOwnApplications() throws Exception {
        long id = apply(applicant);

        assertThat(page("/bank/applications/" + id, TestUsers.bank(OTHER_BANK))).isNull();
        assertThat(page("/bank/applications", TestUsers.bank(OTHER_BANK))).doesNotContain(name(applicant));
        assertThat(page("/my/applications/" + id, ent(neighbour))).isNull();
        assertThat(page("/my/applications", ent(neighbour))).doesNotContain("#" + id + "<");
        assertStatus(post("/bank/applications/" + id + "/decide").param("decision", "ACCEPT").with(TestUsers.bank(OTHER_BANK)), 404);
        assertStatus(post("/my/applications/" + id + "/withdraw").with(ent(neighbour)), 404);
        assertStatus(post("/my/market/987654321").with(ent(applicant)), 404);
        // another bank's product is neither a white-list nor a product to record a loan under
        assertStatus(get("/bank/whitelist?product=" + product).with(TestUsers.bank(OTHER_BANK)), 404);
        assertThat(statusOf(id)).isEqualTo("SUBMITTED");
    }

    @Test
    void theWhiteListHoldsConsentingAndEligibleEnterprisesOnly() throws Exception {
        jdbc.sql("insert into consent (uscc, bank_code, granted_by, granted_at, expires_on) values (?, ?, 'test', ?, ?)")
                .params(neighbour, BANK, Timestamp.valueOf(LocalDateTime.now()), LocalDate.now().plusMonths(1)).update();

        String list = page("/bank/whitelist?product=" + product + "&size=100", bank());

        assertThat(list).contains(name(neighbour)).doesNotContain(name(applicant)).contains("基础额度 100 万");
        assertThat(page("/bank/whitelist?product=" + product + "&q=" + neighbour, bank())).contains(name(neighbour))
                .contains("共 1 条");
        // the consent granted by an application counts too, and the consent list still shows each enterprise once
        apply(applicant);
        jdbc.sql("insert into consent (uscc, bank_code, granted_by, granted_at, expires_on) values (?, ?, 'test', ?, ?)")
                .params(applicant, BANK, Timestamp.valueOf(LocalDateTime.now()), LocalDate.now().plusMonths(2)).update();
        assertThat(page("/bank/whitelist?product=" + product + "&size=100", bank())).contains(name(applicant));
        String consenting = page("/bank/enterprises?size=100", bank());
        assertThat(consenting.split("/bank/enterprises/" + applicant + "\"", -1)).hasSize(2);
    }

    @Test
    void aLoanFromOutsideThePlatformIsRecordedByUsccUnknownOnesAreRefused() throws Exception {
        String done = submit("/bank/loans", bank(), "uscc", neighbour, "productId", "", "amount", "300", "rate", "4.2",
                "termMonths", "36", "grantedOn", LocalDate.now().minusDays(3).toString());
        assertThat(done).contains("已登记平台外放款");
        assertThat(page("/bank/loans", bank())).contains(name(neighbour)).contains("平台外");
        assertThat(page("/bank/loans", TestUsers.bank(OTHER_BANK))).doesNotContain(name(neighbour));

        String unknown = submit("/bank/loans", bank(), "uscc", TestEnterprises.uscc(), "amount", "300", "rate", "4.2",
                "termMonths", "36", "grantedOn", LocalDate.now().toString());
        assertThat(unknown).contains("平台未登记");
        String future = submit("/bank/loans", bank(), "uscc", neighbour, "amount", "300", "rate", "4.2",
                "termMonths", "36", "grantedOn", LocalDate.now().plusDays(1).toString());
        assertThat(future).contains("放款日期：应在");
    }

    // ---- helpers

    private long apply(String uscc) throws Exception {
        MvcResult r = mvc.perform(form(post("/my/market/" + product), "amount", "80", "purpose", "研发设备采购",
                        "contactName", "张三", "contactPhone", "020-84600000").with(ent(uscc)))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = r.getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/my/applications/");
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private String decide(long id, String decision, String text) throws Exception {
        return submit("/bank/applications/" + id + "/decide", bank(), "decision", decision, "text", text);
    }

    /** Posts a form and follows the redirect: the page with what came of it (flash message included). */
    private String submit(String uri, RequestPostProcessor who, String... params) throws Exception {
        MvcResult r = mvc.perform(form(post(uri), params).with(who)).andReturn();
        if (r.getResponse().getStatus() == 200) {
            return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
        }
        assertThat(r.getResponse().getStatus()).as(uri).isEqualTo(302);
        Object failure = r.getFlashMap().get("failure");
        Object notice = r.getFlashMap().get("notice");
        return (failure == null ? "" : failure.toString()) + (notice == null ? "" : notice.toString());
    }

    private static MockHttpServletRequestBuilder form(MockHttpServletRequestBuilder request, String... params) {
        for (int i = 0; i < params.length; i += 2) {
            request.param(params[i], params[i + 1]);
        }
        return request.with(csrf());
    }

    /** The page's HTML, or null when it answers 404. */
    private String page(String uri, RequestPostProcessor who) throws Exception {
        MvcResult r = mvc.perform(get(uri).with(who)).andReturn();
        if (r.getResponse().getStatus() == 404) {
            return null;
        }
        assertThat(r.getResponse().getStatus()).as(uri).isEqualTo(200);
        return r.getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void assertStatus(MockHttpServletRequestBuilder request, int expected) throws Exception {
        assertThat(mvc.perform(request.with(csrf())).andReturn().getResponse().getStatus()).isEqualTo(expected);
    }

    private String statusOf(long id) {
        return jdbc.sql("select status from credit_application where id = ?").param(id).query(String.class).single().trim();
    }

    private String name(String uscc) {
        return jdbc.sql("select name from enterprise where uscc = ?").param(uscc).query(String.class).single();
    }

    private static RequestPostProcessor ent(String uscc) {
        return TestUsers.enterprise(uscc);
    }

    private static RequestPostProcessor bank() {
        return TestUsers.bank(BANK);
    }
}
