package cn.gov.panyu.points.platform.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.evaluation.DistrictFixture;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/** The calibration pages on a stored year: weights shown, a draft made of them, its sensitivity report. */
@PlatformIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CalibrationIntegrationTests {

    private static final int YEAR = 2087;

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    ScoreModels models;

    @Autowired
    YearRecords records;

    @BeforeAll
    void district() {
        DistrictFixture.load(jdbc, 9_087, YEAR, 400);
    }

    @Test
    void thePageShowsTheStagesWeightsByIndicatorNameAndTheNormalisationUsed() throws Exception {
        String page = mvc.perform(get("/calibration").param("year", "" + YEAR).param("stage", "STARTUP")
                        .param("method", "ENTROPY_MINMAX").param("alpha", "0.4").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"weights-table\"", "研发费用总额", "营业收入增长率", "先极差归一化", "初创期",
                "生成草稿模型版本");
        assertThat(page).doesNotContain(">T1<", ">G2<");
    }

    @Test
    void aDraftGetsTheCombinedPointsOfItsStageSummingToTheModelsTotalAndIsAudited() throws Exception {
        long active = models.activeModelId();
        ScoreModel before = models.load(active);
        MvcResult result = mvc.perform(post("/calibration/draft").param("year", "" + YEAR).param("stage", "GROWTH")
                        .param("method", "CRITIC").param("alpha", "0.5").param("ahp_0_1", "3").param("ahp_0_2", "5")
                        .param("ahp_1_2", "2").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = result.getResponse().getRedirectedUrl();
        assertThat(location).matches("/models/\\d+");
        long draft = Long.parseLong(location.substring("/models/".length()));

        ScoreModel model = models.load(draft);
        assertThat(jdbc.queryForObject("select status || ' ' || based_on from score_model where id = ?", String.class, draft))
                .isEqualTo("DRAFT " + active);
        assertThat(model.indicators().stream().mapToDouble(i -> i.weight(Stage.GROWTH)).sum()).isEqualTo(1000.0);
        for (Indicator i : model.indicators()) {
            assertThat(i.weight(Stage.STARTUP)).as(i.code()).isEqualTo(before.indicator(i.code()).weight(Stage.STARTUP));
            assertThat(i.weight(Stage.MATURE)).as(i.code()).isEqualTo(before.indicator(i.code()).weight(Stage.MATURE));
        }
        // the draft's points are the ones the page showed for the same choice
        Calibration shown = Calibrations.compute(before, RecordColumns.of(records.ofYear(YEAR).records()), new CalibrationRequest(YEAR, Stage.GROWTH, ObjectiveMethod.CRITIC, 0.5,
                new String[][]{{null, "3", "5"}, {null, null, "2"}, {null, null, null}}));
        for (Calibration.Row r : shown.rows()) {
            assertThat(model.indicator(r.code()).weight(Stage.GROWTH)).as(r.code()).isEqualTo(r.points());
        }
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'MODEL_CHANGE' and detail like ?",
                Long.class, "模型校准%#" + draft + "%")).isEqualTo(1);

        String report = mvc.perform(get("/calibration/sensitivity").param("draft", "" + draft).param("year", "" + YEAR)
                        .with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(report).contains("Spearman 等级相关系数 ρ", "Kendall τ-b", "榜单变化（行：现行模型，列：草稿）",
                "排名变化最大的企业", "影响最大的权重调整", "/enterprises/");
        // the draft's page links to its report
        assertThat(mvc.perform(get(location).with(TestUsers.staff())).andReturn().getResponse().getContentAsString())
                .contains("/calibration/sensitivity?draft=" + draft);
    }

    @Test
    void theSensitivityReportOfAnUnknownOrNonDraftVersionIsNotFound() throws Exception {
        mvc.perform(get("/calibration/sensitivity").param("draft", "987654321").param("year", "" + YEAR).with(TestUsers.staff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/calibration/sensitivity").param("draft", "" + models.activeModelId()).param("year", "" + YEAR)
                        .with(TestUsers.staff()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/calibration/sensitivity").param("draft", "abc").with(TestUsers.staff()))
                .andExpect(status().isBadRequest());
    }

    @Test
    void anInconsistentAhpMatrixIsRefusedInChineseAndNoDraftIsMade() throws Exception {
        long drafts = jdbc.queryForObject("select count(*) from score_model", Long.class);
        String page = mvc.perform(post("/calibration/draft").param("year", "" + YEAR).param("stage", "GROWTH")
                        .param("method", "ENTROPY_SUM").param("alpha", "0.5").param("ahp_0_1", "9").param("ahp_0_2", "1/9")
                        .param("ahp_1_2", "9").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"flash-failure\"", "一致性比率 CR", "最不一致的判断");
        assertThat(jdbc.queryForObject("select count(*) from score_model", Long.class)).isEqualTo(drafts);

        String alpha = mvc.perform(get("/calibration").param("year", "" + YEAR).param("alpha", "2").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(alpha).contains("组合系数 α 须在 0 到 1 之间");
    }
}
