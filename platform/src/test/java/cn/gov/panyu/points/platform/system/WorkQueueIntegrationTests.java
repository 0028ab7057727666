package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.portal.PortalFixture;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * The staff's home page is their work queue: each figure is what the demo district holds (counted here
 * straight from the tables, the home page asks each feature), and each is a link to where the work is done.
 */
@DemoDistrictTest
class WorkQueueIntegrationTests {

    @Autowired
    RestTestClient http;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    ScoreModels models;

    @Test
    void staffHomeCountsTheOpenWorkOfTheDistrict() {
        long runOnNotice = PortalFixture.noticedRun(jdbc, runs, models);
        // an enterprise other than the demo account's, whose own objections and registrations other tests read
        String uscc = PortalFixture.otherListed(jdbc, 1).get(0);
        jdbc.sql("insert into objection (run_id, uscc, field, claim, filed_by, filed_at, status)"
                        + " values (?, ?, 'revenue', '营业收入有误', 'staff', current_timestamp, 'OPEN')")
                .params(runOnNotice, uscc).update();
        jdbc.sql("insert into app_user (username, password_hash, display_name, role, uscc, contact_name, status)"
                        + " select 'queue-applicant', password_hash, '排队企业', 'ENTERPRISE', ?, '联系人', 'PENDING'"
                        + " from app_user where username = 'staff' and not exists"
                        + " (select 1 from app_user where username = 'queue-applicant')")
                .param(uscc).update();

        String html = home("staff");

        long declarations = count("select count(*) from declaration where status = 'SUBMITTED'");
        long conflicts = count("select count(*) from data_conflict where status = 'OPEN'");
        long anomalies = count("select count(*) from data_anomaly");
        long objections = count("select count(*) from objection where status = 'OPEN'");
        long registrations = count("select count(*) from app_user where role = 'ENTERPRISE' and contact_name is not null"
                + " and status = 'PENDING'");
        assertThat(conflicts + declarations + anomalies).as("the demo district has work to do").isPositive();
        assertThat(objections).isPositive();
        assertThat(registrations).isPositive();

        assertThat(tile(html, "work-declarations", "/declarations/review")).isEqualTo(declarations);
        assertThat(tile(html, "work-conflicts", "/collection/conflicts?status=OPEN")).isEqualTo(conflicts);
        assertThat(tile(html, "work-anomalies", "/collection/anomalies")).isEqualTo(anomalies);
        assertThat(tile(html, "work-objections", "/evaluation/notice?status=OPEN")).isEqualTo(objections);
        assertThat(tile(html, "work-registrations", "/registrations")).isEqualTo(registrations);

        LocalDate ends = jdbc.sql("select notice_ends from evaluation_run where id = ?").param(runOnNotice)
                .query(LocalDate.class).single();
        assertThat(html).contains("批次 #" + runOnNotice + "：" + ChronoUnit.DAYS.between(LocalDate.now(), ends)
                + " 天后截止（" + ends + "）");
    }

    private static long tile(String html, String id, String link) {
        Matcher m = Pattern.compile("<a class=\"app-queue-item[^\"]*\" id=\"" + Pattern.quote(id) + "\" href=\""
                + Pattern.quote(link.replace("&", "&amp;")) + "\">\\s*<span class=\"app-queue-label\">[^<]+</span>\\s*"
                + "<span class=\"app-queue-count\">([\\d,]+)</span>").matcher(html);
        assertThat(m.find()).as("tile %s linking to %s in %s", id, link, html).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private long count(String sql) {
        return jdbc.sql(sql).query(Long.class).single();
    }

    private String home(String user) {
        return http.get().uri("/").header(HttpHeaders.COOKIE, SignIn.as(http, user)).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
    }
}
