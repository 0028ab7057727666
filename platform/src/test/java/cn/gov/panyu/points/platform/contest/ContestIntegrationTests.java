package cn.gov.panyu.points.platform.contest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.account.UserAccounts;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.ExcelExport;

/**
 * 双创大赛 end to end on the demo district: an imported file matched to the registry, experts who see and score
 * only their own entries, score changes kept with their reason, the screening list, and an award that the next
 * evaluation run scores as the contest bonus.
 */
@DemoDistrictTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContestIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    UserAccounts accounts;
    @Autowired
    YearRecordMerge merge;
    @Autowired
    EvaluationRuns runs;
    @Autowired
    ScoreModels models;
    @Autowired
    ContestAwardSource awardSource;

    private int year;
    private PlatformUser expertA;
    private PlatformUser expertB;
    private PlatformUser expertC;
    /** Three eligible enterprises of one stage of the latest published year: USCC → registry name. */
    private final List<String> usccs = new ArrayList<>();
    private final List<String> names = new ArrayList<>();

    @BeforeAll
    void data() {
        year = jdbc.sql("select max(data_year) from published_score").query(Integer.class).single();
        jdbc.sql("""
                        select ps.uscc, e.name from published_score ps join enterprise e on e.uscc = ps.uscc
                        where ps.data_year = ? and ps.eligible and ps.stage = 'GROWTH' order by ps.uscc limit 3""")
                .param(year).query((rs, n) -> {
                    usccs.add(rs.getString(1).strip());
                    names.add(rs.getString(2));
                    return null;
                }).list();
        expertA = expert("甲");
        expertB = expert("乙");
        expertC = expert("丙");
    }

    private PlatformUser expert(String name) {
        String username = "expert-" + TestEnterprises.uniqueName("x").hashCode();
        accounts.create(username, "Expert#2025a", "测试专家" + name, Role.EXPERT, null, null);
        return accounts.find(username).orElseThrow();
    }

    @Test
    void importedEntriesAreMatchedToTheRegistryAndABadFileLoadsNothing() throws Exception {
        long contest = contest();
        String nameOnly = names.get(1).replace("有限公司", " 有限公司").replace("(", "（").replace(")", "）");
        ImportReport report = importEntries(contest,
                List.of("智能产线", "智造团队", "张三", usccs.get(0), "", "成长组"),
                List.of("生物芯片", "青蓝团队", "李四", "", nameOnly, "成长组"),
                List.of("无名项目", "无名团队", "王五", "", "番禺不存在的工作室" + contest, "初创组"));

        assertThat(report.loaded()).isTrue();
        assertThat(report.rows()).isEqualTo(3);
        assertThat(report.notices()).extracting(ImportReport.Notice::row).containsExactly(3, 4);
        assertThat(statuses(contest)).containsExactly("MATCHED", "PROPOSED", "UNMATCHED");

        // a file with a duplicate within itself and one already imported: nothing of it is stored
        ImportReport refused = importEntries(contest,
                List.of("新项目", "新团队", "赵六", usccs.get(2), "", "初创组"),
                List.of("新项目", "新团队", "赵六", "", "某企业", "初创组"),
                List.of("再来一次", "智造团队", "张三", usccs.get(0), "", "成长组"));
        assertThat(refused.loaded()).isFalse();
        assertThat(refused.problems()).extracting(p -> p.row() + " " + p.column()).containsExactly("3 项目名称", "4 统一社会信用代码");
        assertThat(statuses(contest)).hasSize(3);

        // staff confirm the proposed name match: the entry now belongs to that enterprise
        long proposed = entryId(contest, "生物芯片");
        mvc.perform(post("/contests/" + contest + "/entries/" + proposed + "/match").param("decision", "confirm")
                .with(csrf()).with(TestUsers.staff())).andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select uscc from contest_entry where id = ?").param(proposed).query(String.class).single().strip())
                .isEqualTo(usccs.get(1));
        String page = page("/contests/" + contest, TestUsers.staff());
        assertThat(page).contains("名称匹配已确认", "未匹配", names.get(1));
    }

    @Test
    void anExpertSeesAndScoresOnlyTheirOwnAssignments() throws Exception {
        long contest = contestWithEntries();
        long mine = assign(contest, "智能产线", expertA);
        long theirs = assign(contest, "生物芯片", expertB);

        String list = page("/expert", as(expertA));
        assertThat(list).contains("智能产线").doesNotContain("生物芯片");
        mvc.perform(get("/expert/assignments/" + mine).with(as(expertA))).andExpect(status().isOk());
        mvc.perform(get("/expert/assignments/" + theirs).with(as(expertA))).andExpect(status().isNotFound());
        mvc.perform(post("/expert/assignments/" + theirs + "/declaration").param("conflict", "no")
                .with(csrf()).with(as(expertA))).andExpect(status().isNotFound());
        mvc.perform(post("/expert/assignments/" + theirs + "/scores").params(scores(contest, "30", "30", "20", "10", "10"))
                .with(csrf()).with(as(expertA))).andExpect(status().isNotFound());
        assertThat(jdbc.sql("select status from contest_assignment where id = ?").param(theirs).query(String.class).single())
                .isEqualTo("ASSIGNED");
        // staff pages are not the expert's, nor the expert's pages staff's
        mvc.perform(get("/contests/" + contest).with(as(expertA))).andExpect(status().isForbidden());
        mvc.perform(get("/expert").with(TestUsers.staff())).andExpect(status().isForbidden());
        // unknown ids
        mvc.perform(get("/expert/assignments/987654321").with(as(expertA))).andExpect(status().isNotFound());
        mvc.perform(get("/contests/987654321").with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(get("/contests/987654321/screening").with(TestUsers.staff())).andExpect(status().isNotFound());
        long otherContest = contest();
        mvc.perform(post("/contests/" + otherContest + "/entries/" + entryId(contest, "智能产线") + "/award")
                .param("award", "FIRST").with(csrf()).with(TestUsers.staff())).andExpect(status().isNotFound());
    }

    @Test
    void aSubmittedScoreChangesOnlyWithAReasonAndTheChangeIsKept() throws Exception {
        long contest = contestWithEntries();
        long id = assign(contest, "智能产线", expertA);
        RequestPostProcessor a = as(expertA);

        // no scoring before the declaration
        mvc.perform(post("/expert/assignments/" + id + "/scores").params(scores(contest, "30", "20", "20", "10", "10"))
                .with(csrf()).with(a)).andExpect(status().is3xxRedirection());
        assertThat(total(id)).isNull();
        declare(id, a, "no", "");
        // a score above the criterion's maximum is refused
        String refused = mvc.perform(post("/expert/assignments/" + id + "/scores").params(scores(contest, "31", "20", "20", "10", "10"))
                .with(csrf()).with(a)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("技术创新性：请填写 0 至 30 之间的分数");
        submit(contest, id, a, "", "30", "20", "20", "10", "10");
        assertThat(total(id)).isEqualByComparingTo("90");

        // a change without a reason is refused and changes nothing
        String noReason = mvc.perform(post("/expert/assignments/" + id + "/scores").params(scores(contest, "25", "20", "20", "10", "10"))
                .with(csrf()).with(a)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(noReason).contains("修改已提交的评分须填写修改理由");
        assertThat(total(id)).isEqualByComparingTo("90");

        submit(contest, id, a, "复核商业计划书后下调", "25", "20", "20", "10", "10");
        assertThat(total(id)).isEqualByComparingTo("85");
        Map<String, Object> change = jdbc.sql("select * from contest_score_change where assignment_id = ?").param(id)
                .query().singleRow();
        assertThat(change.get("reason")).isEqualTo("复核商业计划书后下调");
        assertThat((BigDecimal) change.get("old_total")).isEqualByComparingTo("90");
        assertThat((BigDecimal) change.get("new_total")).isEqualByComparingTo("85");
        assertThat(change.get("old_scores").toString()).startsWith("技术创新性 30；");
        assertThat(change.get("new_scores").toString()).startsWith("技术创新性 25；");
        assertThat(page("/expert/assignments/" + id, a)).contains("评分修改记录", "复核商业计划书后下调");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CONTEST_SCORE' and username = ?")
                .param(expertA.username()).query(Integer.class).single()).isGreaterThanOrEqualTo(3);
    }

    @Test
    void aConflictOfInterestIsKeptAndTheEntryGoesToAnotherExpert() throws Exception {
        long contest = contestWithEntries();
        long id = assign(contest, "生物芯片", expertB);
        declare(id, as(expertB), "yes", "曾在该企业任职");

        assertThat(jdbc.sql("select status || ':' || conflict_reason from contest_assignment where id = ?").param(id)
                .query(String.class).single()).isEqualTo("CONFLICT:曾在该企业任职");
        MvcResult refused = mvc.perform(post("/expert/assignments/" + id + "/scores").params(scores(contest, "30", "20", "20", "10", "10"))
                .with(csrf()).with(as(expertB))).andReturn();
        assertThat(refused.getFlashMap().get("failure")).isEqualTo("已申报利益冲突，不能评分");
        MvcResult again = mvc.perform(post("/contests/" + contest + "/entries/" + entryId(contest, "生物芯片") + "/assign")
                .param("expert", expertB.username()).with(csrf()).with(TestUsers.staff())).andReturn();
        assertThat(again.getFlashMap().get("failure").toString()).contains("已分配过此项目");
        assign(contest, "生物芯片", expertC);
        assertThat(page("/contests/" + contest, TestUsers.staff())).contains("利益冲突：曾在该企业任职");
    }

    @Test
    void theScreeningListCombinesTheExpertsWithThePointsNormalisedInTheStage() throws Exception {
        long contest = contestWithEntries();
        long a1 = assign(contest, "智能产线", expertA);
        long b1 = assign(contest, "智能产线", expertB);
        long a3 = assign(contest, "无名项目", expertA);
        declare(a1, as(expertA), "no", "");
        declare(b1, as(expertB), "no", "");
        declare(a3, as(expertA), "no", "");
        submit(contest, a1, as(expertA), "", "30", "20", "20", "10", "10");
        submit(contest, b1, as(expertB), "", "20", "20", "20", "10", "10");
        submit(contest, a3, as(expertA), "", "20", "20", "20", "10", "10");

        Map<String, Object> range = jdbc.sql("""
                        select min(total) as low, max(total) as high from published_score
                        where data_year = ? and stage = 'GROWTH' and eligible""").param(year).query().singleRow();
        BigDecimal total = jdbc.sql("select total from published_score where data_year = ? and uscc = ?")
                .params(year, usccs.get(0)).query(BigDecimal.class).single();
        BigDecimal low = (BigDecimal) range.get("low");
        BigDecimal high = (BigDecimal) range.get("high");
        BigDecimal normalised = total.subtract(low).multiply(BigDecimal.valueOf(100))
                .divide(high.subtract(low), 2, java.math.RoundingMode.HALF_UP);
        // experts 90 and 80 → 85; α 70 %
        BigDecimal combined = new BigDecimal("59.5").add(new BigDecimal("0.3").multiply(normalised))
                .setScale(2, java.math.RoundingMode.HALF_UP);

        String page = page("/contests/" + contest + "/screening", TestUsers.staff());
        assertThat(page).contains(combined.toPlainString(), normalised.toPlainString(), "85.00（2 位）",
                "仅专家评分：未匹配到企业名录中的企业", "尚无已提交的专家评分", year + " 年度创新积分");
        mvc.perform(get("/contests/" + contest + "/screening/export").with(TestUsers.staff()))
                .andExpect(status().isOk()).andExpect(result -> assertThat(result.getResponse().getContentType())
                        .isEqualTo(ExcelExport.XLSX.toString()));
    }

    @Test
    void anAwardFeedsTheContestBonusOfTheNextRun() throws Exception {
        long contest = contestWithEntries();
        String uscc = usccs.get(0);
        int next = year + 1;
        // the next year's data of the enterprise, as the departments would deliver it, without a contest award
        ContestFixture.copyYear(jdbc, uscc, year, next);
        merge.rebuild(uscc, next);
        assertThat(flag(uscc, next)).isEqualTo(0);
        BigDecimal without = bonus(uscc, next);

        mvc.perform(post("/contests/" + contest + "/entries/" + entryId(contest, "智能产线") + "/award").param("award", "FIRST")
                .with(csrf()).with(TestUsers.staff())).andExpect(status().is3xxRedirection());

        assertThat(flag(uscc, next)).isEqualTo(1);
        // B2 双创大赛获奖 of the model: +40 (B1 30 + B2 40 + B3 30 stay within the bonus cap of 100)
        assertThat(bonus(uscc, next).subtract(without)).isEqualByComparingTo("40");
        assertThat(page("/enterprises/" + uscc + "?year=" + next, TestUsers.staff())).contains("来源：双创大赛 " + year + " 一等奖");
        // the award counts for the contest year and the two after it, not before nor later
        assertThat(awardSource.countingFor(year, uscc)).containsKey(uscc);
        assertThat(awardSource.countingFor(year + 2, uscc)).containsKey(uscc);
        assertThat(awardSource.countingFor(year + 3, uscc)).isEmpty();
        assertThat(awardSource.countingFor(year - 1, uscc)).isEmpty();

        // withdrawn: the record takes the departments' value again
        mvc.perform(post("/contests/" + contest + "/entries/" + entryId(contest, "智能产线") + "/award").param("award", "")
                .with(csrf()).with(TestUsers.staff())).andExpect(status().is3xxRedirection());
        assertThat(flag(uscc, next)).isEqualTo(0);
        // an unmatched entry cannot win an award that counts
        MvcResult refused = mvc.perform(post("/contests/" + contest + "/entries/" + entryId(contest, "无名项目") + "/award")
                .param("award", "MERIT").with(csrf()).with(TestUsers.staff())).andReturn();
        assertThat(refused.getFlashMap().get("failure").toString()).contains("尚未匹配");
    }

    // ---- helpers ----

    private Integer flag(String uscc, int y) {
        return jdbc.sql("select contest_award_3y from enterprise_year where uscc = ? and data_year = ?").params(uscc, y)
                .query(Integer.class).single();
    }

    /** The enterprise's bonus points in a fresh run of the year with the active model. */
    private BigDecimal bonus(String uscc, int y) {
        long runId = TestUsers.asStaff(() -> runs.runNow(y, models.activeModelId(), "staff"));
        return jdbc.sql("select bonus from score_result where run_id = ? and uscc = ?").params(runId, uscc)
                .query(BigDecimal.class).single();
    }

    private long contest() throws Exception {
        MvcResult created = mvc.perform(post("/contests").with(csrf()).with(TestUsers.staff())
                        .param("name", TestEnterprises.uniqueName("番禺区青蓝国际创新创业大赛")).param("year", String.valueOf(year))
                        .param("expertWeight", "70").param("groups", "初创组\n成长组")
                        .param("criteria", "技术创新性 30\n商业模式与市场前景 25\n团队能力 20\n财务与融资 15\n社会效益 10"))
                .andExpect(status().is3xxRedirection()).andReturn();
        String location = created.getResponse().getRedirectedUrl();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    private long contestWithEntries() throws Exception {
        long contest = contest();
        ImportReport report = importEntries(contest,
                List.of("智能产线", "智造团队", "张三", usccs.get(0), "", "成长组"),
                List.of("生物芯片", "青蓝团队", "李四", usccs.get(1), "", "成长组"),
                List.of("无名项目", "无名团队", "王五", "", "番禺不存在的工作室" + contest, "初创组"));
        assertThat(report.loaded()).isTrue();
        return contest;
    }

    @SafeVarargs
    private ImportReport importEntries(long contest, List<String>... rows) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ContestFixture.entries(out, List.of(rows));
        MvcResult result = mvc.perform(multipart("/contests/" + contest + "/entries")
                        .file(new MockMultipartFile("file", "参赛项目.xlsx", ExcelExport.XLSX.toString(), out.toByteArray()))
                        .with(csrf()).with(TestUsers.staff()))
                .andExpect(status().is3xxRedirection()).andReturn();
        return (ImportReport) result.getFlashMap().get("report");
    }

    private List<String> statuses(long contest) {
        return jdbc.sql("select match_status from contest_entry where contest_id = ? order by source_row").param(contest)
                .query(String.class).list().stream().map(String::strip).toList();
    }

    private long entryId(long contest, String project) {
        return jdbc.sql("select id from contest_entry where contest_id = ? and project = ?").params(contest, project)
                .query(Long.class).single();
    }

    private long assign(long contest, String project, PlatformUser expert) throws Exception {
        long entry = entryId(contest, project);
        MvcResult r = mvc.perform(post("/contests/" + contest + "/entries/" + entry + "/assign").param("expert", expert.username())
                .with(csrf()).with(TestUsers.staff())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getFlashMap().get("failure")).isNull();
        return jdbc.sql("select id from contest_assignment where entry_id = ? and expert = ?").params(entry, expert.username())
                .query(Long.class).single();
    }

    private void declare(long id, RequestPostProcessor expert, String conflict, String reason) throws Exception {
        MvcResult r = mvc.perform(post("/expert/assignments/" + id + "/declaration").param("conflict", conflict).param("reason", reason)
                .with(csrf()).with(expert)).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(r.getFlashMap().get("failure")).isNull();
    }

    private void submit(long contest, long id, RequestPostProcessor expert, String reason, String... values) throws Exception {
        var params = scores(contest, values);
        params.add("reason", reason);
        mvc.perform(post("/expert/assignments/" + id + "/scores").params(params).with(csrf()).with(expert))
                .andExpect(status().is3xxRedirection());
    }

    private org.springframework.util.LinkedMultiValueMap<String, String> scores(long contest, String... values) {
        List<Long> criteria = jdbc.sql("select id from contest_criterion where contest_id = ? order by position").param(contest)
                .query(Long.class).list();
        var params = new org.springframework.util.LinkedMultiValueMap<String, String>();
        for (int i = 0; i < criteria.size(); i++) {
            params.add("score_" + criteria.get(i), values[i]);
        }
        return params;
    }

    private BigDecimal total(long id) {
        return (BigDecimal) jdbc.sql("select total from contest_assignment where id = ?").param(id).query().singleRow().get("total");
    }

    private String page(String url, RequestPostProcessor who) throws Exception {
        return mvc.perform(get(url).with(who)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private static RequestPostProcessor as(PlatformUser expert) {
        return user(expert);
    }
}
