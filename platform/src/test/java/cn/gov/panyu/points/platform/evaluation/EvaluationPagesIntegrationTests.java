package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SessionCookie;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/** The evaluation, model and ranking pages over HTTP: who may open them, and what the main actions do. */
@PlatformIntegrationTest
class EvaluationPagesIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    PublishedResults published;

    @Autowired
    ScoreModels models;

    static Stream<String> getPages() {
        return Stream.of("/models", "/models/export", "/models/1", "/models/1/edit", "/indicators",
                "/evaluation/runs", "/evaluation/runs/export", "/evaluation/runs/1", "/evaluation/runs/1/progress",
                "/evaluation/runs/1/export", "/evaluation/notice", "/evaluation/notice/export", "/rankings",
                "/rankings/export?year=2025");
    }

    static Stream<String> postActions() {
        return Stream.of("/models/1", "/models/1/validate", "/models/1/copy", "/models/1/activate", "/models/1/delete",
                "/evaluation/runs", "/evaluation/runs/1/notice", "/evaluation/runs/1/withdraw",
                "/evaluation/runs/1/publish", "/evaluation/runs/1/verify", "/evaluation/notice/objections",
                "/evaluation/notice/objections/1/accept", "/evaluation/notice/objections/1/reject",
                "/evaluation/notice/rerun");
    }

    @ParameterizedTest
    @MethodSource("getPages")
    void anonymousVisitorsAreSentToSignIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest
    @MethodSource("getPages")
    void enterpriseAndBankUsersAreRefused(String path) throws Exception {
        mvc.perform(get(path).with(TestUsers.enterprise("91440113MA59XXXX1K"))).andExpect(status().isForbidden());
        mvc.perform(get(path).with(TestUsers.bank("B001"))).andExpect(status().isForbidden());
    }

    @ParameterizedTest
    @MethodSource("postActions")
    void actionsAreRefusedToAnonymousEnterpriseAndBankUsers(String path) throws Exception {
        mvc.perform(post(path).with(csrf())).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(post(path).with(csrf()).with(TestUsers.enterprise("91440113MA59XXXX1K"))
                .param("runId", "1").param("year", "2025").param("modelId", "1")).andExpect(status().isForbidden());
        mvc.perform(post(path).with(csrf()).with(TestUsers.bank("B001"))
                .param("runId", "1").param("year", "2025").param("modelId", "1")).andExpect(status().isForbidden());
    }

    @Test
    void staffSeeTheModelListAndTheActiveModelWithItsIndicators() throws Exception {
        mvc.perform(get("/models").with(TestUsers.staff())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("panyu-2025")));
        String page = mvc.perform(get("/indicators").with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("研发费用总额", "分档 2→100%，1→60%", "初创期", "稳定期", "一票否决", "领跑：阶段内排名前 5%");
    }

    @Test
    void anInvalidModelIsNotSavedAndTheEditKeepsEveryProblemNextToTheText() throws Exception {
        long draft = TestUsers.asStaff(() -> models.copy(models.activeModelId(), "staff"));
        String broken = TestUsers.asStaff(() -> models.version(draft).definition()).replace("weights: {STARTUP: 80, GROWTH: 80, MATURE: 90}",
                "weights: {STARTUP: 81, GROWTH: 80, MATURE: 90}").replace("transform: bands", "transform: steps");

        String page = mvc.perform(post("/models/" + draft).with(csrf()).with(TestUsers.staff()).param("definition", broken))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("id=\"model-problems\"", "权重合计为 1001", "未知的变换「steps」", "transform: steps");
        assertThat(TestUsers.asStaff(() -> models.version(draft).definition())).doesNotContain("steps");
        TestUsers.asStaff(() -> {
            models.delete(draft);
            return null;
        });
    }

    @Test
    void staffTakeARunFromStartToTheTierList() throws Exception {
        List<EnterpriseRecord> records = DistrictFixture.load(jdbc, 9_071, 2071, 300);
        long model = models.activeModelId();
        long id = TestUsers.asStaff(() -> runs.runNow(2071, model, "staff"));

        mvc.perform(get("/evaluation/runs/" + id).with(TestUsers.staff())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("重新计算核对")));
        mvc.perform(post("/evaluation/runs/" + id + "/verify").with(csrf()).with(TestUsers.staff()))
                .andExpect(flash().attribute("notice", org.hamcrest.Matchers.startsWith("重新计算核对一致")));
        mvc.perform(post("/evaluation/runs/" + id + "/notice").with(csrf()).with(TestUsers.staff())
                .param("endsOn", LocalDate.now().plusDays(7).toString())).andExpect(redirectedUrl("/evaluation/runs/" + id));
        String notice = mvc.perform(get("/evaluation/notice").with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(notice).contains("批次 #" + id + " · 2071 年度").doesNotContain("当前没有公示中的批次");
        mvc.perform(post("/evaluation/notice/objections").with(csrf()).with(TestUsers.staff()).param("runId", String.valueOf(id))
                .param("uscc", records.get(0).uscc()).param("claim", "研发人员数漏报")).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/evaluation/runs/" + id + "/publish").with(csrf()).with(TestUsers.staff()))
                .andExpect(flash().attribute("failure", org.hamcrest.Matchers.containsString("异议未处理")));
        Long objection = jdbc.queryForObject("select max(id) from objection where run_id = ?", Long.class, id);
        mvc.perform(post("/evaluation/notice/objections/" + objection + "/reject").with(csrf()).with(TestUsers.staff())
                .param("reason", "数据已核实")).andExpect(flash().attributeExists("notice"));
        mvc.perform(post("/evaluation/runs/" + id + "/publish").with(csrf()).with(TestUsers.staff()))
                .andExpect(flash().attribute("failure", org.hamcrest.Matchers.containsString("公示期至")));
        NoticePeriods.endedYesterday(jdbc, id);
        mvc.perform(post("/evaluation/runs/" + id + "/publish").with(csrf()).with(TestUsers.staff()))
                .andExpect(flash().attributeExists("notice"));

        assertThat(published.run(2071).map(PublishedRun::runId)).hasValue(id);
        String rankings = mvc.perform(get("/rankings?year=2071&stage=GROWTH").with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(rankings).contains("2071 年度企业创新积分榜单", "app-tier-LEAD", "批次 #" + id);
        mvc.perform(get("/rankings/export?year=2071").with(TestUsers.staff())).andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith("application/vnd.openxmlformats")));
    }

    @Test
    void startingARunInTheBackgroundLeadsToItsPageWithAProgressBar() throws Exception {
        DistrictFixture.load(jdbc, 9_072, 2072, 200);

        String location = mvc.perform(post("/evaluation/runs").with(csrf()).with(TestUsers.staff())
                        .param("year", "2072").param("modelId", String.valueOf(activeModel())))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();

        assertThat(location).matches("/evaluation/runs/\\d+");
        mvc.perform(get(location + "/progress").with(TestUsers.staff())).andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString("id=\"run-progress\"")));
    }

    @Test
    void startingAYearThatIsStillComputingShowsWhichRunIsGoing() throws Exception {
        jdbc.update("""
                insert into evaluation_run (data_year, model_id, status, year_slot, message, created_by)
                values (2073, ?, 'QUEUED', 'WORKING', '排队等待计算', 'other')""", activeModel());
        long going = jdbc.queryForObject("select id from evaluation_run where data_year = 2073 and year_slot = 'WORKING'", Long.class);
        try {
            String refusal = "2073 年度已有评价批次 #" + going + " 正在计算（排队中），请等待其完成后再开始新的计算。";
            var refused = mvc.perform(post("/evaluation/runs").with(csrf()).with(TestUsers.staff())
                            .param("year", "2073").param("modelId", String.valueOf(activeModel())))
                    .andExpect(redirectedUrl("/evaluation/runs")).andExpect(flash().attribute("failure", refusal))
                    .andReturn();

            // the page the browser is sent to shows the refusal, kept in its session (in the database)
            mvc.perform(get("/evaluation/runs").with(TestUsers.staff()).cookie(SessionCookie.of(refused)))
                    .andExpect(content().string(org.hamcrest.Matchers.containsString(refusal)));
        } finally {
            jdbc.update("update evaluation_run set status = 'FAILED', year_slot = null where id = ?", going);
        }
    }


    private long activeModel() {
        return jdbc.queryForObject("select id from score_model where status = 'ACTIVE'", Long.class);
    }
}
