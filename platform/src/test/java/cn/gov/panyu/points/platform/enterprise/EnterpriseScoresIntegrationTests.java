package cn.gov.panyu.points.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/** Stage, tier and score views of the workspace, on the demo district's published evaluation. */
@DemoDistrictTest
class EnterpriseScoresIntegrationTests {

    private static final int LATEST = LocalDate.now().getYear() - 1;
    private static final Pattern TOTAL = Pattern.compile("共 ([0-9,]+) 条");

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void theListShowsTheLatestPublishedYearBestFirst() throws Exception {
        String page = page("/enterprises");
        BigDecimal best = jdbc.sql("select max(s.total) from score_result s join publication p on p.run_id = s.run_id "
                        + "and p.data_year = (select max(data_year) from publication)")
                .query(BigDecimal.class).single();

        assertThat(page).contains("积分、阶段与榜单取自 " + LATEST + " 年度已发布的评价结果");
        assertThat(total(page)).isEqualTo(DemoDistrictTest.SIZE);
        assertThat(page.indexOf(best.toPlainString())).as("best total on the first page").isPositive();
    }

    @Test
    void stageAndTierFiltersFollowThePublishedRun() throws Exception {
        long expected = count("""
                select count(*) from score_result s join publication p on p.run_id = s.run_id
                        and p.data_year = (select max(data_year) from publication)
                where s.stage = 'STARTUP' and s.tier = 'RISE'""");
        String page = page("/enterprises?stage=STARTUP&tier=RISE&size=100");

        assertThat(expected).isPositive();
        assertThat(total(page)).isEqualTo(expected);
        assertThat(page).doesNotContain("app-tier-LEAD").doesNotContain("app-stage-GROWTH\"");
    }

    @Test
    void onNoListIsAFilterToo() throws Exception {
        long expected = count("""
                select count(*) from score_result s join publication p on p.run_id = s.run_id
                        and p.data_year = (select max(data_year) from publication) where s.tier is null""");

        assertThat(total(page("/enterprises?tier=NONE"))).isEqualTo(expected);
    }

    @Test
    void aYearWithoutPublicationSaysSo() throws Exception {
        // the demo publishes its three years (LATEST - 2 … LATEST), not the one before
        assertThat(page("/enterprises?year=" + (LATEST - 3))).contains(LATEST - 3 + " 年度尚未发布评价结果");
    }

    @Test
    void theScoreBreakdownShowsTotalRankAmongTheStageAndEveryIndicator() throws Exception {
        Map<String, Object> r = jdbc.sql("""
                        select s.uscc, s.stage, s.total, s.rank_in_stage, s.tier, s.run_id from score_result s
                        join publication p on p.run_id = s.run_id
                        and p.data_year = (select max(data_year) from publication)
                        where s.eligible and s.tier = 'LEAD' order by s.stage, s.rank_in_stage, s.uscc limit 1""")
                .query().singleRow();
        long m = count("select count(*) from score_result where eligible and run_id = " + r.get("run_id")
                + " and stage = '" + r.get("stage") + "'");

        String page = page("/enterprises/" + r.get("uscc").toString().trim());

        assertThat(page).contains("id=\"score-total\">" + r.get("total"))
                .contains("第 " + r.get("rank_in_stage") + " 名 / " + m + " 家")
                .contains("app-tier-LEAD")
                .contains("番禺区企业创新积分模型（2025版） · 版本 2025.1").doesNotContain("panyu-2025@");
        assertThat(Pattern.compile("<td class=\"app-mono\">[TGA][0-9]</td>").matcher(page).results().count())
                .isEqualTo(18);
        assertThat(page).contains("研发费用总额").contains("万元").contains("%");
    }

    @Test
    void theDetailShowsHistoryAndTheImportsThatLoadedTheEnterprise() throws Exception {
        String uscc = jdbc.sql("select uscc from enterprise where established < date '2010-01-01' order by uscc limit 1")
                .query(String.class).single().trim();

        String page = page("/enterprises/" + uscc);

        assertThat(page).contains("id=\"score-history\"")
                .contains("data-years=\"" + (LATEST - 2) + "," + (LATEST - 1) + "," + LATEST + "\"");
        assertThat(Pattern.compile("演示数据-\\d{4}-[^<]+\\.csv").matcher(page).results().count()).isEqualTo(18);
        assertThat(page).contains(">" + (LATEST - 2) + "</a>");
    }

    @Test
    void aSelfDeclaredEnterpriseShowsItsConflicts() throws Exception {
        String uscc = jdbc.sql("select uscc from data_conflict where status = 'OPEN' order by uscc limit 1")
                .query(String.class).single().trim();

        String page = page("/enterprises/" + uscc + "?year=" + LATEST);

        assertThat(page).contains("企业填报").contains("app-conflict-row").contains("（待处理）");
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private static long total(String page) {
        Matcher m = TOTAL.matcher(page);
        assertThat(m.find()).as("row count on the page").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
