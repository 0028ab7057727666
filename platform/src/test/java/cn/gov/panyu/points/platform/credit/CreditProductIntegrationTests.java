package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;
import static cn.gov.panyu.points.platform.credit.ProductRequests.filled;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * 积分贷 products through the web: staff publish for any bank, a bank officer for their own only; another
 * bank's product is 404, whatever the officer sends; problems come back at their inputs; lists export.
 */
@PlatformIntegrationTest
class CreditProductIntegrationTests {

    private static final String OWN = "CCB-PY";
    private static final String OTHER = "BOC-PY";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    private long create(RequestPostProcessor user, String path, String bank, String name) throws Exception {
        mvc.perform((bank == null ? filled(post(path), name) : filled(post(path), name, "bankCode", bank)).with(user)).andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from credit_product where name = ?").param(name).query(Long.class).single();
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        return mvc.perform(get(path).with(user)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    @Test
    void staffPublishForAnyBankAndTheFormReadsBackWhatWasSaved() throws Exception {
        String name = TestEnterprises.uniqueName("员工产品");
        long id = create(TestUsers.staff(), "/credit/products", OTHER, name);

        assertThat(jdbc.sql("select bank_code from credit_product where id = ?").param(id).query(String.class).single())
                .isEqualTo(OTHER);
        String form = page("/credit/products/" + id, TestUsers.staff());
        assertThat(form).contains("value=\"" + name + "\"").contains("60 = 1\n80 = 1.2").contains("中国银行广州番禺支行");
        assertThat(page("/credit/products?bank=" + OTHER + "&size=100", TestUsers.staff())).contains(name).contains("竞跑及以上");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'CREDIT_PRODUCT_CHANGE' and detail like ?")
                .param("%" + name + "%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void staffMustChooseABankThatExists() throws Exception {
        String page = mvc.perform(filled(post("/credit/products"), "无银行产品", "bankCode", "NO-SUCH-BANK")
                        .with(TestUsers.staff())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("银行：请选择发布产品的银行");
        assertThat(jdbc.sql("select count(*) from credit_product where name = '无银行产品'").query(Long.class).single()).isZero();
    }

    @Test
    void aBankPublishesForItselfWhateverBankItSends() throws Exception {
        String name = TestEnterprises.uniqueName("本行产品");
        long id = create(TestUsers.bank(OWN), "/bank/products", OTHER, name);
        assertThat(jdbc.sql("select bank_code from credit_product where id = ?").param(id).query(String.class).single())
                .isEqualTo(OWN);
    }

    @Test
    void aBankSeesAndEditsOnlyItsOwnProducts() throws Exception {
        String own = TestEnterprises.uniqueName("本行产品");
        String other = TestEnterprises.uniqueName("他行产品");
        long ownId = create(TestUsers.bank(OWN), "/bank/products", null, own);
        long otherId = create(TestUsers.staff(), "/credit/products", OTHER, other);

        String list = page("/bank/products?size=100&bank=" + OTHER, TestUsers.bank(OWN));
        assertThat(list).contains(own).doesNotContain(other);
        mvc.perform(get("/bank/products/" + otherId).with(TestUsers.bank(OWN))).andExpect(status().isNotFound());
        mvc.perform(filled(post("/bank/products/" + otherId), "改名").with(TestUsers.bank(OWN)))
                .andExpect(status().isNotFound());
        assertThat(jdbc.sql("select name from credit_product where id = ?").param(otherId).query(String.class).single())
                .isEqualTo(other);

        String renamed = own + "（新）";
        mvc.perform(filled(post("/bank/products/" + ownId), renamed).with(TestUsers.bank(OWN)))
                .andExpect(redirectedUrl("/bank/products"));
        assertThat(jdbc.sql("select name from credit_product where id = ?").param(ownId).query(String.class).single())
                .isEqualTo(renamed);
    }

    @Test
    void problemsAreShownAtTheirInputsAndNothingIsSaved() throws Exception {
        String name = TestEnterprises.uniqueName("有误产品");
        String page = mvc.perform(filled(post("/bank/products"), name, "baseRun", "", "cap", "一千",
                        "validTo", "2000-01-01").with(TestUsers.bank(OWN)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("表单有 3 处问题").contains("基础额度（竞跑）：必填项不能为空")
                .contains("额度上限：应为数字").contains("有效期止：不能早于有效期起")
                .containsPattern("id=\"baseRun\"[^>]*is-invalid|is-invalid[^>]*id=\"baseRun\"");
        assertThat(jdbc.sql("select count(*) from credit_product where name = ?").param(name).query(Long.class).single()).isZero();
    }

    @Test
    void theListSortsSurvivesAbsurdPagingAndExports() throws Exception {
        String name = TestEnterprises.uniqueName("导出产品");
        create(TestUsers.bank(OWN), "/bank/products", null, name);
        page("/bank/products?page=-5&size=99999&sort=nonsense&dir=sideways", TestUsers.bank(OWN));
        page("/credit/products?page=2147483647&size=0&sort=rate&dir=desc", TestUsers.staff());

        MvcResult started = mvc.perform(get("/bank/products/export?sort=name").with(TestUsers.bank(OWN)))
                .andExpect(request().asyncStarted()).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        try (ReadableWorkbook book = new ReadableWorkbook(new ByteArrayInputStream(xlsx))) {
            List<Row> rows = book.getFirstSheet().read();
            assertThat(rows.get(0).getCell(0).getText()).isEqualTo("银行");
            List<Row> products = rows.subList(1, rows.size());
            assertThat(products).allSatisfy(r -> assertThat(r.getCell(0).getText()).isEqualTo("中国建设银行广州番禺支行"));
            assertThat(products).anySatisfy(r -> assertThat(r.getCell(1).getText()).isEqualTo(name));
        }
    }

    @Test
    void enterprisesAndExpertsCannotReachTheProductPages() throws Exception {
        mvc.perform(get("/credit/products").with(TestUsers.bank(OWN))).andExpect(status().isForbidden());
        mvc.perform(get("/bank/products").with(TestUsers.staff())).andExpect(status().isForbidden());
        mvc.perform(get("/bank/products").with(TestUsers.expert())).andExpect(status().isForbidden());
    }
}
