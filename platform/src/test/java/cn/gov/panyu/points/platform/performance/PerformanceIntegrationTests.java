package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * 预算绩效 through the web: the seed imported and stored figure by figure, bad forms storing nothing, the Excel
 * form importing again as it was, actuals entered by hand, idempotent snapshots and the self-evaluation.
 * Each test declares for a department of its own (the seed's department renamed), as the database is shared.
 */
@PlatformIntegrationTest
class PerformanceIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    MonthlySnapshots job;

    private static final int YEAR = LocalDate.now().getYear();

    private static String seedOf(String department) {
        return PerformanceWeb.seedOf(department);
    }

    private MvcResult upload(String fileName, byte[] content, int year) throws Exception {
        return PerformanceWeb.upload(mvc, fileName, content, year);
    }

    private long importSeed(String department) throws Exception {
        return PerformanceWeb.importSeed(mvc, department, YEAR);
    }

    private long importSeed(String department, int year) throws Exception {
        return PerformanceWeb.importSeed(mvc, department, year);
    }

    private Declaration stored(long id) {
        return PerformanceDeclarations.find(jdbc, id).orElseThrow();
    }

    private String page(String path) throws Exception {
        return PerformanceWeb.page(mvc, path);
    }

    @Test
    void theSeedImportsThroughTheWebAndIsStoredFigureByFigure() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效导入测试局");
        long id = importSeed(department);

        Declaration d = stored(id);
        assertThat(d.year()).isEqualTo(YEAR);
        PerformanceFormParserTests.assertSeed(d.toForm(), department, true);
        // the indicators the platform can measure are bound by name on import
        Map<String, Measure> bound = d.scored().stream().filter(i -> i.measure() != null)
                .collect(Collectors.toMap(Declaration.Item::name, Declaration.Item::measure));
        assertThat(bound).containsOnly(
                Map.entry("建设广州市番禺区企业创新积分信息平台", Measure.PLATFORM_BUILT),
                Map.entry("高新技术企业国内发明专利授权数", Measure.HTE_INVENTIONS),
                Map.entry("高新技术企业营业收入总额", Measure.HTE_REVENUE),
                Map.entry("研发投入强度", Measure.RD_INTENSITY),
                Map.entry("新认定高新技术企业", Measure.NEW_HTE),
                Map.entry("参加比赛获奖数量", Measure.CONTEST_AWARDS),
                Map.entry("研发经费投入", Measure.RD_SPENDING),
                Map.entry("高新技术企业从业人数", Measure.HTE_EMPLOYEES));

        String html = page("/performance/" + id);
        assertThat(html).contains("4,992.53").contains("59,053.99").contains("45,591.49").contains("推动工业经济稳中向好")
                .contains("企业技术改造项目备案审批办理时限").contains("（本项未设指标）").contains("分值合计 90")
                .doesNotContain("未归类的行");
        assertThat(page("/performance")).contains(department);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PERFORMANCE_CHANGE' and detail like ?")
                .param("%" + department + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void badFormsAreRefusedNamingTheLineAndStoreNothing() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效错误测试局");
        List<String> lines = List.of(seedOf(department).split("\n", -1));
        String truncated = String.join("\n", lines.subList(0, 40));
        String shuffled = seedOf(department).replace("产出指标\t一级指标\t二级指标\t三级指标\t实施周期指标值\t年度指标值",
                "产出指标\t一级指标\t二级指标\t三级指标\t年度指标值\t实施周期指标值");
        String stray = seedOf(department).replace("40,598.96", "40,598.96元");
        Map<String, String> expected = Map.of(
                truncated, "第40行：申报表到此结束，但缺少一级指标「满意度指标」",
                shuffled, "第22行：绩效指标的表头与申报表不符",
                stray, "第8行：第3列「项目支出」的金额「40,598.96元」不是数字");
        for (Map.Entry<String, String> bad : expected.entrySet()) {
            MvcResult r = upload("申报表.txt", bad.getKey().getBytes(StandardCharsets.UTF_8), YEAR);
            assertThat(r.getResponse().getStatus()).isEqualTo(200);
            assertThat(r.getResponse().getContentAsString(StandardCharsets.UTF_8)).contains("未导入：" + bad.getValue())
                    .contains("申报表未作任何改动");
        }
        assertThat(count(department)).isZero();

        // a bad form for a department already declared leaves its declaration as it was
        long id = importSeed(department);
        upload("申报表.txt", stray.getBytes(StandardCharsets.UTF_8), YEAR);
        assertThat(count(department)).isEqualTo(1);
        assertThat(stored(id).budget().project()).isEqualByComparingTo("40598.96");
    }

    private long count(String department) {
        return jdbc.sql("select count(*) from performance_declaration where department = ?").param(department)
                .query(Long.class).single();
    }

    @Test
    void theExcelFormImportsAgainAsItWasAndReplacesTheDeclaration() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效导出测试局");
        long id = importSeed(department);
        MvcResult export = download("/performance/" + id + "/export");
        byte[] xlsx = export.getResponse().getContentAsByteArray();
        assertThat(export.getResponse().getHeader("Content-Disposition")).contains(".xlsx");

        PerformanceFormParserTests.assertSeed(PerformanceDeclarations.read(xlsx), department, true);

        MvcResult again = upload("申报表.xlsx", xlsx, YEAR);
        assertThat(again.getResponse().getStatus()).isEqualTo(302);
        assertThat(count(department)).isEqualTo(1);
        long replaced = Long.parseLong(again.getResponse().getRedirectedUrl().replaceFirst(".*/performance/", ""));
        assertThat(replaced).isNotEqualTo(id);
        PerformanceFormParserTests.assertSeed(stored(replaced).toForm(), department, true);
        mvc.perform(get("/performance/" + id).with(TestUsers.staff())).andExpect(status().isNotFound());
    }

    @Test
    void actualsEnteredByHandDriveMonitoringSnapshotsAndSelfEvaluation() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效监控测试局");
        // next year's declaration: no department data of that year in any test, so only what is entered here counts
        int year = YEAR + 1;
        long id = importSeed(department, year);
        Declaration d = stored(id);
        long workload = item(d, "完成的工作量").id();        // 5家, entered by hand
        long costs = item(d, "项目安排资金").id();           // 按规定控制和支付: qualitative
        long platform = item(d, "建设广州市番禺区企业创新积分信息平台").id(); // measured: 1个

        // a problem at its field, nothing stored
        String refused = mvc.perform(post("/performance/indicators/" + workload + "/actuals").param("value", "五家")
                .param("evidence", "").with(TestUsers.staff()).with(csrf())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(refused).contains("实际值：应为数字").contains("佐证材料说明不能为空");
        mvc.perform(post("/performance/indicators/" + workload + "/actuals").param("value", "4")
                .param("evidence", "走访企业台账（4家）").param("link", "https://example.org/ledger")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/performance/indicators/" + costs + "/actuals").param("achieved", "true")
                .param("evidence", "财务支付凭证抽查无违规").with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());

        String monitoring = page("/performance/" + id + "/monitoring");
        assertThat(monitoring).contains("4家").contains("80.00%").contains("走访").doesNotContain("T(");

        // snapshots: one row per indicator and month, however often taken
        int indicators = d.scored().size();
        mvc.perform(post("/performance/" + id + "/snapshot").with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/performance/" + id + "/snapshot").with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(snapshots(id, YearMonth.now().toString())).isEqualTo(indicators);
        // the monthly job in that year's March, twice
        LocalDate march = LocalDate.of(year, 3, 1);
        assertThat(job.run(march)).isGreaterThanOrEqualTo(indicators);
        job.run(march);
        assertThat(snapshots(id, year + "-03")).isEqualTo(indicators);
        assertThat(jdbc.sql("select status from performance_snapshot where indicator_id = ? and period = ?").params(platform, year + "-03")
                .query(String.class).single()).isEqualTo("ACHIEVED");
        assertThat(jdbc.sql("select status from performance_snapshot where indicator_id = ? and period = ?").params(costs, year + "-03")
                .query(String.class).single()).isEqualTo("ACHIEVED");
        assertThat(jdbc.sql("select status from performance_snapshot where indicator_id = ? and period = ?").params(workload, year + "-03")
                .query(String.class).single()).isEqualTo("ON_TRACK"); // 80 % done with 16 % of the year gone

        // self-evaluation: a hand score needs a reason; the narrative and the funds spent
        String noReason = mvc.perform(post("/performance/indicators/" + costs + "/score").param("handScore", "3")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(noReason).contains("评分理由：人工评分须说明理由");
        mvc.perform(post("/performance/indicators/" + costs + "/score").param("handScore", "3").param("reason", "个别项目支付偏慢")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/performance/" + id + "/evaluation").param("executed", "43,311.92").param("achievements", "全年目标基本完成")
                .param("problemsText", "部分指标数据滞后").param("improvements", "按月调度").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        String evaluation = page("/performance/" + id + "/evaluation");
        // 43,311.92 / 45,591.49 = 95.00 % → 9.50 of 10; 完成的工作量 4.16 × 80 % = 3.33; 项目安排资金 3 by hand;
        // the platform 4.16 in full; every other indicator has no data yet (0)
        assertThat(evaluation).contains("95.00%").contains("9.50 / 10").contains("人工评分：个别项目支付偏慢")
                .contains("全年目标基本完成");
        // 9.50 + 3.33 + 3 + 4.16 = 19.99
        assertThat(evaluation).contains(">19.99<").contains(">差<");

        // the exports: the figures of the page in the workbook
        String report = sheetText(download("/performance/" + id + "/evaluation/export"));
        assertThat(report).contains("自评报告").contains("19.99").contains("差").contains("个别项目支付偏慢").contains("全年目标基本完成");
        String monitored = sheetText(download("/performance/" + id + "/monitoring/export"));
        assertThat(monitored).contains("执行监控表").contains("完成的工作量").contains("4家").contains("正常推进");
    }

    private MvcResult download(String path) throws Exception {
        return PerformanceWeb.download(mvc, path);
    }

    /** Every cell of the workbook's sheet as text, joined. */
    static String sheetText(MvcResult download) {
        TableReader.Table t = TableReader.read(download.getResponse().getContentAsByteArray(), null);
        StringBuilder sb = new StringBuilder(String.join("|", t.header()));
        t.rows().forEach(r -> sb.append('\n').append(String.join("|", java.util.Arrays.stream(r.cells())
                .map(c -> c == null ? "" : c).toList())));
        return sb.toString();
    }

    private long snapshots(long declaration, String month) {
        return jdbc.sql("""
                select count(*) from performance_snapshot s join performance_indicator i on i.id = s.indicator_id
                where i.declaration_id = ? and s.period = ?""").params(declaration, month).query(Long.class).single();
    }

    private static Declaration.Item item(Declaration d, String name) {
        return d.scored().stream().filter(i -> i.name().equals(name)).findFirst().orElseThrow();
    }
}
