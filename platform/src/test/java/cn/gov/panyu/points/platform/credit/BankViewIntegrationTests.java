package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
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

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;

/**
 * A bank sees exactly the enterprises whose consent for it is active today: not one that never consented,
 * whose consent expired, was revoked, or was given to another bank. Every view and export is audited.
 */
@DemoDistrictTest
class BankViewIntegrationTests {

    private static final String BANK = "GRCB-PY";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String consented;
    private String expired;
    private String revoked;
    private String otherBank;
    private String never;

    @BeforeEach
    void consents() {
        List<String> listed = PortalFixture.otherListed(jdbc, 20);
        consented = listed.get(11);
        expired = listed.get(12);
        revoked = listed.get(13);
        otherBank = listed.get(14);
        never = listed.get(15);
        for (String uscc : List.of(consented, expired, revoked, otherBank, never)) {
            jdbc.sql("delete from consent where uscc = ?").param(uscc).update();
        }
        insert(consented, BANK, LocalDate.now(), null); // the last day counts
        insert(expired, BANK, LocalDate.now().minusDays(1), null);
        insert(revoked, BANK, LocalDate.now().plusMonths(6), LocalDateTime.now().minusMinutes(1));
        insert(otherBank, "ICBC-PY", LocalDate.now().plusMonths(6), null);
    }

    @Test
    void theListHoldsOnlyEnterprisesWithAnActiveConsentForThisBank() throws Exception {
        String page = page("/bank/enterprises?size=100");

        assertThat(page).contains(consented).contains(name(consented));
        assertThat(page).doesNotContain(expired).doesNotContain(revoked).doesNotContain(otherBank).doesNotContain(never);
        assertThat(page).contains("共 1 条");
    }

    @Test
    void theReportOfAConsentedEnterpriseHasTheBreakdownKeyFiguresAndTrend() throws Exception {
        Map<String, Object> result = jdbc.sql("""
                        select s.total from score_result s join publication p on p.run_id = s.run_id
                        and p.data_year = (select max(data_year) from publication) where s.uscc = ?""")
                .param(consented).query().singleRow();

        String page = page("/bank/enterprises/" + consented);

        assertThat(page).contains(name(consented)).contains("id=\"score-total\">" + result.get("total"))
                .contains("id=\"breakdown-table\"").contains("id=\"key-figures\"").contains("营业收入")
                .contains("id=\"score-history\"").contains("已授权至 " + LocalDate.now());
    }

    @Test
    void withoutAnActiveConsentTheReportIsNotFoundLikeAnUnknownEnterprise() throws Exception {
        for (String uscc : List.of(expired, revoked, otherBank, never, "91440101MA5CXXXXXX")) {
            mvc.perform(get("/bank/enterprises/" + uscc).with(TestUsers.bank(BANK))).andExpect(status().isNotFound());
        }
        mvc.perform(get("/bank/enterprises/" + consented).with(TestUsers.bank("ICBC-PY"))).andExpect(status().isNotFound());
    }

    @Test
    void everyViewAndExportIsAuditedWithUserAndEnterprise() throws Exception {
        long before = audits(consented, "VIEW_ENTERPRISE");

        page("/bank/enterprises/" + consented);
        mvc.perform(get("/bank/enterprises/export").with(TestUsers.bank(BANK))).andExpect(status().isOk());

        Map<String, Object> entry = jdbc.sql("""
                        select username, role, detail from audit_event where target_uscc = ? and action = 'VIEW_ENTERPRISE'
                        order by id desc limit 1""").param(consented).query().singleRow();
        assertThat(audits(consented, "VIEW_ENTERPRISE")).isEqualTo(before + 1);
        assertThat(entry.get("username")).isEqualTo("bank-" + BANK);
        assertThat(entry.get("role")).isEqualTo("BANK");
        assertThat(entry.get("detail").toString()).contains(BANK);
        assertThat(audits(consented, "EXPORT_DATA")).isPositive();
        assertThat(audits(never, "EXPORT_DATA")).isZero();
    }

    @Test
    void otherRolesCannotUseTheBankPages() throws Exception {
        mvc.perform(get("/bank/enterprises").with(TestUsers.enterprise(consented))).andExpect(status().isForbidden());
        mvc.perform(get("/bank/enterprises").with(TestUsers.staff())).andExpect(status().isForbidden());
        mvc.perform(get("/bank/enterprises/" + consented).with(TestUsers.expert())).andExpect(status().isForbidden());
        mvc.perform(get("/bank/enterprises/export").with(TestUsers.enterprise(consented))).andExpect(status().isForbidden());
    }

    @Test
    void aBankSeesNoConfidentialStaffPage() throws Exception {
        mvc.perform(get("/enterprises/" + consented).with(TestUsers.bank(BANK))).andExpect(status().isForbidden());
        mvc.perform(get("/enterprises").with(TestUsers.bank(BANK))).andExpect(status().isForbidden());
        mvc.perform(get("/evaluation/notice").with(TestUsers.bank(BANK))).andExpect(status().isForbidden());
    }

    private void insert(String uscc, String bank, LocalDate expires, LocalDateTime ended) {
        jdbc.sql("""
                        insert into consent (uscc, bank_code, granted_by, granted_at, expires_on, ended_at, ended_by, end_reason)
                        values (?, ?, 'test', ?, ?, ?, ?, ?)""")
                .params(uscc, bank, Timestamp.valueOf(LocalDateTime.now().minusDays(30)), expires,
                        ended == null ? null : Timestamp.valueOf(ended), ended == null ? null : "test",
                        ended == null ? null : "REVOKED")
                .update();
    }

    private long audits(String uscc, String action) {
        return jdbc.sql("select count(*) from audit_event where target_uscc = ? and action = ?").params(uscc, action)
                .query(Long.class).single();
    }

    private String name(String uscc) {
        return jdbc.sql("select name from enterprise where uscc = ?").param(uscc).query(String.class).single();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(TestUsers.bank(BANK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
