package cn.gov.panyu.points.platform.whitepaper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.concurrent.TimeUnit;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.pdf.PdfFont;
import cn.gov.panyu.points.platform.portal.PortalFixture;

/**
 * The white paper on the demo district's published years: generated in the background, its figures equal to the
 * database's for the run, downloadable and audited; a second request while one runs starts nothing, and a
 * generation the platform stopped under is marked interrupted and can be started again.
 */
@DemoDistrictTest
@WithMockUser(username = "staff", roles = "STAFF")
class WhitePaperIntegrationTests {

    private static final int LATEST = PortalFixture.LATEST;
    private static final String PUBLISHED = " from score_result s join publication p on p.run_id = s.run_id and p.data_year = ?";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    WhitePapers papers;
    @Autowired
    TransactionTemplate tx;
    @Autowired
    PublishedResults published;
    @Autowired
    WhitePaperContents contents;
    @Autowired
    WhitePaperRenderer renderer;
    @Autowired
    AuditLog audit;

    @Test
    void aGeneratedWhitePaperShowsTheDatabasesFiguresOfItsRun() throws Exception {
        long run = jdbc.sql("select run_id from publication where data_year = ?").param(LATEST).query(Long.class).single();
        long evaluated = count("select count(*)" + PUBLISHED);
        long listed = count("select count(*)" + PUBLISHED + " where s.tier is not null");
        long lead = count("select count(*)" + PUBLISHED + " where s.tier = 'LEAD'");
        BigDecimal average = jdbc.sql("select sum(s.total)" + PUBLISHED).param(LATEST).query(BigDecimal.class).single()
                .divide(BigDecimal.valueOf(evaluated), 2, RoundingMode.HALF_UP);

        mvc.perform(post("/analytics/whitepaper/" + LATEST + "/generate").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        WhitePaper paper = awaitFinished(LATEST);

        assertThat(paper.status()).isEqualTo(WhitePaper.Status.DONE);
        assertThat(paper.documentRunId()).isEqualTo(run);
        assertThat(paper.hasPdf()).isTrue();
        MvcResult download = mvc.perform(get("/analytics/whitepaper/" + LATEST + "/pdf").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn();
        assertThat(download.getResponse().getContentType()).isEqualTo("application/pdf");
        assertThat(download.getResponse().getHeader("Content-Disposition")).startsWith("attachment");
        try (PDDocument pdf = Loader.loadPDF(download.getResponse().getContentAsByteArray())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text).contains("全区共 " + evaluated + " 家科技企业", "其中 " + listed + " 家进入榜单",
                    "领跑 " + lead + " 家", "全区平均积分 " + average + " 分", "评价批次 " + run);
            assertThat(pdf.getNumberOfPages()).isBetween(8, 60);
        }
        String html = mvc.perform(get("/analytics/whitepaper/" + LATEST + "/html").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(html).contains("id=\"fig-evaluated\">" + evaluated + "<", "一、总体情况", "class=\"seg LEAD\"");
        // 资质 as the dashboard counts it: the published enterprises whose record of the year holds the qualification
        long hte = jdbc.sql("select count(*)" + PUBLISHED + """
                 join enterprise_year y on y.uscc = s.uscc and y.data_year = p.data_year
                 where (';' || y.qualifications || ';') like '%;HTE;%'""").param(LATEST).query(Long.class).single();
        assertThat(hte).isPositive();
        assertThat(html).contains("各类资质企业榜单分布").containsPattern(
                "<td>高新技术企业</td>\\s*(<td class=\"n\">[0-9,]+</td>\\s*){4}<td class=\"n\">" + String.format("%,d", hte) + "</td>");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'WHITE_PAPER' and detail like ?")
                .param("%" + LATEST + " 年度白皮书%").query(Long.class).single()).isGreaterThanOrEqualTo(3);

        String page = page("/analytics/whitepaper/" + LATEST);
        assertThat(page).contains("id=\"download-pdf\"", "id=\"open-html\"", "重新生成");
        assertThat(page("/analytics/whitepaper")).contains(LATEST + " 年度", "已生成");
    }

    @Test
    void askingWhileAGenerationLivesStartsNothingAndAStoppedOneCanBeStartedAgain() throws Exception {
        int year = LATEST - 1;
        long run = jdbc.sql("select run_id from publication where data_year = ?").param(year).query(Long.class).single();
        // another instance (or this one before a restart) is generating: its heartbeat is fresh
        jdbc.sql("""
                insert into white_paper (data_year, run_id, status, token, progress, phase, requested_by, requested_at, heartbeat_at)
                values (?, ?, 'RUNNING', 'other', 40, '排版', 'admin', ?, ?)""")
                .params(year, run, LocalDateTime.now(), LocalDateTime.now()).update();

        WhitePaper again = TestUsers.asStaff(() -> papers.generate(year, "staff"));

        assertThat(again.status()).isEqualTo(WhitePaper.Status.RUNNING);
        assertThat(again.requestedBy()).isEqualTo("admin");
        assertThat(token(year)).isEqualTo("other");
        assertThat(page("/analytics/whitepaper/" + year)).contains("正在生成：排版", "hx-get=");

        // the platform stopped under it: its heartbeat gets old, and the page says so
        jdbc.sql("update white_paper set heartbeat_at = ? where data_year = ?")
                .params(LocalDateTime.now().minusMinutes(5), year).update();
        assertThat(page("/analytics/whitepaper/" + year)).contains("生成中断", "id=\"generate-button\"");
        assertThat(paper(year).status()).isEqualTo(WhitePaper.Status.INTERRUPTED);

        mvc.perform(post("/analytics/whitepaper/" + year + "/generate").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(token(year)).isNotEqualTo("other");
        WhitePaper done = awaitFinished(year);
        assertThat(done.status()).isEqualTo(WhitePaper.Status.DONE);
        assertThat(done.requestedBy()).isEqualTo("staff");
        assertThat(done.failure()).isNull();
    }

    @Test
    void theForewordIsKeptPerYearAndAStoredPaperSaysWhenItIsOlder() throws Exception {
        int year = LATEST;
        mvc.perform(post("/analytics/whitepaper/" + year + "/foreword").param("body", "## 编者按\n\n全区创新积分稳步提升。")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(foreword(year).body()).startsWith("## 编者按");
        assertThat(page("/analytics/whitepaper/" + year)).contains("全区创新积分稳步提升");

        mvc.perform(post("/analytics/whitepaper/" + year + "/foreword").param("body", "长".repeat(WhitePapers.FOREWORD_MAX + 1))
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection());
        assertThat(foreword(year).body()).startsWith("## 编者按");
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'WHITE_PAPER' and detail like ?")
                .param("%" + year + " 年度白皮书前言%").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void withoutACjkFontTheHtmlIsMadeAndThePagesSayWhyThereIsNoPdf() throws Exception {
        int year = LATEST - 2;
        PdfFont missing = new PdfFont("no-such-folder/wqy-microhei.ttc");
        WhitePapers withoutFont = new WhitePapers(jdbc, tx, published, contents, renderer, missing, audit, Duration.ofSeconds(30));
        try {
            TestUsers.asStaff(() -> withoutFont.generate(year, "staff"));
            WhitePaper paper = awaitFinished(year);

            assertThat(paper.status()).isEqualTo(WhitePaper.Status.DONE);
            assertThat(paper.hasPdf()).isFalse();
            assertThat(paper.hasHtml()).isTrue();
            assertThat(paper.pdfProblem()).contains("未找到中文字体", "fonts-wqy-microhei", "points.pdf.font", "HTML 版不受影响");
            assertThat(page("/analytics/whitepaper/" + year)).contains("未找到中文字体", "id=\"open-html\"")
                    .doesNotContain("id=\"download-pdf\"");
            mvc.perform(get("/analytics/whitepaper/" + year + "/pdf").with(TestUsers.staff())).andExpect(status().isNotFound());
            mvc.perform(get("/analytics/whitepaper/" + year + "/html").with(TestUsers.staff())).andExpect(status().isOk());
        } finally {
            withoutFont.stop();
            // the year has no white paper for the other tests, as before
            jdbc.sql("delete from white_paper where data_year = ?").param(year).update();
        }
    }

    @Test
    void unknownYearsAndMissingDocumentsAreNotFound() throws Exception {
        for (String url : new String[] {"/analytics/whitepaper/1999", "/analytics/whitepaper/1999/status",
                "/analytics/whitepaper/1999/pdf", "/analytics/whitepaper/1999/html", "/analytics/whitepaper/987654321",
                "/analytics/whitepaper/" + (LATEST - 2) + "/pdf", "/analytics/whitepaper/" + (LATEST - 2) + "/html"}) {
            mvc.perform(get(url).with(TestUsers.staff())).andExpect(status().isNotFound());
        }
        mvc.perform(post("/analytics/whitepaper/1999/generate").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(post("/analytics/whitepaper/1999/foreword").param("body", "x").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/analytics/whitepaper/abc").with(TestUsers.staff())).andExpect(status().is4xxClientError());
        mvc.perform(get("/analytics/whitepaper/99999999999").with(TestUsers.staff())).andExpect(status().is4xxClientError());
    }

    private WhitePaper awaitFinished(int year) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(180);
        WhitePaper p = paper(year);
        while (p.running() && System.nanoTime() < deadline) {
            Thread.sleep(200);
            p = paper(year);
        }
        return p;
    }

    // MockMvc's request as a given user leaves the test's own security context empty: calls between requests
    // run as staff explicitly
    private WhitePaper paper(int year) {
        return TestUsers.asStaff(() -> papers.paper(year).orElseThrow());
    }

    private WhitePapers.Foreword foreword(int year) {
        return TestUsers.asStaff(() -> papers.foreword(year).orElseThrow());
    }

    private String token(int year) {
        return jdbc.sql("select token from white_paper where data_year = ?").param(year).query(String.class).single();
    }

    private String page(String url) throws Exception {
        return mvc.perform(get(url).with(TestUsers.staff())).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql) {
        return jdbc.sql(sql).param(LATEST).query(Long.class).single();
    }

}
