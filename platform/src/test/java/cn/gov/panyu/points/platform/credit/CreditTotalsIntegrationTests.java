package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;
import cn.gov.panyu.points.platform.table.ExcelExport;

/**
 * The staff's credit totals against a small dataset whose figures are worked out by hand below: two banks of
 * this class alone, applications with known filing and decision times, loans through applications and from
 * outside the platform.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CreditTotalsIntegrationTests {

    private static final String A = "TOTALS-A";
    private static final String B = "TOTALS-B";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    CreditTotals totals;

    @BeforeAll
    void dataset() {
        jdbc.sql("insert into bank (code, name) values (?, '统计测试银行甲'), (?, '统计测试银行乙')").params(A, B).update();
        // an enterprise of the district (registering one would change the district the loader's test counts)
        String firm = PortalFixture.otherListed(jdbc, 60).get(45);
        long productA = product(A);
        long productB = product(B);
        // A, 2025, 成长期 竞跑: filed 3 times; decided after 2 days (then a loan of 100 at 4.00) and after 1.5 days
        // (refused); one still waiting. A loan from outside the platform of 200 at 3.50.
        long loaned = application(productA, A, firm, "LOANED", "GROWTH", "RUN", "2025-03-01T09:00", "2025-03-03T09:00");
        application(productA, A, firm, "REJECTED", "GROWTH", "RUN", "2025-05-01T00:00", "2025-05-02T12:00");
        application(productA, A, firm, "SUBMITTED", "GROWTH", "RUN", "2025-06-01T10:00", null);
        loan(A, firm, productA, loaned, "100", "4.00", "2025-03-10", "GROWTH", "RUN");
        loan(A, firm, null, null, "200", "3.50", "2025-07-01", "GROWTH", "RUN");
        // A, 2025, 稳定期 领跑: filed on new year's eve at 23:00, accepted at 05:00 the next morning (a quarter of a day)
        application(productA, A, firm, "ACCEPTED", "MATURE", "LEAD", "2025-12-31T23:00", "2026-01-01T05:00");
        // B, 2026: a loan from outside the platform to an enterprise without a published result
        loan(B, firm, productB, null, "50", "5.00", "2026-01-15", null, null);
    }

    @Test
    void eachBankYearStageAndTierHasTheFiguresWorkedOutByHand() {
        List<CreditTotal> rows = TestUsers.asStaff(() -> totals.totals(new CreditTotals.Filter(null, A)));

        assertThat(rows).hasSize(2);
        CreditTotal run = rows.stream().filter(r -> r.tier() == Tier.RUN).findFirst().orElseThrow();
        assertThat(run.year()).isEqualTo(2025);
        assertThat(run.stage()).isEqualTo(Stage.GROWTH);
        assertThat(run.applications()).isEqualTo(3);
        assertThat(run.approvals()).isEqualTo(1);
        assertThat(run.rejections()).isEqualTo(1);
        assertThat(run.loans()).isEqualTo(2);
        assertThat(run.loanAmount()).isEqualByComparingTo("300");
        assertThat(run.averageRate()).isEqualByComparingTo("3.75");            // (4.00 + 3.50) / 2
        assertThat(run.averageDaysToDecision()).isEqualByComparingTo("1.8");   // (2 + 1.5) / 2 = 1.75
        CreditTotal lead = rows.stream().filter(r -> r.tier() == Tier.LEAD).findFirst().orElseThrow();
        assertThat(lead.stage()).isEqualTo(Stage.MATURE);
        assertThat(lead.year()).as("the year it was filed").isEqualTo(2025);
        assertThat(lead.approvals()).isEqualTo(1);
        assertThat(lead.loans()).isZero();
        assertThat(lead.averageRate()).isNull();
        assertThat(lead.averageDaysToDecision()).isEqualByComparingTo("0.3");  // 6 hours = 0.25 day

        CreditTotal sum = CreditTotals.sum(rows);
        assertThat(sum.applications()).isEqualTo(4);
        assertThat(sum.approvals()).isEqualTo(2);
        assertThat(sum.loanAmount()).isEqualByComparingTo("300");
        assertThat(sum.averageDaysToDecision()).isEqualByComparingTo("1.3");   // (2 + 1.5 + 0.25) / 3 = 1.25
        assertThat(sum.bankCode()).isEqualTo(A);
        assertThat(sum.tier()).as("different tiers add up to none").isNull();
    }

    @Test
    void filtersByYearAndBankAndLoansWithoutAResultAreCountedApart() {
        List<CreditTotal> b = TestUsers.asStaff(() -> totals.totals(new CreditTotals.Filter(null, B)));
        assertThat(b).hasSize(1);
        assertThat(b.get(0).year()).isEqualTo(2026);
        assertThat(b.get(0).stage()).isNull();
        assertThat(b.get(0).applications()).isZero();
        assertThat(b.get(0).loanAmount()).isEqualByComparingTo(new BigDecimal("50"));
        assertThat(b.get(0).averageRate()).isEqualByComparingTo("5.00");

        assertThat(TestUsers.asStaff(() -> totals.totals(new CreditTotals.Filter(2026, A)))).isEmpty();
        assertThat(TestUsers.asStaff(() -> totals.totals(new CreditTotals.Filter(2025, B)))).isEmpty();
        assertThat(TestUsers.asStaff(() -> totals.years())).contains(2025, 2026);
    }

    @Test
    void thePageShowsTheFiguresAndExportsThem() throws Exception {
        String page = mvc.perform(get("/credit/totals?bank=" + A).with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        String table = page.substring(page.indexOf("id=\"totals-table\""), page.indexOf("</table>"));
        assertThat(table).contains("统计测试银行甲").contains("成长期").contains("竞跑").contains("3.75").contains("1.8")
                .contains("id=\"totals-sum\"").doesNotContain("统计测试银行乙");
        mvc.perform(get("/credit/totals/export?bank=" + A).with(TestUsers.staff())).andExpect(status().isOk())
                .andExpect(content().contentType(ExcelExport.XLSX));
        mvc.perform(get("/credit/totals").with(TestUsers.bank(A))).andExpect(status().isForbidden());
    }

    private long product(String bank) {
        jdbc.sql("""
                        insert into credit_product (bank_code, name, description, stages, lowest_tier, required_qualifications,
                            excluded_qualifications, excluded_negatives, minimum_years, base_lead, base_run, base_rise, bands,
                            line_cap, term_months, rate_ceiling, valid_from, valid_to, updated_by, updated_at)
                        values (?, '统计测试产品', '', 'GROWTH;MATURE', 'RISE', '', '', '', 0, 300, 200, 100, '', 1000, 36, 6,
                            ?, ?, 'test', ?)""")
                .params(bank, LocalDate.of(2025, 1, 1), LocalDate.of(2027, 12, 31), Timestamp.valueOf(LocalDateTime.now()))
                .update();
        return jdbc.sql("select max(id) from credit_product where bank_code = ?").param(bank).query(Long.class).single();
    }

    private long application(long product, String bank, String uscc, String status, String stage, String tier,
                             String submitted, String decided) {
        jdbc.sql("""
                        insert into credit_application (product_id, bank_code, uscc, amount, purpose, contact_name, contact_phone,
                            status, data_year, stage, tier, total, line, submitted_by, submitted_at, decided_at, updated_at)
                        values (?, ?, ?, 100, '测试', '张三', '13800000000', ?, 2024, ?, ?, 80, 200, 'test', ?, ?, ?)""")
                .params(product, bank, uscc, status, stage, tier, Timestamp.valueOf(LocalDateTime.parse(submitted)),
                        decided == null ? null : Timestamp.valueOf(LocalDateTime.parse(decided)),
                        Timestamp.valueOf(LocalDateTime.parse(submitted)))
                .update();
        return jdbc.sql("select max(id) from credit_application where bank_code = ?").param(bank).query(Long.class).single();
    }

    private void loan(String bank, String uscc, Long product, Long application, String amount, String rate, String granted,
                      String stage, String tier) {
        jdbc.sql("""
                        insert into credit_loan (bank_code, uscc, product_id, application_id, amount, rate, term_months,
                            granted_on, stage, tier, recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?, 12, ?, ?, ?, 'test', ?)""")
                .params(bank, uscc, product, application, new BigDecimal(amount), new BigDecimal(rate),
                        LocalDate.parse(granted), stage, tier, Timestamp.valueOf(LocalDateTime.now()))
                .update();
    }
}
