package cn.gov.panyu.points.platform.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;

/** The anonymous pages: published lists without confidential figures, and the model's methodology. */
@DemoDistrictTest
class PublicPagesIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void anonymousVisitorsSeeThePublishedListOfAStageBestFirst() throws Exception {
        Map<String, Object> leader = leader("GROWTH");

        String page = anonymous("/public/rankings?stage=GROWTH");

        assertThat(page).contains("年度番禺区企业创新积分榜单").contains(leader.get("name").toString())
                .contains(leader.get("town").toString()).contains("app-tier-LEAD");
    }

    @Test
    void thePublicListShowsNoScoreAndNoConfidentialFigureOfAListedEnterprise() throws Exception {
        for (String stage : List.of("STARTUP", "GROWTH", "MATURE")) {
            Map<String, Object> leader = leader(stage);
            String uscc = leader.get("uscc").toString().trim();
            Map<String, Object> figures = jdbc.sql("""
                            select y.revenue_y0, y.tax_paid, y.rd_expense, y.net_profit from enterprise_year y
                            join publication p on p.data_year = y.data_year
                            and p.data_year = (select max(data_year) from publication) where y.uscc = ?""").param(uscc).query().singleRow();

            String page = anonymous("/public/rankings?stage=" + stage + "&size=100");

            assertThat(page).contains(leader.get("name").toString()).doesNotContain(uscc);
            for (String text : renderings(leader.get("total"))) {
                assertThat(page).as("total %s of %s", text, uscc).doesNotContain(">" + text + "<");
            }
            for (Object value : figures.values()) {
                for (String text : renderings(value)) {
                    if (text.length() >= 4) { // short numbers occur in any page (ranks, counts)
                        assertThat(page).as("figure %s of %s", text, uscc).doesNotContain(text);
                    }
                }
            }
            var started = mvc.perform(get("/public/rankings/export?stage=" + stage)).andReturn();
            String export = sheetText(mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                    .andReturn().getResponse().getContentAsByteArray());
            assertThat(export).contains(leader.get("name").toString()).doesNotContain(uscc)
                    .doesNotContain(((BigDecimal) leader.get("total")).toPlainString());
        }
    }

    @Test
    void aYearWithoutAPublishedListSaysSoAndOffersThePublishedYears() throws Exception {
        List<Integer> published = jdbc.sql("select data_year from publication order by data_year desc").query(Integer.class).list();
        assertThat(published).isNotEmpty().doesNotContain(2000);

        String page = mvc.perform(get("/public/rankings?year=2000")).andExpect(status().isNotFound()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(page).contains("2000 年度没有已发布的榜单", "id=\"year-not-published\"")
                .doesNotContain("id=\"public-list\"", published.get(0) + " 年度番禺区企业创新积分榜单");
        for (int year : published) {
            assertThat(page).contains("href=\"/public/rankings?year=" + year + "\"", year + " 年度榜单");
        }
        // nor does the export hand out another year's list under the year asked for
        mvc.perform(get("/public/rankings/export?year=2000")).andExpect(status().isNotFound());
    }

    @Test
    void theListSortsAndPagesWithTheTableKit() throws Exception {
        String page = anonymous("/public/rankings?stage=STARTUP&sort=name&dir=desc");

        assertThat(page).contains("aria-sort=\"descending\"").contains("导出Excel").containsPattern("共 \\d+ 条");
    }

    @Test
    void theMethodologyIsGeneratedFromThePublishedModel() throws Exception {
        var model = ModelLoader.defaultModel();

        String page = anonymous("/public/methodology");

        assertThat(page).contains(model.name()).contains("版本 " + model.version()).doesNotContain(model.reference());
        model.indicators().forEach(i -> assertThat(page).contains(i.name()));
        assertThat(page).contains("本年营业收入 &lt; 500 万元").contains("百分位").contains("一票否决")
                .contains("data-stage-weights=");
    }

    @Test
    void theHomePageLeadsAnonymousVisitorsToThePublicPages() throws Exception {
        String page = anonymous("/");

        assertThat(page).contains("href=\"/public/rankings\"").contains("href=\"/public/methodology\"");
    }

    @Test
    void staffOnlyListsStayClosed() throws Exception {
        mvc.perform(get("/rankings")).andExpect(status().is3xxRedirection());
        mvc.perform(get("/rankings").with(TestUsers.enterprise("91440101MA5CXXXXXX"))).andExpect(status().isForbidden());
        mvc.perform(get("/rankings/export?year=2025").with(TestUsers.bank("DEMO-BANK"))).andExpect(status().isForbidden());
    }

    private Map<String, Object> leader(String stage) {
        return jdbc.sql("""
                        select s.uscc, s.name, s.town, s.total from score_result s join publication p on p.run_id = s.run_id
                        and p.data_year = (select max(data_year) from publication)
                        where s.stage = ? and s.tier is not null order by s.rank_in_stage, s.uscc limit 1""")
                .param(stage).query().singleRow();
    }

    /** The ways a page might write a number: plain, two decimals, with thousands separators. */
    private static List<String> renderings(Object value) {
        List<String> texts = new ArrayList<>();
        if (value == null) {
            return texts;
        }
        double v = ((Number) value).doubleValue();
        texts.add(new BigDecimal(value.toString()).stripTrailingZeros().toPlainString());
        DecimalFormatSymbols symbols = DecimalFormatSymbols.getInstance(Locale.ROOT);
        texts.add(new DecimalFormat("0.00", symbols).format(v));
        texts.add(new DecimalFormat("#,##0.00", symbols).format(v));
        return texts;
    }

    /** Every cell of the first sheet of an XLSX, as text. */
    private static String sheetText(byte[] xlsx) throws Exception {
        StringBuilder sb = new StringBuilder();
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            wb.getFirstSheet().openStream().forEach(row -> row.forEach(cell -> sb.append(cell.getText()).append('|')));
        }
        return sb.toString();
    }

    private String anonymous(String url) throws Exception {
        return mvc.perform(get(url)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }
}
