package cn.gov.panyu.points.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.ScoreCard;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.evaluation.FrozenRuns;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/** 我的积分: an enterprise sees its own results, advice, declarations and objections — and only its own. */
@DemoDistrictTest
class MyPortalIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    EvaluationRuns runs;
    @Autowired
    ScoreModels models;
    @Autowired
    FrozenRuns frozen;
    @Autowired
    MyPortal portal;

    @Test
    void theEnterpriseSeesItsPublishedScoreRankTierBreakdownRadarTrendAndAdvice() throws Exception {
        String uscc = PortalFixture.demoEnterprise(jdbc);
        Map<String, Object> result = published(uscc);

        String page = page("/my", uscc);

        assertThat(page).contains("id=\"score-total\">" + result.get("total"))
                .contains("第 " + result.get("rank_in_stage") + " 名 / ")
                .contains("app-tier-" + result.get("tier").toString().trim())
                .contains(result.get("name").toString());
        assertThat(Pattern.compile("<td class=\"app-mono\">[TGA][0-9]</td>").matcher(page).results().count()).isEqualTo(18);
        assertThat(page).contains("id=\"my-radar\"").contains("data-median=\"").contains("id=\"score-history\"")
                // the trend ends with this year's rank, after those of the years before (the demo publishes three)
                .containsPattern("data-ranks=\"([^\"]*,)?" + result.get("rank_in_stage") + "\"");
        assertThat(page).contains("id=\"advice-list\"").containsPattern("预计总分 \\+[0-9]+\\.[0-9]{2} 分");
        assertThat(page).contains("id=\"what-if-form\"").contains("id=\"wi-rd_expense\"").doesNotContain("id=\"what-if-result\"");
        assertThat(page).contains("id=\"my-declarations\"").contains("/declarations/" + PortalFixture.LATEST);
        // the model by its name and version, not its file id (panyu-2025@…)
        assertThat(page).contains("番禺区企业创新积分模型（2025版） · 版本 2025.1").doesNotContain("panyu-2025@");
    }

    @Test
    @WithMockUser(username = "ent", roles = "ENTERPRISE")
    void theAdviceOfARunIsWorkedOutOnceNotAtEveryView() {
        String uscc = PortalFixture.demoEnterprise(jdbc);
        PlatformUser user = new PlatformUser("ent", "", "企业", Role.ENTERPRISE, uscc, null, true, false);

        MyPortal.View first = portal.view(user, PortalFixture.LATEST);
        MyPortal.View again = portal.view(user, PortalFixture.LATEST);

        assertThat(first.advice()).isNotNull();
        assertThat(again.advice()).isSameAs(first.advice());
        // another year is another run, with its own advice
        assertThat(portal.view(user, PortalFixture.LATEST - 1).advice()).isNotSameAs(first.advice());
    }

    @Test
    void theScopeIsTheAccountsEnterpriseWhateverTheUrlSays() throws Exception {
        String mine = PortalFixture.demoEnterprise(jdbc);
        String other = PortalFixture.otherListed(jdbc, 1).get(0);
        Map<String, Object> theirs = published(other);

        String page = page("/my?uscc=" + other + "&year=" + PortalFixture.LATEST, mine);

        assertThat(page).contains(published(mine).get("name").toString())
                .doesNotContain(theirs.get("name").toString())
                .doesNotContain(other);
    }

    @Test
    void anEnterpriseWithoutAPublishedResultIsToldWhatToDo() throws Exception {
        String unscored = jdbc.sql("select uscc from enterprise where uscc not in (select s.uscc from score_result s "
                + "join publication p on p.run_id = s.run_id and p.data_year = (select max(data_year) from publication)) "
                + "order by uscc limit 1").query(String.class).optional()
                .orElse("91440101MA5C000000");

        assertThat(page("/my", unscored.trim())).contains("暂无已发布的评价结果");
    }

    @Test
    void otherRolesCannotOpenThePortalOrObject() throws Exception {
        mvc.perform(get("/my")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        mvc.perform(get("/my").with(TestUsers.staff())).andExpect(status().isForbidden());
        mvc.perform(get("/my").with(TestUsers.bank("DEMO-BANK"))).andExpect(status().isForbidden());
        mvc.perform(get("/my").with(TestUsers.expert())).andExpect(status().isForbidden());
        mvc.perform(post("/my/objections").param("runId", "1").param("claim", "x").with(TestUsers.bank("DEMO-BANK")).with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void duringNoticeTheEnterpriseObjectsForItselfOnlyAndSeesTheOutcome() throws Exception {
        long run = PortalFixture.noticedRun(jdbc, runs, models);
        List<String> others = PortalFixture.otherListed(jdbc, 2);
        String a = others.get(0);
        String b = others.get(1);

        String page = page("/my", a);
        assertThat(page).contains(PortalFixture.NOTICE_YEAR + " 年度评价结果正在公示").contains("id=\"objection-form\"");

        // a USCC smuggled into the form is ignored: the objection is the signed-in enterprise's
        mvc.perform(post("/my/objections").param("runId", String.valueOf(run)).param("uscc", b)
                        .param("field", "rd_expense").param("claim", "研发费用应为 520 万元，附审计报告。")
                        .with(TestUsers.enterprise(a)).with(csrf()))
                .andExpect(status().is3xxRedirection());

        List<Map<String, Object>> rows = jdbc.sql("select uscc, filed_by, status from objection where run_id = ? and claim like '研发费用应为 520%'")
                .param(run).query().listOfRows();
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("uscc").toString().trim()).isEqualTo(a);
        assertThat(page("/my", a)).contains("研发费用应为 520 万元").contains("待处理");
        assertThat(page("/my", b)).doesNotContain("研发费用应为 520 万元");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'OBJECTION_CHANGE' and target_uscc = ?")
                .param(a).query(Long.class).single()).isPositive();
    }

    @Test
    void aDataItemLongerThanItsColumnIsRefusedInChineseNotAServerError() throws Exception {
        long run = PortalFixture.noticedRun(jdbc, runs, models);
        String a = PortalFixture.otherListed(jdbc, 1).get(0);

        String failure = (String) mvc.perform(post("/my/objections").param("runId", String.valueOf(run))
                        .param("field", "x".repeat(33)).param("claim", "数据项名称过长的异议")
                        .with(TestUsers.enterprise(a)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("failure");

        assertThat(failure).isEqualTo("涉及数据项不能超过 32 个字符。");
        assertThat(jdbc.sql("select count(*) from objection where claim = '数据项名称过长的异议'").query(Long.class).single())
                .isZero();
    }

    @Test
    void anObjectionToARunNotOnNoticeIsRefusedInChinese() throws Exception {
        String a = PortalFixture.otherListed(jdbc, 1).get(0);
        long published = jdbc.sql("select run_id from publication where data_year = ?").param(PortalFixture.LATEST)
                .query(Long.class).single();

        String failure = (String) mvc.perform(post("/my/objections").param("runId", String.valueOf(published))
                        .param("claim", "有误").with(TestUsers.enterprise(a)).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getFlashMap().get("failure");

        assertThat(failure).isEqualTo("该评价批次不在公示期内，不能提出异议。");
    }

    @Test
    void theWhatIfScoresTheEnterprisesOwnRecordWithTheTypedFiguresAsTheEngineDoesAndSavesNothing() throws Exception {
        String uscc = PortalFixture.demoEnterprise(jdbc);
        long runId = jdbc.sql("select run_id from publication where data_year = ?").param(PortalFixture.LATEST)
                .query(Long.class).single();
        Evaluation run = frozen.evaluation(runId).orElseThrow();
        EnterpriseRecord own = run.card(uscc).orElseThrow().record();
        double rd = Double.isNaN(own.value(InputField.RD_EXPENSE)) ? 0 : own.value(InputField.RD_EXPENSE);
        ScoreCard expected = run.whatIf(own.with(InputField.RD_EXPENSE, rd + 500).with(InputField.IP_CLASS1, 7));
        long before = jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        String other = PortalFixture.otherListed(jdbc, 1).get(0);

        String html = mvc.perform(post("/my/what-if").param("year", String.valueOf(PortalFixture.LATEST))
                        .param("rd_expense", ImprovementAdvisor.number(rd + 500)).param("ip_class1", "7")
                        .param("uscc", other).header("HX-Request", "true")
                        .with(TestUsers.enterprise(uscc)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).startsWith("<div id=\"what-if\"")
                .contains("id=\"what-if-total\">" + new java.text.DecimalFormat("#,##0.00", java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT)).format(expected.publishedTotal()) + "<")
                .contains(expected.stage().label())
                .contains(expected.eligible() ? "第 " + expected.rank() + " 名 / " : "不参加排名");
        if (expected.tier() != null) {
            assertThat(html).contains(expected.tier().label() + "榜");
        }
        assertThat(run.card(uscc).orElseThrow().record().value(InputField.IP_CLASS1)).as("the run is untouched")
                .isEqualTo(own.value(InputField.IP_CLASS1));
        assertThat(jdbc.sql("select count(*) from audit_event").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void aWhatIfValueThatBreaksItsRuleIsNamedNextToItsFieldAndNothingIsScored() throws Exception {
        String uscc = PortalFixture.demoEnterprise(jdbc);

        String html = mvc.perform(post("/my/what-if").param("year", String.valueOf(PortalFixture.LATEST))
                        .param("rd_expense", "1,5").param("rd_staff", "999999").with(TestUsers.enterprise(uscc)).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(html).contains("id=\"wi-rd_expense-error\">应为数字").contains("id=\"wi-rd_staff-error\">不得大于职工总数")
                .doesNotContain("id=\"what-if-result\"").contains("id=\"my-name\"");
    }

    @Test
    void theWhatIfIsOnlyForTheEnterpriseItselfAndOnlyForAPublishedYear() throws Exception {
        String uscc = PortalFixture.demoEnterprise(jdbc);

        mvc.perform(post("/my/what-if").param("year", "1999").with(TestUsers.enterprise(uscc)).with(csrf()))
                .andExpect(status().isNotFound());
        for (var who : List.of(TestUsers.staff(), TestUsers.admin(), TestUsers.bank("DEMO-BANK"), TestUsers.expert())) {
            mvc.perform(post("/my/what-if").param("year", String.valueOf(PortalFixture.LATEST)).with(who).with(csrf()))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(post("/my/what-if").param("year", String.valueOf(PortalFixture.LATEST)).with(csrf()))
                .andExpect(status().is3xxRedirection());
    }

    private Map<String, Object> published(String uscc) {
        return jdbc.sql("""
                        select s.name, s.total, s.rank_in_stage, s.tier from score_result s
                        join publication p on p.run_id = s.run_id
                        and p.data_year = (select max(data_year) from publication) where s.uscc = ?""").param(uscc).query().singleRow();
    }

    private String page(String url, String uscc) throws Exception {
        return mvc.perform(get(url).with(TestUsers.enterprise(uscc))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }
}
