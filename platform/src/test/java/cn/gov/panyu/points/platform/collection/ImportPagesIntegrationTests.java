package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.client.RestTestClient;
import org.springframework.test.web.servlet.request.AbstractMockHttpServletRequestBuilder;

import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.engine.xlsx.StreamingXlsx;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.SignIn;
import cn.gov.panyu.points.platform.TestUsers;

@PlatformIntegrationTest
class ImportPagesIntegrationTests {

    private static final int YEAR = 2033;
    private static final Pattern TOKEN = Pattern.compile("/collection/imports/staged/([0-9a-f-]+)");

    @Autowired
    MockMvc mvc;

    @Autowired
    RestTestClient http;

    private static final List<String> PAGES = List.of("/collection/imports", "/collection/imports/export",
            "/collection/imports/new", "/collection/templates/TAX", "/collection/conflicts", "/collection/conflicts/export",
            "/collection/anomalies", "/collection/anomalies/export", "/collection/imports/1/rollback",
            "/collection/imports/jobs/x", "/collection/imports/jobs/x/status");

    @Test
    void everyPageSendsAnonymousUsersToSignInAndRefusesOtherRoles() throws Exception {
        for (String page : PAGES) {
            MvcResult anonymous = mvc.perform(get(page)).andReturn();
            assertThat(anonymous.getResponse().getStatus()).as(page).isEqualTo(302);
            assertThat(anonymous.getResponse().getRedirectedUrl()).as(page).endsWith("/login");
            mvc.perform(get(page).with(TestUsers.enterprise(uscc()))).andExpect(status().isForbidden());
            mvc.perform(get(page).with(TestUsers.bank("B01"))).andExpect(status().isForbidden());
        }
        for (AbstractMockHttpServletRequestBuilder<?> action : List.<AbstractMockHttpServletRequestBuilder<?>>of(post("/collection/imports/1/rollback"),
                post("/collection/conflicts/1/resolve").param("decision", "department"),
                post("/collection/imports/staged/x").param("action", "all"),
                post("/collection/imports/attempts/1/retry"),
                multipart("/collection/imports/new").file(new MockMultipartFile("file", "a.csv", "text/csv", new byte[1]))
                        .param("source", "TAX").param("year", "2033"))) {
            mvc.perform(action.with(TestUsers.enterprise(uscc())).with(csrf())).andExpect(status().isForbidden());
        }
    }

    @Test
    void theImportListAndTheReviewListsRenderForStaff() throws Exception {
        for (String page : List.of("/collection/imports", "/collection/conflicts", "/collection/anomalies",
                "/collection/imports/new")) {
            String html = mvc.perform(get(page).with(TestUsers.staff())).andExpect(status().isOk()).andReturn()
                    .getResponse().getContentAsString();
            assertThat(html).as(page).contains("数据");
        }
        String upload = mvc.perform(get("/collection/imports/new").with(TestUsers.staff())).andReturn().getResponse()
                .getContentAsString();
        assertThat(upload).contains("税务数据导入模板", "科技局数据导入模板", "不超过 50 MB");
    }

    @Test
    void aTemplateHasChineseHeadersWithUnitsAndRequiredMarks() throws Exception {
        MvcResult started = mvc.perform(get("/collection/templates/TAX").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
        TableReader.Table t = TableReader.read(xlsx, null);
        assertThat(t.header()).startsWith("*统一社会信用代码", "企业名称", "*本年营业收入(万元)");
        assertThat(t.header()).contains("研发费用(万元)", "成本费用总额(万元)", "负面情形");
        // a streaming reader trusts the declared dimension: it must see the whole header and every rule
        assertThat(StreamingXlsx.rows(xlsx, 0)).singleElement().isEqualTo(t.header());
        assertThat(StreamingXlsx.rows(xlsx, 1)).hasSize(t.header().size() + 2);
    }

    /** What a browser sends for a link; Boot's error handling answers JSON unless text/html is acceptable. */
    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aSourceWithoutATemplateIsTheChineseNotFoundPageInTheBrowser() {
        String session = SignIn.as(http, "staff");
        // no such code, a code that only fails the enum conversion case-sensitively, the enterprise's own
        // declaration (a data source without a department file)
        for (String source : List.of("NO_SUCH_SOURCE", "tax", "SELF")) {
            for (String accept : List.of(BROWSER_ACCEPT, MediaType.TEXT_HTML_VALUE)) {
                String html = http.get().uri("/collection/templates/" + source).header(HttpHeaders.COOKIE, session)
                        .header(HttpHeaders.ACCEPT, accept).exchange()
                        .expectStatus().isNotFound()
                        .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                        .expectBody(String.class).returnResult().getResponseBody();
                assertThat(html).as(source + " " + accept).contains("页面不存在", "返回首页").doesNotContain("\"status\"");
            }
        }
    }

    @Test
    void uploadShowsTheReportThenLoadsInTheBackgroundAndTheImportIsListed() throws Exception {
        String code = uscc();
        String report = upload("MARKET", "名录.csv", csv(marketHeader(), market(code, "页面测试公司")));
        assertThat(report).contains("校验通过", "导入全部 1 行");
        String token = token(report);
        MvcResult started = mvc.perform(post("/collection/imports/staged/" + token).param("action", "all")
                .with(TestUsers.staff()).with(csrf())).andExpect(status().is3xxRedirection()).andReturn();
        assertThat(started.getResponse().getRedirectedUrl()).isEqualTo("/collection/imports/jobs/" + token);
        String status = awaitJob(token);
        assertThat(status).contains("已导入 1 行", "新增企业 1 家");
        assertThat(mvc.perform(get("/collection/imports").with(TestUsers.staff())).andReturn().getResponse()
                .getContentAsString()).contains("名录.csv");
    }

    @Test
    void aFileWithErrorsOffersOnlyTheExplicitValidRowsChoiceAndListsEachViolation() throws Exception {
        String good = uscc();
        String report = upload("MARKET", "有误.csv", csv(marketHeader(), market(good, "好公司"),
                uscc() + ",坏公司,不存在镇,C39,2015-06-30,"));
        assertThat(report).contains("有 1 行不符合规则", "仅导入有效行（1 行，跳过 1 行）", "不是允许的镇街", "不存在镇")
                .doesNotContain("导入全部");
        String token = token(report);
        mvc.perform(post("/collection/imports/staged/" + token).param("action", "valid").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection());
        assertThat(awaitJob(token)).contains("已导入 1 行", "跳过了 1 行");
    }

    /**
     * A file with thousands of errors: the page groups them by rule with counts and the first rows of each,
     * numbers with thousands separators; the download has every violation.
     */
    @Test
    void aLargeReportIsGroupedByRuleWithCountsAndTheFullReportDownloadsAsExcel() throws Exception {
        List<String> lines = new java.util.ArrayList<>();
        lines.add(marketHeader());
        for (int i = 0; i < 1_200; i++) {
            lines.add(uscc() + ",镇名有误公司" + i + ",不存在镇" + (i % 7) + ",C39,2015-06-30,");
        }
        for (int i = 0; i < 30; i++) {
            lines.add(uscc() + ",日期有误公司" + i + ",南村镇,C39,2015-13-45,");
        }
        for (int i = 0; i < 3; i++) {
            lines.add(uscc() + ",行业有误公司" + i + ",南村镇,Z99,2015-06-30,");
        }

        String report = upload("MARKET", "大量错误.csv", csv(lines.toArray(String[]::new)));

        assertThat(report).contains("有 1,233 行不符合规则").contains("共 1,233 处问题，按规则分为 3 类");
        List<String> groups = Pattern.compile("class=\"app-subtitle\"[^>]*>\\s*<span>([^<]*)</span> · <span>([^<]*)</span>\\s*"
                        + "<span[^>]*>([^<]*)</span>").matcher(report).results()
                .map(m -> m.group(1) + "|" + m.group(2) + "|" + m.group(3)).toList();
        assertThat(groups).hasSize(3);
        assertThat(groups.get(0)).startsWith("所属镇街|不是允许的镇街").endsWith("|1,200 处");
        assertThat(groups.get(1)).startsWith("成立日期|").endsWith("|30 处");
        assertThat(groups.get(2)).startsWith("行业代码|").endsWith("|3 处");
        assertThat(Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL).matcher(report).results()
                .map(m -> Pattern.compile("<tr>").matcher(m.group(1)).results().count()).toList())
                .as("the first five rows of each group").containsExactly(5L, 5L, 3L);
        assertThat(report).contains("另有 1,195 处").contains("另有 25 处").contains("Excel，1,233 条");

        String token = token(report);
        MvcResult started = mvc.perform(get("/collection/imports/staged/" + token + "/report").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn();
        byte[] xlsx = mvc.perform(asyncDispatch(started)).andReturn().getResponse().getContentAsByteArray();
        TableReader.Table t = TableReader.read(xlsx, null);
        assertThat(t.header()).containsExactly("行号", "列", "值", "规则");
        assertThat(t.rows()).hasSize(1_233);
        assertThat(t.rows().stream().filter(r -> r.cells()[1].equals("所属镇街"))).hasSize(1_200);
        assertThat(t.rows().get(t.rows().size() - 1).cells()).startsWith("1234", "行业代码", "Z99");

        mvc.perform(get("/collection/imports/staged/no-such-token/report").with(TestUsers.staff()))
                .andExpect(status().isNotFound());
    }

    @Test
    void theProgressBarAndItsCounterReadTheSameNumbers() {
        ImportJobs.Job job = new ImportJobs.Job("t0000000", "staff", DataSource.TAX, YEAR, "税务.csv", new byte[0], null);
        job.phase = "写入";
        job.done = 5_000;
        job.total = 100_000;

        assertThat(job.percent()).isEqualTo(5);
        job.done = 100_000;
        assertThat(job.percent()).isEqualTo(100);
        job.total = -1;
        assertThat(job.percent()).isZero();
    }

    @Test
    void aWrongTemplateIsReportedAsAWholeWithNothingToLoad() throws Exception {
        String report = upload("SOCIAL", "错模板.csv", csv("统一社会信用代码,企业名称,研发费用", uscc() + ",x,1"));
        assertThat(report).contains("与「社保」数据模板不符").doesNotContain("仅导入有效行").doesNotContain("导入全部");
    }

    /** Files that are zips but no workbook: each fails in its own place inside the XLSX library. */
    @Test
    void aBrokenExcelFileIsReportedInChineseWithoutTheLibrarysClassesOrMessages() throws Exception {
        byte[] workbook = CollectionFixtures.xlsx(List.of("统一社会信用代码", "企业名称"),
                List.<List<Object>>of(List.of(uscc(), "好公司")));
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("不是工作簿.xlsx", zip(Map.of("readme.txt", "hello")));
        files.put("缺少工作簿关系.xlsx", zip(Map.of("[Content_Types].xml", CONTENT_TYPES)));
        files.put("工作簿损坏.xlsx", zip(Map.of("[Content_Types].xml", CONTENT_TYPES, "xl/workbook.xml", "<workbook><sheets")));
        files.put("截断.xlsx", Arrays.copyOf(workbook, workbook.length / 2));
        files.put("伪装.xlsx", "PK\u0003\u0004 not really a zip".getBytes(StandardCharsets.ISO_8859_1));
        for (Map.Entry<String, byte[]> file : files.entrySet()) {
            String report = upload("MARKET", file.getKey(), file.getValue());
            assertThat(report).as(file.getKey()).contains("这不是有效的 Excel 文件")
                    .doesNotContain("com.", "Exception", "xml.rels", "not found", "aalto", "导入全部", "仅导入有效行");
        }
    }

    private static final String CONTENT_TYPES = "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">"
            + "<Override PartName=\"/xl/workbook.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml\"/></Types>";

    private static byte[] zip(Map<String, String> entries) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, String> e : new TreeMap<>(entries).entrySet()) {
                zip.putNextEntry(new ZipEntry(e.getKey()));
                zip.write(e.getValue().getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
        }
        return bytes.toByteArray();
    }

    @Test
    void cancellingLoadsNothing() throws Exception {
        String code = uscc();
        String token = token(upload("MARKET", "取消.csv", csv(marketHeader(), market(code, "取消公司"))));
        MvcResult r = mvc.perform(post("/collection/imports/staged/" + token).param("action", "cancel")
                .with(TestUsers.staff()).with(csrf())).andReturn();
        assertThat(r.getResponse().getRedirectedUrl()).isEqualTo("/collection/imports");
        assertThat(r.getFlashMap().get("notice")).isEqualTo("已取消，本次上传的文件未导入任何数据");
    }

    @Test
    void theRollbackConfirmationNamesTheFileAndTheCounts() throws Exception {
        String code = uscc();
        String token = token(upload("MARKET", "回滚.csv", csv(marketHeader(), market(code, "回滚公司"))));
        mvc.perform(post("/collection/imports/staged/" + token).param("action", "all").with(TestUsers.staff()).with(csrf()));
        String status = awaitJob(token);
        Matcher id = Pattern.compile("批次 #(\\d+)|/collection/imports").matcher(status);
        assertThat(id.find()).isTrue();
        Long importId = lastImportId("回滚.csv");
        String confirm = mvc.perform(get("/collection/imports/" + importId + "/rollback").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(confirm).contains("回滚.csv", "市场监管", "1 行");
        MvcResult done = mvc.perform(post("/collection/imports/" + importId + "/rollback").with(TestUsers.staff()).with(csrf()))
                .andReturn();
        assertThat((String) done.getFlashMap().get("notice")).contains("已回滚导入批次 #" + importId);
    }

    /** The token travels in the form body, as a hidden field, never in the URL (address bar, history, Referer). */
    @Test
    void theUploadFormCarriesItsCsrfTokenInTheBodyAndAnUploadOverHttpIsAccepted() {
        String session = SignIn.as(http, "staff");
        String form = http.get().uri("/collection/imports/new").header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher action = Pattern.compile("<form[^>]*id=\"upload-form\"[^>]*>").matcher(form);
        assertThat(action.find()).isTrue();
        assertThat(action.group()).contains("action=\"/collection/imports/new\"").doesNotContain("_csrf");
        Matcher csrfToken = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form.substring(action.start()));
        assertThat(csrfToken.find()).as("hidden token field in the upload form").isTrue();

        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", csrfToken.group(1));
        body.add("source", "MARKET");
        body.add("year", String.valueOf(YEAR));
        body.add("file", new org.springframework.core.io.ByteArrayResource(csv(marketHeader(), market(uscc(), "表单令牌测试公司"))) {
            @Override
            public String getFilename() {
                return "令牌.csv";
            }
        });
        String report = http.post().uri("/collection/imports/new").header(HttpHeaders.COOKIE, session)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(report).contains("校验通过");
    }

    @Test
    void anUploadFarLargerThanTheLimitGetsTheChineseMessageNotAnError() {
        String session = SignIn.as(http, "staff");
        String form = http.get().uri("/collection/imports/new").header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        Matcher csrfToken = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(form);
        assertThat(csrfToken.find()).isTrue();
        MultiValueMap<String, Object> body = new LinkedMultiValueMap<>();
        body.add("_csrf", csrfToken.group(1));
        body.add("source", "TAX");
        body.add("year", "2033");
        body.add("file", new org.springframework.core.io.ByteArrayResource(new byte[80 << 20]) {
            @Override
            public String getFilename() {
                return "huge.csv";
            }
        });
        var result = http.post().uri("/collection/imports/new").header(HttpHeaders.COOKIE, session)
                .contentType(MediaType.MULTIPART_FORM_DATA).body(body).exchange()
                .expectStatus().is3xxRedirection().expectBody().returnResult();
        assertThat(result.getResponseHeaders().getLocation().getPath()).isEqualTo("/collection/imports/new");
        String page = http.get().uri(result.getResponseHeaders().getLocation()).header(HttpHeaders.COOKIE, session).exchange()
                .expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("文件过大：上限为 50 MB");
    }

    private String upload(String source, String name, byte[] content) throws Exception {
        return mvc.perform(multipart("/collection/imports/new")
                        .file(new MockMultipartFile("file", name, "text/csv", content))
                        .param("source", source).param("year", String.valueOf(YEAR))
                        .with(TestUsers.staff()).with(csrf()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
    }

    private static String token(String report) {
        Matcher m = TOKEN.matcher(report);
        assertThat(m.find()).as("a decision form").isTrue();
        return m.group(1);
    }

    private String awaitJob(String token) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            String html = mvc.perform(get("/collection/imports/jobs/" + token + "/status").with(TestUsers.staff()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (html.contains("id=\"back-to-list\"")) {
                return html;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the import did not finish");
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private Long lastImportId(String fileName) {
        return jdbc.sql("select max(id) from data_import where file_name = ?").param(fileName).query(Long.class).single();
    }
}
