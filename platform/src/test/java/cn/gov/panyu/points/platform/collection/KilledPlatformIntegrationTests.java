package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;
import cn.gov.panyu.points.platform.PlatformProcess;
import cn.gov.panyu.points.platform.SignIn;

/**
 * What the platform told a user survives a crash: the platform runs in a child JVM that is killed with
 * SIGKILL the moment an acknowledgement arrives, then started again on the same data folder.
 */
class KilledPlatformIntegrationTests {

    private static final Pattern TOKEN = Pattern.compile("/collection/imports/staged/([0-9a-f-]+)");
    private static final Pattern ROLLBACK = Pattern.compile("/collection/imports/(\\d+)/rollback");
    private static final Pattern RETRY = Pattern.compile("/collection/imports/attempts/(\\d+)/retry");
    private static final Pattern JOB = Pattern.compile("/collection/imports/jobs/([0-9a-f-]+)$");
    private static final int YEAR = 2024;

    /** A data folder of its own under target/, kept with the children's logs for a failure's diagnosis. */
    private static Path dataFolder() {
        return Path.of("target", "killed-platform", UUID.randomUUID().toString().substring(0, 8), "data").toAbsolutePath();
    }

    @Test
    void anImportAndARollbackAcknowledgedToTheUserSurviveAKillRightAfterTheAcknowledgement() {
        Path data = dataFolder();
        String file = "崩溃测试名录.csv";
        try (PlatformProcess platform = PlatformProcess.start(data)) {
            String token = stage(platform.signIn("staff", SignIn.DEMO_PASSWORD), file, marketFile(50));
            startLoad(platform, token);
            String status = awaitJob(platform, token, Duration.ofSeconds(30));
            platform.kill();
            assertThat(status).as("acknowledged before the kill").contains("已导入 50 行");
        }
        long batch;
        try (PlatformProcess platform = PlatformProcess.start(data)) {
            String list = platform.signIn("staff", SignIn.DEMO_PASSWORD).page("/collection/imports");
            Matcher m = ROLLBACK.matcher(list);
            assertThat(m.find()).as("the acknowledged import is a loaded batch after the restart (its rollback is offered);"
                    + " log " + platform.log()).isTrue();
            assertThat(list).contains(file);
            batch = Long.parseLong(m.group(1));
            HttpResponse<String> rolledBack = platform.postForm("/collection/imports", "/collection/imports/" + batch + "/rollback", Map.of());
            platform.kill();
            assertThat(rolledBack.statusCode()).isEqualTo(302);
            assertThat(rolledBack.headers().firstValue("Location").orElse("")).endsWith("/collection/imports");
        }
        try (PlatformProcess platform = PlatformProcess.start(data)) {
            String list = platform.signIn("staff", SignIn.DEMO_PASSWORD).page("/collection/imports");
            assertThat(list).as("the acknowledged rollback after the restart; log " + platform.log())
                    .contains(file).contains("已回滚").doesNotContain("/collection/imports/" + batch + "/rollback");
        }
    }

    @Test
    void anImportCutShortByAKillIsInterruptedAfterTheRestartAndOneRetryLoadsItAsTheFirstBatch() {
        Path data = dataFolder();
        String file = "中断测试名录.csv";
        String token;
        try (PlatformProcess platform = PlatformProcess.start(data)) {
            token = stage(platform.signIn("staff", SignIn.DEMO_PASSWORD), file, marketFile(5_000));
            startLoad(platform, token);
            // the load has only just begun: reading, checking, writing and merging 5,000 rows take seconds
            platform.kill();
        }
        // the restarted platform takes the attempt over once the killed one's lease expired (ADR 0017)
        try (PlatformProcess platform = PlatformProcess.start(data, "--points.imports.lease=2s")) {
            platform.signIn("staff", SignIn.DEMO_PASSWORD);
            String job = awaitPage(platform, "/collection/imports/jobs/" + token + "/status", "平台重启时中断",
                    Duration.ofSeconds(30));
            assertThat(job).as("the job's page after the restart; log " + platform.log())
                    .contains(file, "平台重启时中断，未导入任何数据").doesNotContain("已过期");
            String list = platform.page("/collection/imports");
            assertThat(list).contains(file, "已中断", "平台重启时中断，未导入任何数据")
                    .as("no batch was loaded").doesNotContain("/rollback");
            Matcher retry = RETRY.matcher(list);
            assertThat(retry.find()).as("the interrupted attempt offers a retry").isTrue();

            HttpResponse<String> retried = platform.postForm("/collection/imports", retry.group(), Map.of());
            assertThat(retried.statusCode()).isEqualTo(302);
            Matcher newJob = JOB.matcher(retried.headers().firstValue("Location").orElse(""));
            assertThat(newJob.find()).as("the retry's job page").isTrue();
            assertThat(awaitJob(platform, newJob.group(1), Duration.ofSeconds(60))).contains("已导入 5000 行");
            assertThat(platform.page("/collection/imports")).as("the interrupted attempt burnt no batch number")
                    .contains("/collection/imports/1/rollback").contains("已中断（已重试）");
        }
    }

    /** The page once it contains {@code text}. */
    private static String awaitPage(PlatformProcess platform, String path, String text, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String page = platform.page(path);
        while (!page.contains(text) && System.nanoTime() < deadline) {
            PlatformProcess.sleep(200);
            page = platform.page(path);
        }
        return page;
    }

    /** Uploads a 市场监管 file; returns the staged upload's token from the validation report. */
    static String stage(PlatformProcess platform, String fileName, byte[] content) {
        HttpResponse<String> report = platform.postFile("/collection/imports/new", "/collection/imports/new",
                Map.of("source", "MARKET", "year", Integer.toString(YEAR)), "file", fileName, content);
        assertThat(report.statusCode()).as(report.body()).isEqualTo(200);
        Matcher m = TOKEN.matcher(report.body());
        assertThat(m.find()).as("a validation report with a decision form: " + report.body()).isTrue();
        return m.group(1);
    }

    /** The user's "导入全部". */
    static void startLoad(PlatformProcess platform, String token) {
        HttpResponse<String> started = platform.postForm("/collection/imports", "/collection/imports/staged/" + token,
                Map.of("action", "all"));
        assertThat(started.statusCode()).isEqualTo(302);
    }

    /**
     * Polls the job's status as its page does, but without the page's one-second pause, so that the kill
     * follows the acknowledgement within milliseconds.
     */
    static String awaitJob(PlatformProcess platform, String token, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String status = "";
        while (System.nanoTime() < deadline) {
            status = platform.page("/collection/imports/jobs/" + token + "/status");
            if (status.contains("back-to-list")) {
                return status;
            }
            PlatformProcess.sleep(5);
        }
        throw new AssertionError("the import did not finish within " + timeout + ": " + status);
    }

    /** A valid 市场监管 file of {@code rows} new enterprises. */
    static byte[] marketFile(int rows) {
        StringBuilder sb = new StringBuilder("统一社会信用代码,企业名称,所属镇街,行业代码,成立日期,负面情形\n");
        long start = System.nanoTime() % 1_000_000L * 1_000L;
        for (int i = 0; i < rows; i++) {
            String body = String.format("91440113%09d", (start + i) % 1_000_000_000L);
            String code = body + UnifiedSocialCreditCode.checkCharacter(body);
            sb.append(code).append(",崩溃测试科技有限公司").append(i).append(",南村镇,C39,2015-06-30,\n");
        }
        return sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
