package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/** The declaration's life: draft → submit → return → resubmit → approve, and every illegal step. */
@PlatformIntegrationTest
class DeclarationWorkflowIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    String uscc;
    final int year = DeclarationTestData.year();

    @BeforeEach
    void enterprise() {
        uscc = DeclarationTestData.enterprise(jdbc, "番禺测试填报科技有限公司");
    }

    private MockHttpServletRequestBuilder form(String path, Map<String, String> values) {
        MockHttpServletRequestBuilder b = post(path).with(TestUsers.enterprise(uscc)).with(csrf());
        values.forEach((k, v) -> b.param(k.startsWith("qualifications") ? "qualifications" : "values[" + k + "]", v));
        return b;
    }

    private String declarationStatus() {
        return jdbc.sql("select status from declaration where uscc = :u and data_year = :y").param("u", uscc)
                .param("y", year).query(String.class).optional().orElse(null);
    }

    private long id() {
        return jdbc.sql("select id from declaration where uscc = :u and data_year = :y").param("u", uscc)
                .param("y", year).query(Long.class).single();
    }

    private Map<String, String> values() {
        Map<String, String> values = new java.util.HashMap<>();
        jdbc.sql("select field, field_value from declaration_value where declaration_id = :id").param("id", id())
                .query(rs -> {
                    values.put(rs.getString(1), rs.getString(2));
                });
        return values;
    }

    private List<String> events() {
        return jdbc.sql("select kind from declaration_event where declaration_id = :id order by id")
                .param("id", id()).query(String.class).list();
    }

    @Test
    void aSavedDraftKeepsItsValuesAndRecordsTheChangesInItsHistory() throws Exception {
        mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "1,200.5", "rd_expense", "80",
                        "qualifications", "HTE")))
                .andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/declarations/" + year))
                .andExpect(flash().attribute("notice", "declaration.notice.saved"));

        assertThat(declarationStatus()).isEqualTo("DRAFT");
        assertThat(values()).containsEntry("revenue_y0", "1200.5").containsEntry("rd_expense", "80")
                .containsEntry("qualifications", "HTE");
        assertThat(events()).containsExactly("CREATED", "SAVED");

        mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "1300", "qualifications", "HTE")))
                .andExpect(status().is3xxRedirection());

        String page = mvc.perform(get("/declarations/" + year).with(TestUsers.enterprise(uscc)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"history-table\"", "保存草稿", "1,200.50 万元", "1,300.00 万元", "80.00 万元", "（空）")
                .contains("value=\"1300\"").contains("草稿");
    }

    @Test
    void aFormWithErrorsSavesNothingAndComesBackWithEveryValueAndAChineseMessageBesideTheField() throws Exception {
        String page = mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "abc", "rd_expense", "-5",
                        "employees", "12", "rd_staff", "20")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("有 3 项填写有误")
                .contains("value=\"abc\"", "value=\"-5\"", "value=\"12\"", "value=\"20\"")
                .contains("id=\"f-revenue_y0-error\">应为数字，如 123.45（不带单位和符号）</div>")
                .contains("id=\"f-rd_expense-error\">不得为负数</div>")
                .contains("id=\"f-rd_staff-error\">不得大于职工总数（职工总数为 12）</div>");
        assertThat(declarationStatus()).isNull();
    }

    @Test
    void submittingRequiresTheRequiredFieldsAndThenLocksTheForm() throws Exception {
        String page = mvc.perform(form("/declarations/" + year + "/submit", Map.of("rd_expense", "5")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"f-revenue_y0-error\">必填项不能为空</div>",
                "id=\"f-employees-error\">必填项不能为空</div>");
        assertThat(declarationStatus()).isNull();

        mvc.perform(form("/declarations/" + year + "/submit", Map.of("revenue_y0", "900", "employees", "30")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("notice", "declaration.notice.submitted"));
        assertThat(declarationStatus()).isEqualTo("SUBMITTED");
        assertThat(events()).containsExactly("CREATED", "SUBMITTED");

        // no more changes while it is under review: neither saving nor submitting again
        mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "1", "employees", "30")))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("problem", "该填报已提交或已审核通过，当前不能修改。"));
        mvc.perform(form("/declarations/" + year + "/submit", Map.of("revenue_y0", "1", "employees", "30")))
                .andExpect(flash().attribute("problem", "该填报已提交或已审核通过，当前不能修改。"));
        assertThat(values()).containsEntry("revenue_y0", "900");
        assertThat(declarationStatus()).isEqualTo("SUBMITTED");

        String locked = mvc.perform(get("/declarations/" + year).with(TestUsers.enterprise(uscc)))
                .andReturn().getResponse().getContentAsString();
        assertThat(locked).contains("<fieldset disabled=\"disabled\">", "正在等待区科技局审核")
                .doesNotContain("id=\"save-draft\"");
    }

    @Test
    void staffReturnWithACommentTheEnterpriseEditsAndResubmitsAndStaffApproveIntoTheSelfSource() throws Exception {
        DeclarationTestData.taxRecord(jdbc, uscc, year, 1000.0, 50.0);
        mvc.perform(form("/declarations/" + year + "/submit", Map.of("revenue_y0", "1000", "rd_expense", "65",
                "employees", "40", "total_assets", "3200", "qualifications", "TSME"))).andExpect(status().is3xxRedirection());
        long id = id();

        // review page: declared next to department values, differences highlighted
        String review = mvc.perform(get("/declarations/review/" + id).with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(review).contains("番禺测试填报科技有限公司", "1 项与部门数据不一致", "65.00 万元", "50.00 万元", "税务")
                .contains("<tr data-field=\"rd_expense\" class=\"app-differs\">")
                .doesNotContain("<tr data-field=\"revenue_y0\" class=\"app-differs\">");

        // returning needs a comment
        mvc.perform(post("/declarations/review/" + id + "/return").param("comment", "  ")
                        .with(TestUsers.staff()).with(csrf()))
                .andExpect(redirectedUrl("/declarations/review/" + id))
                .andExpect(flash().attribute("problem", "退回时请填写退回意见，说明需要企业修改的内容。"));
        assertThat(declarationStatus()).isEqualTo("SUBMITTED");

        mvc.perform(post("/declarations/review/" + id + "/return").param("comment", "研发费用与税务数据不符，请核对")
                        .with(TestUsers.staff()).with(csrf()))
                .andExpect(flash().attribute("notice", "declaration.notice.returned"));
        assertThat(declarationStatus()).isEqualTo("RETURNED");

        // approving a returned declaration is not possible
        mvc.perform(post("/declarations/review/" + id + "/approve").with(TestUsers.staff()).with(csrf()))
                .andExpect(flash().attribute("problem", "该填报当前不是“已提交”状态，不能审核。"));
        assertThat(declarationStatus()).isEqualTo("RETURNED");

        String returned = mvc.perform(get("/declarations/" + year).with(TestUsers.enterprise(uscc)))
                .andReturn().getResponse().getContentAsString();
        assertThat(returned).contains("研发费用与税务数据不符，请核对", "已退回", "id=\"save-draft\"");

        mvc.perform(form("/declarations/" + year + "/submit", Map.of("revenue_y0", "1000", "rd_expense", "50",
                "employees", "40", "total_assets", "3200", "qualifications", "TSME"))).andExpect(status().is3xxRedirection());
        assertThat(declarationStatus()).isEqualTo("SUBMITTED");

        mvc.perform(post("/declarations/review/" + id + "/approve").with(TestUsers.staff()).with(csrf()))
                .andExpect(flash().attribute("notice", "declaration.notice.approved"));
        assertThat(declarationStatus()).isEqualTo("APPROVED");
        assertThat(events()).containsExactly("CREATED", "SUBMITTED", "RETURNED", "SUBMITTED", "APPROVED");

        Map<String, Object> self = jdbc.sql("select * from source_record where uscc = :u and data_year = :y and source = 'SELF'")
                .param("u", uscc).param("y", year).query().singleRow();
        assertThat(self.get("revenue_y0")).isEqualTo(1000.0);
        assertThat(self.get("total_assets")).isEqualTo(3200.0);
        assertThat(self.get("employees")).isEqualTo(40);
        assertThat(self.get("qualifications")).isEqualTo("TSME");
        assertThat(self.get("negatives")).isNull();

        Map<String, Object> merged = jdbc.sql("select * from enterprise_year where uscc = :u and data_year = :y")
                .param("u", uscc).param("y", year).query().singleRow();
        assertThat(merged.get("total_assets")).isEqualTo(3200.0);
        assertThat(merged.get("rd_expense")).isEqualTo(50.0);

        // approving twice is refused, and the enterprise can no longer change it
        mvc.perform(post("/declarations/review/" + id + "/approve").with(TestUsers.staff()).with(csrf()))
                .andExpect(flash().attribute("problem", "该填报当前不是“已提交”状态，不能审核。"));
        mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "1")))
                .andExpect(flash().attribute("problem", "该填报已提交或已审核通过，当前不能修改。"));
        assertThat(values()).containsEntry("revenue_y0", "1000");
    }

    @Test
    void departmentValuesAreShownBesideTheFieldsOfTheForm() throws Exception {
        DeclarationTestData.taxRecord(jdbc, uscc, year, 23456.78, 120.0);

        String page = mvc.perform(get("/declarations/" + year).with(TestUsers.enterprise(uscc)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("部门数据：23,456.78 万元（税务）", "部门数据：120.00 万元（税务）")
                .contains("未填报", "万元", "<span class=\"text-danger\" aria-hidden=\"true\">*</span>");
    }

    @Test
    void draftsCannotBeReviewedAndStaffCannotApproveWhatIsNotSubmitted() throws Exception {
        mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "10"))).andExpect(status().is3xxRedirection());

        mvc.perform(post("/declarations/review/" + id() + "/approve").with(TestUsers.staff()).with(csrf()))
                .andExpect(flash().attribute("problem", "该填报当前不是“已提交”状态，不能审核。"));
        mvc.perform(post("/declarations/review/" + id() + "/return").param("comment", "x")
                        .with(TestUsers.staff()).with(csrf()))
                .andExpect(flash().attribute("problem", "该填报当前不是“已提交”状态，不能审核。"));
        assertThat(declarationStatus()).isEqualTo("DRAFT");
        assertThat(jdbc.sql("select count(*) from source_record where uscc = :u and source = 'SELF'")
                .param("u", uscc).query(Integer.class).single()).isZero();
    }

    @Test
    void theQueueListsSubmissionsAndExportsThemToExcel() throws Exception {
        mvc.perform(form("/declarations/" + year + "/submit", Map.of("revenue_y0", "10", "employees", "3")))
                .andExpect(status().is3xxRedirection());

        String queue = mvc.perform(get("/declarations/review").param("q", uscc).with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(queue).contains("番禺测试填报科技有限公司", uscc, "已提交", "导出Excel", "共 1 条")
                .doesNotContain("暂无符合条件的填报");

        String drafts = mvc.perform(get("/declarations/review").param("q", uscc).param("status", "DRAFT")
                        .with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(drafts).contains("暂无符合条件的填报").doesNotContain("id=\"queue-table\"");

        mvc.perform(get("/declarations/review/export").param("q", uscc).with(TestUsers.staff()))
                .andExpect(status().isOk())
                .andExpect(header().string("Content-Type", org.hamcrest.Matchers.startsWith(
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet")));
    }

    @Test
    void theEnterpriseListShowsEachOpenYearWithItsStatus() throws Exception {
        mvc.perform(form("/declarations/" + year, Map.of("revenue_y0", "10"))).andExpect(status().is3xxRedirection());

        mvc.perform(get("/declarations").with(TestUsers.enterprise(uscc)))
                .andExpect(status().isOk())
                .andExpect(content().string(org.hamcrest.Matchers.containsString(year + "年度")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString((year - 1) + "年度")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("草稿")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("未填报")));
    }

    @Test
    void aYearThatIsNotOpenCannotBeDeclared() throws Exception {
        mvc.perform(get("/declarations/" + (year + 5)).with(TestUsers.enterprise(uscc))).andExpect(status().isNotFound());
        mvc.perform(form("/declarations/" + (year - 10), Map.of("revenue_y0", "10"))).andExpect(status().isNotFound());
    }
}
