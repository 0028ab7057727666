package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * Publishing waits for the end of 公示 and for every accepted objection of the year to be resolved by a
 * later run whose input carries the correction (docs/adr/0011-publishing-waits-for-notice-and-objections.md).
 * Service and web level; each test owns a year of synthetic data.
 */
@PlatformIntegrationTest
@WithMockUser(username = "staff", roles = "STAFF")
class PublishingGateIntegrationTests {

    static final int SIZE = 120;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    Objections objections;

    @Autowired
    PublishedResults published;

    @Autowired
    ScoreModels models;

    @Autowired
    MockMvc mvc;

    /**
     * The year's data, without the objections an earlier run of this test on the same database left: they
     * are the year's objections too, and would wait for their own correction.
     */
    private List<EnterpriseRecord> district(int year) {
        jdbc.update("delete from objection where run_id in (select id from evaluation_run where data_year = ?)", year);
        return DistrictFixture.load(jdbc, 8_000 + year, year, SIZE);
    }

    @Test
    void anAcceptedObjectionDuringNoticeStopsTheSameDayPublication() {
        List<EnterpriseRecord> records = district(2131);
        long id = runs.runNow(2131, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now().plusDays(7), "staff");
        String uscc = records.get(0).uscc();
        PlatformUser enterprise = new PlatformUser("ent", "", "企业", Role.ENTERPRISE, uscc, null, true, false);
        long objection = objections.file(enterprise, id, uscc, "rd_expense", "研发费用漏报");
        objections.accept(objection, "需更正该企业数据并重新计算", "staff");

        assertThatThrownBy(() -> runs.publish(id, "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("公示期至 " + LocalDate.now().plusDays(7) + " 结束")
                .hasMessageContaining("1 条已受理异议未解决（#" + objection + " " + uscc + "）");

        assertThat(published.run(2131).map(PublishedRun::runId)).as("published run").isNotEqualTo(java.util.Optional.of(id));
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.NOTICE);
    }

    @Test
    void staffPublishOnlyAfterTheLastDayOfNotice() {
        district(2132);
        long id = runs.runNow(2132, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now(), "staff");

        // the last day of 公示 still belongs to the notice: objections may come in until its end
        assertThatThrownBy(() -> runs.publish(id, "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("公示期至 " + LocalDate.now() + " 结束，" + LocalDate.now().plusDays(1) + " 起方可发布");
        assertThat(runs.publishingGate(id).noticeEnds()).isEqualTo(LocalDate.now());
        assertThat(runs.publishingGate(id).open()).isFalse();

        NoticePeriods.endedYesterday(jdbc, id);
        assertThat(runs.publishingGate(id).open()).isTrue();
        runs.publish(id, "staff");

        assertThat(published.run(2132).map(PublishedRun::runId)).hasValue(id);
    }

    @Test
    void anAcceptedObjectionIsResolvedOnlyByALaterRunThatCarriesTheCorrection() {
        List<EnterpriseRecord> records = district(2133);
        long model = models.activeModelId();
        String uscc = records.get(3).uscc();
        long objected = runs.runNow(2133, model, "staff");
        runs.putOnNotice(objected, LocalDate.now().plusDays(7), "staff");
        long objection = objections.file(staff(), objected, uscc, InputField.RD_EXPENSE.key(), "研发费用漏报");
        // computed before the decision: it read the data before any correction could be made
        long early = runs.runNow(2133, model, "staff");
        objections.accept(objection, null, "staff");
        NoticePeriods.endedYesterday(jdbc, objected);

        assertThatThrownBy(() -> runs.publish(objected, "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("1 条已受理异议未解决");
        assertThat(runs.publishingGate(objected).unresolved())
                .containsExactly(new PublishingGate.UnresolvedObjection(objection, objected, uscc, records.get(3).name()));

        // run again without correcting anything: the same input, the objection stands
        long uncorrected = noticeEnded(runs.runNow(2133, model, "staff"));
        assertThatThrownBy(() -> runs.publish(uncorrected, "staff")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("1 条已受理异议未解决");

        jdbc.update("update enterprise_year set rd_expense = coalesce(rd_expense, 0) + 250000 where uscc = ? and data_year = ?",
                uscc, 2133);
        // the correction came after the early run was created: still not the run that resolves it
        assertThat(runs.publishingGate(noticeEnded(early)).unresolved()).hasSize(1);
        long corrected = noticeEnded(runs.runNow(2133, model, "staff"));

        assertThat(runs.publishingGate(corrected).open()).isTrue();
        runs.publish(corrected, "staff");
        assertThat(published.run(2133).map(PublishedRun::runId)).hasValue(corrected);
    }

    @Test
    @WithMockUser(username = "admin", roles = {"ADMIN", "STAFF"})
    void anAdministratorOverridesWithAReasonThatTheAuditLogKeeps() {
        List<EnterpriseRecord> records = district(2134);
        long id = runs.runNow(2134, models.activeModelId(), "admin");
        runs.putOnNotice(id, LocalDate.now().plusDays(7), "admin");
        long objection = objections.file(staff(), id, records.get(0).uscc(), null, "纳税总额有误");
        objections.accept(objection, null, "admin");

        assertThatThrownBy(() -> runs.publishOverriding(id, " \n ", "admin")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("必须填写理由");
        assertThatThrownBy(() -> runs.publishOverriding(id, null, "admin")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("必须填写理由");
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.NOTICE);

        runs.publishOverriding(id, "经局务会研究，同意提前发布", "admin");

        assertThat(published.run(2134).map(PublishedRun::runId)).hasValue(id);
        List<String> entries = jdbc.queryForList("""
                select username || '|' || detail from audit_event where action = 'PUBLISH_OVERRIDE' and detail like ?""",
                String.class, "%批次 #" + id + "（%");
        assertThat(entries).singleElement().asString().startsWith("admin|").contains("经局务会研究，同意提前发布",
                "公示期至 " + LocalDate.now().plusDays(7), "1 条已受理异议未解决（#" + objection);
    }

    @Test
    @WithMockUser(username = "admin", roles = {"ADMIN", "STAFF"})
    void anOverrideStillWaitsForOpenObjectionsToBeAnswered() {
        List<EnterpriseRecord> records = district(2135);
        long id = runs.runNow(2135, models.activeModelId(), "admin");
        runs.putOnNotice(id, LocalDate.now().plusDays(7), "admin");
        objections.file(staff(), id, records.get(0).uscc(), null, "纳税总额有误");

        assertThatThrownBy(() -> runs.publishOverriding(id, "急需发布", "admin")).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("1 条异议未处理");
        assertThat(published.run(2135).map(PublishedRun::runId)).as("published run").isNotEqualTo(java.util.Optional.of(id));
    }

    @Test
    void staffCannotOverride() {
        district(2136);
        long id = runs.runNow(2136, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now().plusDays(7), "staff");

        assertThatThrownBy(() -> runs.publishOverriding(id, "想早点发布", "staff")).isInstanceOf(AccessDeniedException.class);
        assertThat(runs.summary(id).status()).isEqualTo(RunStatus.NOTICE);
    }

    @Test
    void theRunPageSaysWhyPublishingWaitsAndOffersTheOverrideToAdministratorsOnly() throws Exception {
        List<EnterpriseRecord> records = district(2137);
        long id = runs.runNow(2137, models.activeModelId(), "staff");
        LocalDate ends = LocalDate.now().plusDays(7);
        runs.putOnNotice(id, ends, "staff");
        long objection = objections.file(staff(), id, records.get(0).uscc(), null, "纳税总额有误");
        objections.accept(objection, null, "staff");

        String staffPage = page(id, TestUsers.staff());
        assertThat(staffPage).contains("暂不能发布", "公示期至 " + ends + " 结束，" + ends.plusDays(1) + " 起方可发布",
                "有 1 条已受理异议尚未解决", "异议 #" + objection + " · " + records.get(0).name())
                .doesNotContain("id=\"publish-button\"", "id=\"override-form\"");
        assertThat(page(id, TestUsers.admin())).contains("id=\"override-form\"", "越过发布条件发布")
                .doesNotContain("id=\"publish-button\"");

        mvc.perform(post("/evaluation/runs/" + id + "/publish").with(csrf()).with(TestUsers.staff()))
                .andExpect(flash().attribute("failure", containsString("暂不能发布")));
        mvc.perform(post("/evaluation/runs/" + id + "/publish-override").with(csrf()).with(TestUsers.staff())
                .param("reason", "想早点发布")).andExpect(status().isForbidden());
        mvc.perform(post("/evaluation/runs/" + id + "/publish-override").with(csrf()).with(TestUsers.admin())
                .param("reason", "  ")).andExpect(flash().attribute("failure", containsString("必须填写理由")));
        assertThat(published.run(2137).map(PublishedRun::runId)).as("published run").isNotEqualTo(java.util.Optional.of(id));

        mvc.perform(post("/evaluation/runs/" + id + "/publish-override").with(csrf()).with(TestUsers.admin())
                .param("reason", "经局务会研究，同意提前发布")).andExpect(redirectedUrl("/evaluation/runs/" + id))
                .andExpect(flash().attribute("notice", containsString("理由已记入操作日志")));
        assertThat(published.run(2137).map(PublishedRun::runId)).hasValue(id);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where action = 'PUBLISH_OVERRIDE' and username = 'admin' "
                + "and detail like ?", Long.class, "%批次 #" + id + "（%经局务会研究%")).isEqualTo(1);
    }

    @Test
    void aRunWithNothingToWaitForShowsThePublishButton() throws Exception {
        district(2138);
        long id = runs.runNow(2138, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now(), "staff");
        NoticePeriods.endedYesterday(jdbc, id);

        assertThat(page(id, TestUsers.staff())).contains("id=\"publish-button\"").doesNotContain("暂不能发布");
    }

    private String page(long id, RequestPostProcessor user) throws Exception {
        return mvc.perform(get("/evaluation/runs/" + id).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
    }

    /** Puts a fresh run on notice and lets its notice period pass. */
    private long noticeEnded(long runId) {
        runs.putOnNotice(runId, LocalDate.now(), "staff");
        NoticePeriods.endedYesterday(jdbc, runId);
        return runId;
    }

    private static PlatformUser staff() {
        return new PlatformUser("staff", "", "业务人员", Role.STAFF, null, null, true, false);
    }
}
