package cn.gov.panyu.points.platform.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.EmbeddedPostgresDatabase;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * The portal, consents, the bank view and the public lists on PostgreSQL, the production database: a small
 * demo district loads as on first start (its enterprise user has consented to the demo bank), then the
 * round trip runs through the pages — the enterprise sees its score, the bank sees the enterprise, the
 * enterprise revokes, the bank no longer sees it; the public pages answer without sign-in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK,
        properties = {"points.demo.enterprises=200", "points.data-dir=target/portal-postgres-data"})
@AutoConfigureMockMvc
@ActiveProfiles("test")
// its own PostgreSQL stops after the class: close the context with it, or its background threads keep
// knocking at a closed pool (WARNs in the log of every later test)
@DirtiesContext
class PortalPostgresIntegrationTests {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;

    @Test
    void consentRoundTripAndPublicPagesRunOnPostgresql() throws Exception {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        String uscc = PortalFixture.demoEnterprise(jdbc);
        String name = jdbc.sql("select name from enterprise where uscc = ?").param(uscc).query(String.class).single();
        RequestPostProcessor enterprise = TestUsers.enterprise(uscc);
        RequestPostProcessor bank = TestUsers.bank("DEMO-BANK");

        assertThat(page("/my", enterprise)).contains(name, "id=\"score-total\"", "id=\"breakdown-table\"");
        assertThat(page("/my/consents", enterprise)).contains("DEMO-BANK");
        assertThat(page("/bank/enterprises", bank)).contains(uscc, "共 1 条");
        assertThat(page("/bank/enterprises/" + uscc, bank)).contains(name, "id=\"key-figures\"");
        assertThat(jdbc.sql("select count(*) from audit_event where target_uscc = ? and role = 'BANK'").param(uscc)
                .query(Long.class).single()).as("the bank's read of the report is audited").isPositive();

        long consent = jdbc.sql("select id from consent where uscc = ? and bank_code = 'DEMO-BANK' and ended_at is null")
                .param(uscc).query(Long.class).single();
        mvc.perform(post("/my/consents/" + consent + "/revoke").with(enterprise).with(csrf()))
                .andExpect(status().is3xxRedirection());

        assertThat(page("/bank/enterprises", bank)).doesNotContain(uscc);
        mvc.perform(get("/bank/enterprises/" + uscc).with(bank)).andExpect(status().isNotFound());

        assertThat(page("/public/rankings", null)).contains("领跑");
        assertThat(page("/public/methodology", null)).contains("研发费用总额");
    }

    private String page(String path, RequestPostProcessor user) throws Exception {
        var request = get(path);
        if (user != null) {
            request.with(user);
        }
        return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }
}
