package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.collection.ImportAttempts.Attempt;
import cn.gov.panyu.points.platform.collection.ImportResult.Status;

/**
 * 导入任务: a load that fails or is cut short is recorded, audited, listed and retried with one action, and
 * burns no batch number.
 */
@PlatformIntegrationTest
class ImportAttemptsIntegrationTests {

    private static final int YEAR = 2034;

    @Autowired
    ImportAttempts attempts;

    @Autowired
    DepartmentImports imports;

    @Autowired
    ImportLeases leases;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Value("${points.data-dir}")
    String dataDir;

    @BeforeEach
    void staff() {
        CollectionFixtures.signInAsStaff();
    }

    @AfterEach
    void signOut() {
        CollectionFixtures.signOut();
    }

    /** A recorded, running attempt over a fresh one-row 市场监管 file, as the import page starts one. */
    private Attempt started(String fileName, byte[] content) {
        long id = attempts.begin(UUID.randomUUID().toString(), DataSource.MARKET, YEAR, fileName,
                DepartmentImports.sha256(content), false, content, "staff");
        return attempts.find(id);
    }

    @Test
    void aLoadThatFailsIsRecordedAuditedKeptForARetryAndBurnsNoBatchNumber() throws Exception {
        long lastBatch = jdbc.sql("select coalesce(max(id), 0) from data_import").query(Long.class).single();
        String code = uscc();
        byte[] content = csv(marketHeader(), market(code, "失败重试科技有限公司"));
        Attempt attempt = started("失败重试.csv", content);
        ImportProgress failsWhileMerging = (phase, done, total) -> {
            if (phase.equals("合并")) {
                throw new IllegalStateException("simulated failure after the rows were written");
            }
        };

        assertThatThrownBy(() -> imports.load(DataSource.MARKET, YEAR, "失败重试.csv", content, false, "staff",
                failsWhileMerging, attempt.id())).isInstanceOf(IllegalStateException.class);
        attempts.fail(attempt.id(), "导入失败：系统内部错误，未写入任何数据。");

        Attempt failed = attempts.find(attempt.id());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.statusLabel()).isEqualTo("失败");
        assertThat(failed.retryable()).isTrue();
        assertThat(failed.importId()).isNull();
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(code).query(Long.class).single()).isZero();
        assertThat(kept(attempt)).as("the file is kept for the retry").exists();
        assertThat(auditDetails(attempt)).singleElement().asString()
                .startsWith("导入任务 " + attempt.reference() + " 失败：市场监管 " + YEAR + " 年《失败重试.csv》，导入失败");
        assertThat(list()).contains(attempt.reference(), "失败重试.csv", "导入失败：系统内部错误，未写入任何数据。",
                "/collection/imports/attempts/" + attempt.id() + "/retry");

        String job = retry(attempt);
        assertThat(awaitJob(job)).contains("已导入 1 行");

        assertThat(jdbc.sql("select max(id) from data_import").query(Long.class).single())
                .as("the failed load's batch number went to the next load").isEqualTo(lastBatch + 1);
        Attempt retried = attempts.find(attempt.id());
        assertThat(retried.statusLabel()).isEqualTo("失败（已重试）");
        assertThat(retried.retryable()).isFalse();
        Attempt retry = attempts.find(retried.retriedAs());
        assertThat(retry.token()).isEqualTo(job);
        assertThat(retry.status()).isEqualTo("SUCCEEDED");
        assertThat(retry.importId()).isEqualTo(lastBatch + 1);
        assertThat(retry.outcome()).startsWith("已导入 1 行");
        assertThat(kept(attempt)).as("no longer needed once loaded").doesNotExist();
        mvc.perform(post("/collection/imports/attempts/" + attempt.id() + "/retry").with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(result -> assertThat(result.getFlashMap().get("error")).asString().contains("无需重试"));
    }

    /**
     * The attempt as a crashed instance left it: its lease not renewed since {@code age} ago (by the
     * database's clock), by an instance that is not this one.
     */
    private void leftBy(String instance, Attempt attempt, Duration age) {
        leases.release(attempt.id());
        jdbc.sql("update data_import_attempt set worker_instance = ?, heartbeat_at = ? where id = ?")
                .params(instance, Timestamp.valueOf(jdbc.sql("select localtimestamp").query(Timestamp.class).single()
                        .toLocalDateTime().minus(age)), attempt.id())
                .update();
    }

    @Test
    void attemptsACrashLeftRunningBecomeInterruptedOrSucceededWhenTheirBatchCommitted() throws Exception {
        Attempt cutShort = started("中断.csv", csv(marketHeader(), market(uscc(), "中断科技有限公司")));
        byte[] committedFile = csv(marketHeader(), market(uscc(), "已提交科技有限公司"));
        Attempt committed = started("已提交.csv", committedFile);
        leftBy("crashed-instance", cutShort, Duration.ofMinutes(10));
        leftBy("crashed-instance", committed, Duration.ofMinutes(10));
        // another instance loading right now: its lease is fresh
        Attempt elsewhere = started("别处.csv", csv(marketHeader(), market(uscc(), "别处科技有限公司")));
        leftBy("live-instance", elsewhere, Duration.ZERO);
        // the batch committed with its attempt's id, but the process died before the attempt was finished
        ImportResult loaded = imports.load(DataSource.MARKET, YEAR, "已提交.csv", committedFile, false, "staff");
        jdbc.sql("update data_import set attempt_id = ? where id = ?").params(committed.id(), loaded.importId()).update();
        Path stray = Files.writeString(kept(cutShort).resolveSibling("upload-1.part"), "left by a crash");

        attempts.recoverInterrupted();

        Attempt interrupted = attempts.find(cutShort.id());
        assertThat(interrupted.status()).isEqualTo("INTERRUPTED");
        assertThat(interrupted.outcome()).isEqualTo("平台重启时中断，未导入任何数据");
        assertThat(interrupted.retryable()).isTrue();
        assertThat(auditDetails(cutShort)).singleElement().asString().contains("平台重启时中断，未导入任何数据", "中断.csv");
        Attempt succeeded = attempts.find(committed.id());
        assertThat(succeeded.status()).isEqualTo("SUCCEEDED");
        assertThat(succeeded.statusLabel()).isEqualTo("已导入");
        assertThat(succeeded.outcome()).isEqualTo("已导入 1 行（导入批次 #" + loaded.importId() + "），平台随后重启");
        assertThat(succeeded.importId()).isEqualTo(loaded.importId());
        assertThat(kept(cutShort)).exists();
        assertThat(kept(committed)).doesNotExist();
        assertThat(stray).doesNotExist();
        assertThat(attempts.find(elsewhere.id()).status()).as("the load of a live instance goes on").isEqualTo("RUNNING");
        assertThat(kept(elsewhere)).exists();
        assertThat(auditDetails(elsewhere)).isEmpty();
        attempts.fail(elsewhere.id(), "测试结束");

        // the job's page, opened again after the restart, tells the outcome instead of "expired"
        String page = mvc.perform(get("/collection/imports/jobs/" + cutShort.token()).with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("中断.csv", "平台重启时中断，未导入任何数据",
                "/collection/imports/attempts/" + cutShort.id() + "/retry").doesNotContain("已过期");
        String committedPage = mvc.perform(get("/collection/imports/jobs/" + committed.token() + "/status")
                .with(TestUsers.staff())).andReturn().getResponse().getContentAsString();
        assertThat(committedPage).contains("已导入 1 行（导入批次 #" + loaded.importId() + "）").doesNotContain("/retry");
        assertThat(list()).contains(cutShort.reference(), "已中断", committed.reference());

        assertThat(awaitJob(retry(cutShort))).contains("已导入 1 行");
        assertThat(attempts.find(cutShort.id()).statusLabel()).isEqualTo("已中断（已重试）");
    }

    @Test
    void aLoadWhoseAttemptWasTakenOverMeanwhileRollsBackInsteadOfFinishing() {
        String code = uscc();
        byte[] content = csv(marketHeader(), market(code, "停顿科技有限公司"));
        Attempt attempt = started("停顿.csv", content);
        // the load stalls past its lease (a long pause, a lost network) and another instance takes the
        // attempt over; then the load goes on
        ImportProgress stalls = new ImportProgress() {
            boolean stalled;

            @Override
            public void progress(String phase, long done, long total) {
                if (!stalled) {
                    stalled = true;
                    // another connection, as another instance: not the load's transaction
                    CompletableFuture.runAsync(() -> {
                        jdbc.sql("update data_import_attempt set heartbeat_at = ? where id = ?")
                                .params(Timestamp.valueOf(LocalDateTime.now().minusHours(1)), attempt.id()).update();
                        attempts.recoverInterrupted();
                    }).join();
                }
            }
        };

        assertThatThrownBy(() -> imports.load(DataSource.MARKET, YEAR, "停顿.csv", content, false, "staff", stalls,
                attempt.id())).isInstanceOf(ImportRefusedException.class).hasMessageContaining("已被标记为中断");

        Attempt taken = attempts.find(attempt.id());
        assertThat(taken.status()).as("what the takeover recorded").isEqualTo("INTERRUPTED");
        assertThat(taken.importId()).isNull();
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(code).query(Long.class).single())
                .as("nothing loaded, as the user was told").isZero();
        assertThat(jdbc.sql("select count(*) from data_import where attempt_id = ?").param(attempt.id()).query(Long.class)
                .single()).isZero();
    }

    @Test
    void aFileWithErrorsIsAFailedAttemptThatNoRetryCouldMend() {
        byte[] content = csv(marketHeader(), uscc() + ",坏公司,不存在镇,C39,2015-06-30,");
        Attempt attempt = started("有误.csv", content);

        ImportResult result = imports.load(DataSource.MARKET, YEAR, "有误.csv", content, false, "staff",
                ImportProgress.NONE, attempt.id());

        assertThat(result.status()).isEqualTo(Status.REJECTED);
        Attempt failed = attempts.find(attempt.id());
        assertThat(failed.status()).isEqualTo("FAILED");
        assertThat(failed.outcome()).isEqualTo("文件有 1 行不符合规则，未导入任何数据");
        assertThat(failed.retryable()).isFalse();
        assertThat(kept(attempt)).doesNotExist();
        assertThat(auditDetails(attempt)).singleElement().asString().contains("有误.csv", "不符合规则");
    }

    private Path kept(Attempt attempt) {
        return Path.of(dataDir, "imports", attempt.sha256());
    }

    private java.util.List<String> auditDetails(Attempt attempt) {
        return jdbc.sql("select detail from audit_event where action = 'DATA_IMPORT' and detail like ?")
                .param("导入任务 " + attempt.reference() + "%").query(String.class).list();
    }

    private String list() throws Exception {
        return mvc.perform(get("/collection/imports").with(TestUsers.staff())).andExpect(status().isOk()).andReturn()
                .getResponse().getContentAsString();
    }

    /** The list's 重试; returns the new job's token. */
    private String retry(Attempt attempt) throws Exception {
        String location = mvc.perform(post("/collection/imports/attempts/" + attempt.id() + "/retry")
                        .with(TestUsers.staff()).with(csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
        assertThat(location).startsWith("/collection/imports/jobs/");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private String awaitJob(String token) throws Exception {
        Instant until = Instant.now().plus(Duration.ofSeconds(30));
        while (Instant.now().isBefore(until)) {
            String html = mvc.perform(get("/collection/imports/jobs/" + token + "/status").with(TestUsers.staff()))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            if (html.contains("id=\"back-to-list\"")) {
                return html;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("the import did not finish");
    }
}
