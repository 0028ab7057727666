package cn.gov.panyu.points.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.stream.Stream;
import java.util.List;
import java.util.Map;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.table.ExcelExport;

@PlatformIntegrationTest
class AuditIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Test
    void viewingAnEnterpriseRecordsWhoSawWhichEnterprise() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "审计测试企业甲");

        mvc.perform(get("/enterprises/{u}", uscc).with(TestUsers.staff())).andExpect(status().isOk());

        assertThat(entries(uscc)).singleElement().satisfies(row -> {
            assertThat(row.get("username")).isEqualTo("staff");
            assertThat(row.get("role").toString().strip()).isEqualTo("STAFF");
            assertThat(row.get("action")).isEqualTo("VIEW_ENTERPRISE");
            assertThat(row.get("client_ip")).isNotNull();
        });
    }

    @Test
    void exportingAnEnterprisesDataIsRecordedAsAnExport() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "审计测试企业乙");

        mvc.perform(get("/enterprises/{u}/export", uscc).with(TestUsers.admin()))
                .andExpect(status().isOk()).andExpect(content().contentType(ExcelExport.XLSX));

        assertThat(entries(uscc)).singleElement().satisfies(row -> {
            assertThat(row.get("username")).isEqualTo("admin");
            assertThat(row.get("action")).isEqualTo("EXPORT_DATA");
            assertThat(row.get("detail").toString()).contains("导出企业分来源数据");
        });
    }

    @Test
    void exportingTheEnterpriseListIsRecorded() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "审计测试企业丙");

        mvc.perform(get("/enterprises/export").param("q", uscc).with(TestUsers.staff())).andExpect(status().isOk());

        assertThat(jdbc.sql("select count(*) from audit_event where action = 'EXPORT_DATA' and target_uscc = ?")
                .param(uscc).query(Integer.class).single()).isEqualTo(1);
    }

    @Test
    void signInsAreRecorded() throws Exception {
        int before = count("staff", "LOGIN");
        mvc.perform(formLogin("/login").user("staff").password(SignIn.DEMO_PASSWORD));
        assertThat(count("staff", "LOGIN")).isEqualTo(before + 1);
    }

    @Test
    void theAuditPageFindsEntriesByEnterpriseActionAndDate() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "审计检索测试企业");
        mvc.perform(get("/enterprises/{u}", uscc).with(TestUsers.staff())).andExpect(status().isOk());
        String today = LocalDate.now().toString();

        String html = mvc.perform(get("/audit").param("uscc", uscc).param("action", "VIEW_ENTERPRISE")
                        .param("from", today).param("to", today).with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("操作日志", "审计检索测试企业", uscc, "查看企业数据", "共 1 条");

        String none = mvc.perform(get("/audit").param("uscc", uscc).param("action", "EXPORT_DATA").with(TestUsers.staff()))
                .andReturn().getResponse().getContentAsString();
        assertThat(none).contains("没有符合条件的日志").doesNotContain("审计检索测试企业");

        String yesterday = mvc.perform(get("/audit").param("uscc", uscc).param("to", LocalDate.now().minusDays(1).toString())
                .with(TestUsers.admin())).andReturn().getResponse().getContentAsString();
        assertThat(yesterday).contains("没有符合条件的日志");
    }

    @Test
    void theAuditLogExportsToExcelAndTheExportIsItselfRecorded() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "审计导出测试企业");
        mvc.perform(get("/enterprises/{u}", uscc).with(TestUsers.staff()));

        MvcResult started = mvc.perform(get("/audit/export").param("uscc", uscc).with(TestUsers.admin()))
                .andExpect(status().isOk()).andExpect(content().contentType(ExcelExport.XLSX)).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();

        assertThat(xlsx).startsWith((byte) 'P', (byte) 'K');
        String sheet = sheetText(xlsx);
        // the role is stored by name and shown by its label, which the account module supplies
        assertThat(sheet).contains("查看企业数据", uscc, "staff", "业务人员");
        assertThat(entries(uscc)).extracting(r -> r.get("action")).containsExactly("VIEW_ENTERPRISE", "EXPORT_DATA");
    }

    /** A filter no column can hold matches nothing; it is refused (the export records its filter) rather than failing. */
    @Test
    void filtersLongerThanTheirColumnsAreABadRequestNotAServerError() throws Exception {
        for (String path : List.of("/audit", "/audit/export")) {
            mvc.perform(get(path).param("uscc", "9".repeat(40)).with(TestUsers.staff())).andExpect(status().isBadRequest());
            mvc.perform(get(path).param("user", "u".repeat(65)).with(TestUsers.staff())).andExpect(status().isBadRequest());
        }
    }

    @Test
    void aPageFarPastTheEndAnswersTheLastPage() throws Exception {
        String uscc = TestEnterprises.register(jdbc, "审计翻页测试企业");
        mvc.perform(get("/enterprises/{u}", uscc).with(TestUsers.staff()));

        String page = mvc.perform(get("/audit").param("uscc", uscc).param("page", String.valueOf(Integer.MAX_VALUE))
                .with(TestUsers.admin())).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();

        assertThat(page).contains("查看企业数据").contains("第 1 / 1 页");
    }

    @Test
    void enterpriseBankAndExpertUsersCannotSeeTheAuditLog() throws Exception {
        for (RequestPostProcessor who : List.of(TestUsers.enterprise(TestEnterprises.uscc()), TestUsers.bank("B1"),
                TestUsers.expert())) {
            mvc.perform(get("/audit").with(who)).andExpect(status().isForbidden());
            mvc.perform(get("/audit/export").with(who)).andExpect(status().isForbidden());
        }
        mvc.perform(get("/audit")).andExpect(status().is3xxRedirection());
    }

    private List<Map<String, Object>> entries(String uscc) {
        return jdbc.sql("select username, role, action, detail, client_ip from audit_event where target_uscc = ? order by id")
                .param(uscc).query().listOfRows();
    }

    private int count(String user, String action) {
        return jdbc.sql("select count(*) from audit_event where username = ? and action = ?").params(user, action)
                .query(Integer.class).single();
    }

    /** Every cell of the first sheet as text, row by row. */
    private static String sheetText(byte[] xlsx) throws IOException {
        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            return rows.map(r -> r.stream().map(c -> c == null ? "" : c.getText()).toList().toString())
                    .reduce("", (a, b) -> a + "\n" + b);
        }
    }
}
