package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * The declaration's budget, goals and key tasks edited on its page: saved and audited, shown by the Excel and
 * PDF forms; a bad amount answers the form with a Chinese message naming the field and changes nothing; only
 * staff reach the form, and an unknown declaration is 404.
 */
@PlatformIntegrationTest
class PerformanceFormEditIntegrationTests {

    private static final int YEAR = LocalDate.now().getYear();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private Declaration stored(long id) {
        return PerformanceDeclarations.find(jdbc, id).orElseThrow();
    }

    /** The edit form as the page fills it in for the declaration: every field by its name. */
    private Map<String, String> formOf(long id) {
        PerformanceInput.FormFields f = PerformanceInput.fields(stored(id));
        Map<String, String> p = new LinkedHashMap<>(f.budget());
        for (int n = 0; n < f.goals().size(); n++) {
            p.put("goal" + n, f.goals().get(n));
        }
        for (int n = 0; n < f.tasks().size(); n++) {
            for (Map.Entry<String, String> e : f.tasks().get(n).entrySet()) {
                p.put("task" + n + "." + e.getKey(), e.getValue());
            }
            p.putIfAbsent("task" + n + ".name", "");
        }
        return p;
    }

    private MockHttpServletRequestBuilder save(long id, Map<String, String> params) {
        MockHttpServletRequestBuilder post = post("/performance/" + id + "/edit").with(TestUsers.staff()).with(csrf());
        params.forEach((k, v) -> post.param(k, v));
        return post;
    }

    private long audits(String department) {
        return jdbc.sql("select count(*) from audit_event where action = 'PERFORMANCE_CHANGE' and detail like ?")
                .param("%" + department + "%").query(Long.class).single();
    }

    @Test
    void budgetGoalsAndTasksAreEditedAuditedAndExported() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效修改测试局");
        long id = PerformanceWeb.importSeed(mvc, department, YEAR);
        String page = PerformanceWeb.page(mvc, "/performance/" + id + "/edit");
        assertThat(page).contains("value=\"4992.53\"").contains("推动工业经济稳中向好").contains("企业创新能力建设")
                .contains("新增任务（可不填）").contains("基本支出（万元）");

        Map<String, String> form = formOf(id);
        assertThat(form).containsEntry("task7.name", ""); // the empty row to add a task: seven tasks in the seed
        form.put("basic", "5,000");                       // a thousands separator is how amounts are written
        form.put("goal1", "2. 多措并举做好促进消费工作。");
        form.put("goal4", "5. 新增的目标。");               // the empty box: a fifth goal
        form.put("task1.remove", "on");                    // 企业创新能力建设
        form.put("task7.name", "新增的重点任务");
        form.put("task7.content", "新增的实施内容");
        form.put("task7.funds", "12.5");
        form.put("task7.expectation", "新增的目标");
        form.put("task7.optional", "on");
        mvc.perform(save(id, form)).andExpect(status().is3xxRedirection());

        Declaration d = stored(id);
        assertThat(d.budget().basic()).isEqualByComparingTo("5000");
        assertThat(d.budget().project()).isEqualByComparingTo("40598.96");
        assertThat(d.budget().total()).isEqualByComparingTo("45598.96");
        assertThat(d.goals()).hasSize(5).element(1).isEqualTo("2. 多措并举做好促进消费工作。");
        assertThat(d.goals().get(4)).isEqualTo("5. 新增的目标。");
        assertThat(d.tasks()).extracting(Declaration.Task::name).hasSize(7).doesNotContain("企业创新能力建设")
                .startsWith("促进工业产值和工业投资稳增长，打造制造业强区", "促进产业人才发展").endsWith("新增的重点任务");
        Declaration.Task added = d.tasks().get(6);
        assertThat(added.funds()).isEqualByComparingTo("12.50");
        assertThat(added.optional()).isTrue();
        assertThat(d.taskFunds()).isEqualByComparingTo("39084.50"); // 40,572.00 − 1,500.00 + 12.50
        assertThat(d.scored()).hasSize(26); // the indicators are untouched
        assertThat(jdbc.sql("select detail from audit_event where action = 'PERFORMANCE_CHANGE' and detail like ?")
                .param("%修改" + YEAR + "年度预算绩效目标申报表%" + department + "%").query(String.class).single())
                .contains("基本支出 4992.53 → 5000.00").contains("总体绩效目标（5 条）").contains("年度重点工作任务（7 项");

        // the Excel form carries the edits, and reads back as they were saved
        byte[] xlsx = PerformanceWeb.download(mvc, "/performance/" + id + "/export").getResponse().getContentAsByteArray();
        PerformanceForm exported = PerformanceDeclarations.read(xlsx);
        assertThat(exported.budget().basic()).isEqualByComparingTo("5000");
        assertThat(exported.goals()).isEqualTo(d.goals());
        assertThat(exported.tasks()).extracting(PerformanceForm.KeyTask::name).doesNotContain("企业创新能力建设")
                .contains("新增的重点任务");
        assertThat(PerformanceWeb.page(mvc, "/performance/" + id)).contains("5,000.00").contains("45,598.96")
                .contains("新增的重点任务");
    }

    @Test
    void aBadAmountAnswersTheFormNamingTheFieldAndChangesNothing() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效修改错误测试局");
        long id = PerformanceWeb.importSeed(mvc, department, YEAR);
        Declaration before = stored(id);
        long audited = audits(department);
        Map<String, List<String>> cases = Map.of(
                "basic", List.of("4,992.53元", "基本支出（万元）：应为数字"),
                "transfers", List.of("-1", "拟用于对下转移支付资金（万元）：应为不小于 0 的金额"),
                "fiscal", List.of("59053.999", "财政拨款（万元）：应为不小于 0 的金额，最多两位小数"),
                "task2.funds", List.of("两千", "第 3 项任务的拟投入的资金（万元）：应为数字"),
                "task0.name", List.of("", "第 1 项任务的名称不能为空"));
        for (Map.Entry<String, List<String>> c : cases.entrySet()) {
            Map<String, String> form = formOf(id);
            form.put("goal0", "改过的目标，不应保存");                 // a good change alongside the bad one
            form.put(c.getKey(), c.getValue().get(0));
            String answer = mvc.perform(save(id, form)).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(StandardCharsets.UTF_8);
            assertThat(answer).as(c.getKey()).contains(c.getValue().get(1)).contains("id=\"perf-invalid\"")
                    .contains("改过的目标，不应保存") // what was typed is kept to correct
                    .contains("新增任务（可不填）");   // and the empty row is still the one to add a task
            assertThat(stored(id)).as(c.getKey()).usingRecursiveComparison().isEqualTo(before);
        }
        // every goal emptied: there must be one
        Map<String, String> noGoals = formOf(id);
        noGoals.replaceAll((k, v) -> k.startsWith("goal") ? " " : v);
        assertThat(mvc.perform(save(id, noGoals)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8)).contains("总体绩效目标：至少填写一条");
        assertThat(stored(id)).usingRecursiveComparison().isEqualTo(before);
        assertThat(audits(department)).isEqualTo(audited);
    }

    @Test
    void onlyStaffReachTheFormAndUnknownDeclarationsAre404() throws Exception {
        String department = TestEnterprises.uniqueName("预算绩效修改权限测试局");
        long id = PerformanceWeb.importSeed(mvc, department, YEAR);
        Declaration before = stored(id);
        mvc.perform(get("/performance/" + id + "/edit").with(TestUsers.enterprise("91440101MA59TEST01")))
                .andExpect(status().isForbidden());
        mvc.perform(post("/performance/" + id + "/edit").param("basic", "1").with(TestUsers.bank("DEMO-BANK")).with(csrf()))
                .andExpect(status().isForbidden());
        mvc.perform(post("/performance/" + id + "/edit").param("basic", "1").with(TestUsers.expert()).with(csrf()))
                .andExpect(status().isForbidden());
        assertThat(stored(id)).usingRecursiveComparison().isEqualTo(before);
        mvc.perform(get("/performance/987654321/edit").with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(save(987654321L, formOf(id))).andExpect(status().isNotFound());
        mvc.perform(get("/performance/" + id + "/edit").with(TestUsers.admin())).andExpect(status().isOk());
    }
}
