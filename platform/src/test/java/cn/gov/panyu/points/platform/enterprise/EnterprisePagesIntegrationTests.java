package cn.gov.panyu.points.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * The enterprise list and detail over a fixture of three enterprises of their own (a year no other test
 * uses, without a published evaluation); scores and tiers are tested on the demo district.
 */
@PlatformIntegrationTest
class EnterprisePagesIntegrationTests {

    static final int YEAR = 2093;
    static final String MARK = "枢纽测试";
    /** Valid USCCs nobody else's fixture uses: a synthetic district of its own seed. */
    static final List<String> USCC = new SyntheticDistrict(93_093L, YEAR).records(3).stream()
            .map(EnterpriseRecord::uscc).toList();

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void fixture() {
        for (String table : List.of("data_conflict", "source_record", "enterprise_year", "enterprise")) {
            jdbc.sql("delete from " + table + " where uscc in (:uscc)").param("uscc", USCC).update();
        }
        enterprise(0, MARK + "甲软件有限公司", "南村镇", "I65", "HTE;TSME");
        enterprise(1, MARK + "乙电子有限公司", "石楼镇", "C39", "TSME");
        enterprise(2, MARK + "丙贸易有限公司", "南村镇", "F51", null);
        jdbc.sql("update enterprise_year set revenue_y0 = 1000, rd_expense = 100 where uscc = ?").param(USCC.get(0)).update();
        jdbc.sql("insert into source_record (uscc, data_year, source, revenue_y0, rd_expense) values (?, ?, 'TAX', 1000, 100)")
                .params(USCC.get(0), YEAR).update();
        jdbc.sql("insert into source_record (uscc, data_year, source, rd_expense, employees) values (?, ?, 'SELF', 130, 12)")
                .params(USCC.get(0), YEAR).update();
        jdbc.sql("""
                insert into data_conflict (uscc, data_year, field, department, department_value, declared_value, status)
                values (?, ?, 'rd_expense', 'TAX', '100.00', '130.00', 'OPEN')""").params(USCC.get(0), YEAR).update();
    }

    private void enterprise(int i, String name, String town, String industry, String qualifications) {
        jdbc.sql("insert into enterprise (uscc, name, town, industry, established) values (?, ?, ?, ?, date '2015-06-01')")
                .params(USCC.get(i), name, town, industry).update();
        jdbc.sql("insert into enterprise_year (uscc, data_year, qualifications) values (?, ?, ?)")
                .params(USCC.get(i), YEAR, qualifications).update();
    }

    @Test
    void staffFindEnterprisesByPartOfTheNameAndTown() throws Exception {
        String page = page("/enterprises?q=" + MARK + "&town=南村镇&year=" + YEAR);

        assertThat(page).contains(MARK + "甲软件有限公司", MARK + "丙贸易有限公司").doesNotContain(MARK + "乙电子有限公司")
                .contains("共 2 条");
    }

    @Test
    void staffFindAnEnterpriseByPartOfItsCreditCodeInAnyCase() throws Exception {
        String part = USCC.get(1).substring(4, 14).toLowerCase();

        assertThat(page("/enterprises?q=" + part + "&year=" + YEAR)).contains(MARK + "乙电子有限公司").contains("共 1 条");
    }

    @Test
    void theQualificationFilterMatchesWholeCodesOfTheYearsMergedRecord() throws Exception {
        assertThat(page("/enterprises?q=" + MARK + "&qualification=HTE&year=" + YEAR))
                .contains(MARK + "甲软件有限公司").doesNotContain(MARK + "乙电子有限公司").contains("共 1 条");
        assertThat(page("/enterprises?q=" + MARK + "&qualification=TSME&year=" + YEAR)).contains("共 2 条");
        assertThat(page("/enterprises?q=" + MARK + "&qualification=HTE&year=" + (YEAR - 1))).contains("没有符合条件的企业");
    }

    @Test
    void theIndustryFilterAndSortingWorkTogether() throws Exception {
        String page = page("/enterprises?q=" + MARK + "&industry=C39&sort=name&dir=desc&year=" + YEAR);

        assertThat(page).contains(MARK + "乙电子有限公司").contains("共 1 条").contains("aria-sort=\"descending\"");
    }

    @Test
    void anUnknownSortKeyFallsBackToTheDefaultOrder() throws Exception {
        assertThat(page("/enterprises?q=" + MARK + "&sort=name;drop&year=" + YEAR)).contains("共 3 条");
    }

    @Test
    void aSearchWithoutMatchesSaysWhatToDo() throws Exception {
        assertThat(page("/enterprises?q=没有这家企业XYZ")).contains("没有符合条件的企业").contains("调整或重置筛选条件");
    }

    @Test
    void percentAndUnderscoreInTheSearchAreLiteral() throws Exception {
        for (String wildcard : List.of("%", "_")) {
            String page = mvc.perform(get("/enterprises?q={q}&year={year}", MARK + wildcard, YEAR).with(TestUsers.staff()))
                    .andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
            assertThat(page).as(wildcard).contains("没有符合条件的企业");
        }
    }

    @Test
    void theExcelExportHoldsExactlyTheFilteredRows() throws Exception {
        MvcResult started = mvc.perform(get("/enterprises/export?q=" + MARK + "&town=南村镇&year=" + YEAR)
                .with(TestUsers.staff())).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all).hasSize(3);
            assertThat(all.get(0).getCellText(0)).isEqualTo("统一社会信用代码");
            assertThat(all.subList(1, 3)).extracting(r -> r.getCellText(1))
                    .containsExactlyInAnyOrder(MARK + "甲软件有限公司", MARK + "丙贸易有限公司");
            assertThat(all.subList(1, 3)).extracting(r -> r.getCellText(9)).contains("高新技术企业、科技型中小企业");
        }
    }

    @Test
    void theDetailShowsTheYearsDataBySourceWithTheConflictMarked() throws Exception {
        String page = page("/enterprises/" + USCC.get(0) + "?year=" + YEAR);

        assertThat(page).contains(MARK + "甲软件有限公司", USCC.get(0), "南村镇", "2015-06-01")
                .contains("税务", "企业填报", "合并值")
                .contains("app-conflict-mark")
                .contains("税务报送 100.00，企业填报 130.00（待处理）")
                .contains("该年度暂无已发布的评价结果");
    }

    @Test
    void theDetailTakesTheDeclaredValueOnlyWhereNoDepartmentReportedIt() throws Exception {
        String page = page("/enterprises/" + USCC.get(0) + "?year=" + YEAR);
        // rd_expense: the tax office's 100.00 is chosen; employees: only declared, so the declaration's 12 is
        String rdRow = page.substring(page.indexOf(">研发费用<"), page.indexOf("</tr>", page.indexOf(">研发费用<")));
        assertThat(rdRow).containsPattern("app-chosen\"?[^>]*>100\\.00<").doesNotContainPattern("app-chosen\"?[^>]*>130\\.00<");
        String staffRow = page.substring(page.indexOf(">职工总数<"), page.indexOf("</tr>", page.indexOf(">职工总数<")));
        assertThat(staffRow).containsPattern("app-chosen\"?[^>]*>12<");
    }

    @Test
    void theYearsDataBySourceExportsWithTheConflict() throws Exception {
        MvcResult started = mvc.perform(get("/enterprises/" + USCC.get(0) + "/export?year=" + YEAR)
                .with(TestUsers.staff())).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsByteArray();

        try (ReadableWorkbook wb = new ReadableWorkbook(new ByteArrayInputStream(xlsx));
             Stream<Row> rows = wb.getFirstSheet().openStream()) {
            List<Row> all = rows.toList();
            assertThat(all.get(0).getCellText(2)).isEqualTo("税务");
            assertThat(all.get(0).getCellText(3)).isEqualTo("企业填报");
            Row rd = all.stream().filter(r -> "研发费用".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(rd.getCellText(2)).isEqualTo("100.00");
            assertThat(rd.getCellText(3)).isEqualTo("130.00");
            assertThat(rd.getCellText(5)).contains("待处理");
        }
    }

    @Test
    void anUnknownEnterpriseIsNotFound() throws Exception {
        mvc.perform(get("/enterprises/91440113000000000X").with(TestUsers.staff())).andExpect(status().isNotFound());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/enterprises", "/enterprises/export", "/enterprises/91440113MA5CXXXX1X",
            "/enterprises/91440113MA5CXXXX1X/export"})
    void anonymousUsersAreSentToSignIn(String path) throws Exception {
        mvc.perform(get(path)).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"/enterprises", "/enterprises/export", "/enterprises/{uscc}", "/enterprises/{uscc}/export"})
    void onlyStaffMayUseTheWorkspace(String path) throws Exception {
        String url = path.replace("{uscc}", USCC.get(0));
        for (RequestPostProcessor user : List.of(TestUsers.enterprise(USCC.get(1)), TestUsers.bank("DEMO-BANK"),
                TestUsers.expert())) {
            mvc.perform(get(url).with(user)).andExpect(status().isForbidden());
        }
    }

    @Test
    void anEnterpriseCannotReadEvenItsOwnDetailHere() throws Exception {
        mvc.perform(get("/enterprises/" + USCC.get(0)).with(TestUsers.enterprise(USCC.get(0))))
                .andExpect(status().isForbidden());
    }

    @Test
    void adminsAreStaffToo() throws Exception {
        mvc.perform(get("/enterprises?q=" + MARK + "&year=" + YEAR).with(TestUsers.admin())).andExpect(status().isOk());
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
