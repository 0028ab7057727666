package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;

/**
 * Who may reach what: every endpoint for every role, and another enterprise's ids in URLs and forms.
 * Enterprise A has a submitted declaration with an attachment; enterprise B tries to reach it.
 */
@PlatformIntegrationTest
class DeclarationAccessIntegrationTests {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    final int year = DeclarationTestData.year();
    String a;
    String b;
    long declarationA;
    long attachmentA;

    @BeforeEach
    void twoEnterprises() throws Exception {
        a = DeclarationTestData.enterprise(jdbc, "甲企业");
        b = DeclarationTestData.enterprise(jdbc, "乙企业");
        mvc.perform(multipart("/declarations/" + year + "/attachments")
                .file(new MockMultipartFile("file", "甲的证明.pdf", "application/pdf", AttachmentTypeTests.PDF))
                .with(TestUsers.enterprise(a)).with(csrf())).andExpect(status().is3xxRedirection());
        mvc.perform(post("/declarations/" + year + "/submit").param("values[revenue_y0]", "777")
                .param("values[employees]", "7").with(TestUsers.enterprise(a)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        declarationA = jdbc.sql("select id from declaration where uscc = :u").param("u", a).query(Long.class).single();
        attachmentA = jdbc.sql("select id from declaration_attachment where declaration_id = :d").param("d", declarationA)
                .query(Long.class).single();
    }

    private List<AbstractMockHttpServletRequestBuilder<?>> enterpriseEndpoints() {
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(get("/declarations"), get("/declarations/" + year),
                post("/declarations/" + year).param("values[revenue_y0]", "1").with(csrf()),
                post("/declarations/" + year + "/submit").with(csrf()),
                multipart("/declarations/" + year + "/attachments")
                        .file(new MockMultipartFile("file", "x.pdf", "application/pdf", AttachmentTypeTests.PDF)).with(csrf()),
                post("/declarations/" + year + "/attachments/" + attachmentA + "/delete").with(csrf()),
                get("/declarations/" + year + "/attachments/" + attachmentA));
    }

    private List<AbstractMockHttpServletRequestBuilder<?>> staffEndpoints() {
        return List.<AbstractMockHttpServletRequestBuilder<?>>of(get("/declarations/review"), get("/declarations/review/export"),
                get("/declarations/review/" + declarationA),
                post("/declarations/review/" + declarationA + "/approve").with(csrf()),
                post("/declarations/review/" + declarationA + "/return").param("comment", "x").with(csrf()),
                get("/declarations/review/" + declarationA + "/attachments/" + attachmentA));
    }

    @Test
    void anonymousVisitorsAreSentToSignInEverywhere() throws Exception {
        for (AbstractMockHttpServletRequestBuilder<?> request : concat(enterpriseEndpoints(), staffEndpoints())) {
            mvc.perform(request).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("/login"));
        }
        assertUntouched();
    }

    @Test
    void bankOfficersAndExpertsAreRefusedEverywhere() throws Exception {
        for (RequestPostProcessor user : List.of(TestUsers.bank("DEMO-BANK"), TestUsers.expert())) {
            for (AbstractMockHttpServletRequestBuilder<?> request : concat(enterpriseEndpoints(), staffEndpoints())) {
                mvc.perform(request.with(user)).andExpect(status().isForbidden());
            }
        }
        assertUntouched();
    }

    @Test
    void enterprisesCannotReachTheStaffReview() throws Exception {
        for (AbstractMockHttpServletRequestBuilder<?> request : staffEndpoints()) {
            mvc.perform(request.with(TestUsers.enterprise(a))).andExpect(status().isForbidden());
        }
        assertUntouched();
    }

    @Test
    void staffUseTheReviewNotTheEnterpriseForm() throws Exception {
        mvc.perform(get("/declarations/" + year).with(TestUsers.staff())).andExpect(status().isForbidden());
        mvc.perform(get("/declarations/review/" + declarationA).with(TestUsers.staff())).andExpect(status().isOk());
        mvc.perform(get("/declarations/review/" + declarationA).with(TestUsers.admin())).andExpect(status().isOk());
    }

    @Test
    void anotherEnterpriseCannotSeeOrTouchTheDeclarationOrItsAttachmentsByChangingIds() throws Exception {
        // B's own page of the same year is B's, empty: A's values never show
        String page = mvc.perform(get("/declarations/" + year).with(TestUsers.enterprise(b)))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("乙企业").doesNotContain("甲企业", "777", "甲的证明.pdf");

        // A's attachment id under B's year URL: not found, not downloadable, not deletable
        mvc.perform(get("/declarations/" + year + "/attachments/" + attachmentA).with(TestUsers.enterprise(b)))
                .andExpect(status().isNotFound());
        mvc.perform(post("/declarations/" + year + "/attachments/" + attachmentA + "/delete")
                .with(TestUsers.enterprise(b)).with(csrf())).andExpect(status().isNotFound());
        // answered exactly as an id nobody has, so that probing tells B nothing about A's ids
        long nobodys = attachmentA + 1_000_000;
        assertThat(mvc.perform(get("/declarations/" + year + "/attachments/" + attachmentA).with(TestUsers.enterprise(b)))
                .andReturn().getResponse().getContentAsString())
                .isEqualTo(mvc.perform(get("/declarations/" + year + "/attachments/" + nobodys).with(TestUsers.enterprise(b)))
                        .andExpect(status().isNotFound()).andReturn().getResponse().getContentAsString());

        // a USCC or id smuggled into the form is ignored: B writes only its own declaration
        mvc.perform(post("/declarations/" + year).param("uscc", a).param("id", String.valueOf(declarationA))
                        .param("values[uscc]", a).param("values[revenue_y0]", "1")
                        .with(TestUsers.enterprise(b)).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(jdbc.sql("select uscc from declaration where id <> :a and uscc in (:a_uscc, :b_uscc)")
                .param("a", declarationA).param("a_uscc", a).param("b_uscc", b).query(String.class).list())
                .containsExactly(b);
        assertUntouched();
    }

    private void assertUntouched() {
        assertThat(jdbc.sql("select status from declaration where id = :id").param("id", declarationA)
                .query(String.class).single()).isEqualTo("SUBMITTED");
        assertThat(jdbc.sql("select field_value from declaration_value where declaration_id = :id and field = 'revenue_y0'")
                .param("id", declarationA).query(String.class).single()).isEqualTo("777");
        assertThat(jdbc.sql("select count(*) from declaration_attachment where declaration_id = :id")
                .param("id", declarationA).query(Integer.class).single()).isEqualTo(1);
    }

    @SafeVarargs
    private static List<AbstractMockHttpServletRequestBuilder<?>> concat(List<AbstractMockHttpServletRequestBuilder<?>>... lists) {
        return java.util.Arrays.stream(lists).flatMap(List::stream).toList();
    }
}
