package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.HttpEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.account.UserAccounts;

/**
 * An oversized attachment over real HTTP, through the servlet container's multipart handling (which
 * MockMvc skips): the enterprise gets its form back with the Chinese message, never an error page.
 */
@PlatformIntegrationTest
class DeclarationUploadLimitIntegrationTests {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    UserAccounts accounts;

    @Test
    void anAttachmentOverTheLimitComesBackAsAChineseMessageOnTheForm() {
        int year = DeclarationTestData.year();
        String uscc = DeclarationTestData.enterprise(jdbc, "番禺大文件测试有限公司");
        String user = "ent-" + uscc.substring(8).toLowerCase(Locale.ROOT);
        accounts.create(user, SignIn.DEMO_PASSWORD, "番禺大文件测试有限公司", Role.ENTERPRISE, uscc, null);
        String session = SignIn.as(http, user);

        String form = http.get().uri("/declarations/" + year).header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();

        byte[] big = new byte[12 * 1024 * 1024];
        System.arraycopy(AttachmentTypeTests.PDF, 0, big, 0, AttachmentTypeTests.PDF.length);
        LinkedMultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", csrf.group(1));
        HttpHeaders pdf = new HttpHeaders();
        pdf.setContentType(MediaType.APPLICATION_PDF);
        body.add("file", new HttpEntity<>(new ByteArrayResource(big) {
            @Override
            public String getFilename() {
                return "审计报告.pdf";
            }
        }, pdf));

        String location = http.post().uri("/declarations/" + year + "/attachments").header(HttpHeaders.COOKIE, session)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange()
                .expectStatus().is3xxRedirection().returnResult(Void.class).getResponseHeaders().getLocation().toString();
        assertThat(location).contains("/declarations/" + year);

        String page = http.get().uri("/declarations/" + year).header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("文件超过 10 MB 的大小限制，请压缩或拆分后再上传。");
        assertThat(jdbc.sql("select count(*) from declaration_attachment a join declaration d on d.id = a.declaration_id "
                + "where d.uscc = :u").param("u", uscc).query(Integer.class).single()).isZero();
    }
}
