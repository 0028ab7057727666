package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.panyu.points.platform.EmbeddedPostgresDatabase;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.table.TableQuery;


/** The declaration's SQL on a real PostgreSQL: draft, attachment, submit, queue, return, approve into the merge. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
@ActiveProfiles("test")
// its own PostgreSQL stops after the class: close the context with it, or its background threads keep
// knocking at a closed pool (WARNs in the log of every later test)
@DirtiesContext
class DeclarationPostgresIntegrationTests {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @Autowired
    Declarations declarations;

    @Autowired
    DeclarationReviews reviews;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    private static void signIn(PlatformUser user) {
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
    }

    @Test
    void theWholeReviewLoopRunsOnPostgresql() {
        int year = DeclarationTestData.year();
        String uscc = DeclarationTestData.enterprise(jdbc, "番禺PG测试有限公司");
        DeclarationTestData.taxRecord(jdbc, uscc, year, 800.0, 40.0);
        PlatformUser enterprise = new PlatformUser("ent-pg", "", "企业", Role.ENTERPRISE, uscc, null, true, false);
        PlatformUser staff = new PlatformUser("staff", "", "业务人员", Role.STAFF, null, null, true, false);

        signIn(enterprise);
        assertThat(declarations.save(enterprise, year, Map.of("revenue_y0", "800", "rd_expense", "55.5"),
                List.of("HTE")).saved()).isTrue();
        declarations.attach(enterprise, year, "证明.pdf", new ByteArrayInputStream(AttachmentTypeTests.PDF));
        assertThat(declarations.submit(enterprise, year, Map.of("revenue_y0", "800", "rd_expense", "55.5",
                "employees", "20", "net_assets_y0", "-12.5"), List.of("HTE")).saved()).isTrue();

        signIn(staff);
        var queue = reviews.queue(new DeclarationReviews.Filter(DeclarationStatus.SUBMITTED, year, uscc),
                TableQuery.of(1, 20, "name", "desc"));
        assertThat(queue.total()).isEqualTo(1);
        DeclarationSummary row = queue.rows().get(0);
        assertThat(row.attachments()).isEqualTo(1);

        DeclarationDetail detail = reviews.review(row.id());
        assertThat(detail.values()).containsEntry("rd_expense", "55.5").containsEntry("net_assets_y0", "-12.5");
        assertThat(detail.department().get("rd_expense").value()).isEqualTo("40");
        assertThat(detail.differs("rd_expense")).isTrue();
        assertThat(detail.history()).extracting(DeclarationDetail.Event::kind)
                .containsExactly("SUBMITTED", "ATTACHMENT_ADDED", "SAVED", "CREATED");

        assertThatThrownBy(() -> reviews.sendBack(row.id(), " ", staff)).isInstanceOf(DeclarationException.class);
        reviews.sendBack(row.id(), "请核对研发费用", staff);
        signIn(enterprise);
        declarations.submit(enterprise, year, Map.of("revenue_y0", "800", "rd_expense", "40", "employees", "20",
                "net_assets_y0", "-12.5"), List.of("HTE"));

        signIn(staff);
        reviews.approve(row.id(), null, staff);
        assertThat(reviews.review(row.id()).status()).isEqualTo(DeclarationStatus.APPROVED);
        Map<String, Object> merged = jdbc.sql("select * from enterprise_year where uscc = :u and data_year = :y")
                .param("u", uscc).param("y", year).query().singleRow();
        assertThat(((Number) merged.get("net_assets_y0")).doubleValue()).isEqualTo(-12.5);
        assertThat(((Number) merged.get("employees")).intValue()).isEqualTo(20);
        assertThat(merged.get("qualifications")).isEqualTo("HTE");
    }
}
