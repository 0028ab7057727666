package cn.gov.panyu.points.platform.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;
import cn.gov.panyu.points.platform.table.ExcelExport;

/**
 * The 数据质量 queue on a seeded year of its own: one flag of each rule, ranked, shown with its reason and
 * figures; decisions kept and learned from; only staff reach it.
 */
@PlatformIntegrationTest
class QualityQueueIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    YearRecordMerge merge;

    private QualityFixture.Year seeded;
    private int year;
    private List<String> c39;
    private String contradiction;
    private String disagreement;
    private String jump;

    @BeforeEach
    void seed() {
        seeded = QualityFixture.seed(jdbc, merge);
        year = seeded.year();
        c39 = seeded.c39();
        contradiction = seeded.contradiction();
        disagreement = seeded.disagreement();
        jump = seeded.jump();
    }

    private void detect() throws Exception {
        mvc.perform(post("/collection/quality/detect").param("year", String.valueOf(year)).with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    /** The open flags of the year, "uscc rule field value", in the queue's order. */
    private List<String> open() {
        return jdbc.sql("select uscc, check_rule, field, flag_value from quality_flag where data_year = ? and status = 'OPEN'"
                        + " order by severity desc, id").param(year)
                .query((rs, n) -> rs.getString(1).strip() + " " + rs.getString(2) + " " + rs.getString(3) + " " + rs.getString(4))
                .list();
    }

    private long flagId(String uscc, String rule) {
        return jdbc.sql("select id from quality_flag where data_year = ? and uscc = ? and check_rule = ? and status = 'OPEN'")
                .params(year, uscc, rule).query(Long.class).single();
    }

    private String page(String query) throws Exception {
        return mvc.perform(get("/collection/quality?" + query).with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void detectionRaisesOneFlagPerRuleRankedBySeverity() throws Exception {
        detect();

        // severities: contradiction 90 + 10 · 10/20 = 95; outlier (z 13.03 on the log scale) min(90, 130.3) = 90;
        // disagreement 40 + 50 · 50/200 = 52.5; jump ×6 against ×5: 35 + 10 · log2(1.2) = 37.6
        assertThat(open()).containsExactly(contradiction + " IMPOSSIBLE rd_staff 30", c39.get(6) + " OUTLIER rd_staff 60",
                disagreement + " SOURCE_DISAGREEMENT rd_expense 200 / 150", jump + " YEAR_ON_YEAR revenue_y0 6000");

        // idempotent: asked again on the same data, the same queue
        detect();
        assertThat(open()).hasSize(4);
    }

    @Test
    void thePageShowsEachFlagWithItsReasonAndTheFiguresBehindIt() throws Exception {
        detect();

        String html = page("year=" + year);
        assertThat(html).contains("质量测试电子6号", "研发人员数 60 远高于同行业同阶段", "中位数绝对偏差（MAD）", "稳健 z 值", "13.03",
                "研发人员数 30 大于职工总数 20", "研发费用：税务 200 万元，企业填报 150 万元，相差 25%",
                "营业收入由上年 1000 万元增至 6000 万元（6 倍）", "同行业同阶段离群", "确认有误", "误报");
        assertThat(html.indexOf("质量测试软件甲")).as("the contradiction ranks first").isLessThan(html.indexOf("质量测试电子6号"));
        // people read labels: no rule code or field key in the text of the table (attributes may hold them)
        String text = html.substring(html.indexOf("<tbody>"), html.indexOf("</tbody>")).replaceAll("<[^>]*>", " ");
        assertThat(text).doesNotContain("OUTLIER", "IMPOSSIBLE", "rd_staff", "rd_expense", "SOURCE_DISAGREEMENT", "YEAR_ON_YEAR");

        // filters: rule, town, industry
        assertThat(page("year=" + year + "&rule=OUTLIER")).contains("质量测试电子6号").doesNotContain("质量测试软件甲");
        assertThat(page("year=" + year + "&town=大石街道")).contains("质量测试软件甲").doesNotContain("质量测试电子6号");
        assertThat(page("year=" + year + "&industry=C39")).contains("质量测试电子6号").doesNotContain("质量测试软件乙");
        assertThat(page("year=" + year + "&status=FALSE_ALARM")).doesNotContain("质量测试电子6号");

        var started = mvc.perform(get("/collection/quality/export?year=" + year).with(TestUsers.staff())).andReturn();
        var export = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse();
        assertThat(export.getContentType()).isEqualTo(ExcelExport.XLSX.toString());
        assertThat(export.getContentAsByteArray().length).isGreaterThan(1000);
    }

    @Test
    void aFalseAlarmIsNotRaisedAgainForTheSameValueButIsWhenTheValueChanges() throws Exception {
        detect();
        long id = flagId(c39.get(6), "OUTLIER");

        mvc.perform(post("/collection/quality/" + id + "/decision").param("decision", "FALSE_ALARM").param("note", "新设研究院，属实")
                .param("year", String.valueOf(year)).with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select status || '|' || decided_by || '|' || note from quality_flag where id = ?").param(id)
                .query(String.class).single()).isEqualTo("FALSE_ALARM|staff|新设研究院，属实");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'QUALITY_REVIEW' and target_uscc = ?")
                .param(c39.get(6)).query(Long.class).single()).isEqualTo(1);

        detect();
        assertThat(open()).noneMatch(f -> f.startsWith(c39.get(6)));
        assertThat(jdbc.sql("select suppressed from quality_check where data_year = ?").param(year).query(Integer.class).single())
                .isEqualTo(1);
        assertThat(page("year=" + year + "&status=FALSE_ALARM")).contains("质量测试电子6号", "新设研究院，属实");

        // the figure changes: 61 is another value, so the flag is back
        jdbc.sql("update enterprise_year set rd_staff = 61 where uscc = ? and data_year = ?").params(c39.get(6), year).update();
        detect();
        assertThat(open()).contains(c39.get(6) + " OUTLIER rd_staff 61");
    }

    @Test
    void aConfirmedFlagIsKeptAndADecidedFlagCannotBeDecidedAgain() throws Exception {
        detect();
        long id = flagId(contradiction, "IMPOSSIBLE");
        mvc.perform(post("/collection/quality/" + id + "/decision").param("decision", "CONFIRMED").with(TestUsers.staff())
                .with(csrf())).andExpect(status().is3xxRedirection());

        var again = mvc.perform(post("/collection/quality/" + id + "/decision").param("decision", "FALSE_ALARM")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(again.getFlashMap().get("error")).isEqualTo("该提示已由他人核查");
        assertThat(jdbc.sql("select status from quality_flag where id = ?").param(id).query(String.class).single())
                .isEqualTo("CONFIRMED");

        detect();
        assertThat(jdbc.sql("select count(*) from quality_flag where data_year = ? and uscc = ?").params(year, contradiction)
                .query(Long.class).single()).as("the confirmed flag stays, no new one for the same value").isEqualTo(1);
    }

    @Test
    void aDisagreementDecidedInConflictsIsNotRaisedHere() throws Exception {
        long conflict = jdbc.sql("select id from data_conflict where data_year = ? and uscc = ?").params(year, disagreement)
                .query(Long.class).single();
        mvc.perform(post("/collection/conflicts/" + conflict + "/resolve").param("decision", "department")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        detect();
        assertThat(open()).noneMatch(f -> f.startsWith(disagreement));
    }

    @Test
    void unknownFlagsAreNotFoundAndOnlyStaffReachTheQueue() throws Exception {
        mvc.perform(post("/collection/quality/987654321/decision").param("decision", "CONFIRMED").with(TestUsers.staff())
                .with(csrf())).andExpect(status().isNotFound());
        for (var who : List.of(TestUsers.enterprise(contradiction), TestUsers.bank("B01"), TestUsers.expert())) {
            mvc.perform(get("/collection/quality").with(who)).andExpect(status().isForbidden());
            mvc.perform(post("/collection/quality/detect").param("year", String.valueOf(year)).with(who).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        assertThat(open()).isEmpty();
    }

    @Test
    void theStaffHomeCountsTheOpenFlags() throws Exception {
        detect();
        String home = mvc.perform(get("/").with(TestUsers.staff())).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(home).contains("数据质量待核查", "/collection/quality?status=OPEN");
    }
}
