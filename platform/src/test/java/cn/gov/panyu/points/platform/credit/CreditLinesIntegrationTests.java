package cn.gov.panyu.points.platform.credit;

import static cn.gov.panyu.points.platform.credit.ProductRequests.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/**
 * The bank's products judged on a consented enterprise's report: facts from the latest published result and
 * that year's record, a vetoed enterprise never eligible, expired products not offered.
 */
@DemoDistrictTest
class CreditLinesIntegrationTests {

    private static final String BANK = "GZB-PY";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private String lenient;
    private String leadOnly;
    private String expired;

    @BeforeEach
    void products() throws Exception {
        lenient = TestEnterprises.uniqueName("宽松产品");
        leadOnly = TestEnterprises.uniqueName("领跑产品");
        expired = TestEnterprises.uniqueName("过期产品");
        // every stage and list, no minimum, no negative excluded, base 100 万 for every tier, no bands: line = min(100, revenue)
        publish(lenient, "stages", "STARTUP|GROWTH|MATURE", "lowestTier", "RISE", "minimumTotal", "",
                "excludedNegatives", null, "minimumYears", "0", "baseLead", "100", "baseRun", "100", "baseRise", "100",
                "bands", "");
        publish(leadOnly, "stages", "STARTUP|GROWTH|MATURE", "lowestTier", "LEAD", "minimumTotal", "", "baseRun", "",
                "minimumYears", "0");
        publish(expired, "validFrom", LocalDate.now().minusYears(1).toString(),
                "validTo", LocalDate.now().minusDays(1).toString());
    }

    private void publish(String name, String... changes) throws Exception {
        mvc.perform(filled(post("/bank/products"), name, changes).with(TestUsers.bank(BANK)))
                .andExpect(status().is3xxRedirection());
    }

    @Test
    void aConsentedEnterpriseSeesEachCurrentProductJudgedOnItsPublishedResult() throws Exception {
        Map<String, Object> run = jdbc.sql("""
                        select uscc, data_year from published_score
                        where data_year = (select max(data_year) from published_score) and tier = 'RUN' and eligible
                        order by uscc limit 1""").query().singleRow();
        String uscc = run.get("uscc").toString().trim();
        consent(uscc);
        Map<String, Object> figures = jdbc.sql("select revenue_y0, revenue_y1 from enterprise_year where uscc = ? and data_year = ?")
                .params(uscc, run.get("data_year")).query().singleRow();
        BigDecimal y0 = new BigDecimal(figures.get("revenue_y0").toString());
        BigDecimal average = figures.get("revenue_y1") == null ? y0
                : y0.add(new BigDecimal(figures.get("revenue_y1").toString())).divide(BigDecimal.valueOf(2));
        BigDecimal line = average.min(BigDecimal.valueOf(100)).setScale(0, RoundingMode.FLOOR);

        String page = report(uscc);

        assertThat(page).contains("id=\"credit-offers\"").contains(lenient).contains(leadOnly).doesNotContain(expired);
        assertThat(page).contains(line.toPlainString() + " 万元").contains("竞跑 基础额度 100 万 × 1 = 100 万");
        assertThat(page).contains("竞跑榜单；本产品要求领跑");
    }

    @Test
    void aVetoedEnterpriseIsNeverEligibleEvenWhenNoNegativeIsExcluded() throws Exception {
        String vetoed = jdbc.sql("""
                        select uscc from published_score
                        where data_year = (select max(data_year) from published_score) and not eligible
                        order by uscc limit 1""").query(String.class).single().trim();
        consent(vetoed);

        String page = report(vetoed);

        assertThat(page).contains(lenient).contains("存在一票否决情形；积分贷不接受此类企业").doesNotContain(">符合<");
    }

    private String report(String uscc) throws Exception {
        return mvc.perform(get("/bank/enterprises/" + uscc).with(TestUsers.bank(BANK))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private void consent(String uscc) {
        jdbc.sql("""
                        insert into consent (uscc, bank_code, granted_by, granted_at, expires_on)
                        values (?, ?, 'test', ?, ?)""")
                .params(uscc, BANK, Timestamp.valueOf(LocalDateTime.now()), LocalDate.now().plusMonths(1)).update();
    }
}
