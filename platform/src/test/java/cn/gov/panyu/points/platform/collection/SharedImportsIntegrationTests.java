package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;

/**
 * Imports with several instances on one database (docs/adr/0017): an upload staged on one instance is
 * decided on another, and a load waits while another instance holds the database's import lock.
 */
@PlatformIntegrationTest
class SharedImportsIntegrationTests {

    private static final int YEAR = 2036;

    @Autowired
    ImportJobs jobs;

    @Autowired
    ImportAttempts attempts;

    @Autowired
    DepartmentImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    PlatformTransactionManager transactions;

    @BeforeEach
    void staff() {
        CollectionFixtures.signInAsStaff();
    }

    @AfterEach
    void signOut() {
        CollectionFixtures.signOut();
    }

    @Test
    void anUploadStagedOnOneInstanceIsReportedAndLoadedByAnother() {
        String code = uscc();
        byte[] content = csv(marketHeader(), market(code, "跨实例导入科技有限公司"));
        ImportJobs.Job staged = jobs.stage(DataSource.MARKET, YEAR, "跨实例.csv", content, "staff");

        // another instance: the same database and data folder, none of this one's memory
        ImportJobs other = new ImportJobs(imports, attempts);
        try {
            assertThat(other.find(staged.token(), "someone-else")).as("only the uploader's").isNull();
            ImportJobs.Job there = other.find(staged.token(), "staff");
            assertThat(there).as("the staged upload, found by the other instance").isNotNull();
            assertThat(there.preview().rowsTotal()).isEqualTo(staged.preview().rowsTotal()).isEqualTo(1);
            assertThat(there.fileName()).isEqualTo("跨实例.csv");

            other.start(staged.token(), false, "staff");
            awaitFinished(there);
            assertThat(there.result().changed()).as(String.valueOf(there.failure())).isTrue();
            assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(code).query(Long.class).single())
                    .isEqualTo(1);
            assertThat(jdbc.sql("select count(*) from data_import_staged where token = ?").param(staged.token())
                    .query(Long.class).single()).as("decided: no longer staged").isZero();
        } finally {
            other.destroy();
        }
    }

    @Test
    void aLoadWaitsWhileAnotherInstanceHoldsTheImportLock() throws Exception {
        CountDownLatch held = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // another instance's load: the lock row, held by a transaction of another connection
        CompletableFuture<Void> otherInstance = CompletableFuture.runAsync(() -> new TransactionTemplate(transactions)
                .executeWithoutResult(status -> {
                    jdbc.sql("select id from data_import_lock where id = 1 for update").query(Integer.class).single();
                    held.countDown();
                    try {
                        release.await(30, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }));
        assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();

        List<String> phases = new CopyOnWriteArrayList<>();
        CompletableFuture<ImportResult> load = CompletableFuture.supplyAsync(() -> {
            CollectionFixtures.signInAsStaff();
            return imports.load(DataSource.MARKET, YEAR, "等待锁.csv", csv(marketHeader(), market(uscc(), "等待锁科技有限公司")),
                    false, "staff", (phase, done, total) -> phases.add(phase));
        });
        Thread.sleep(500);
        assertThat(load).as("the load waits for the other instance").isNotDone();
        assertThat(phases).contains(ImportJobs.Job.WAITING);

        release.countDown();
        otherInstance.get(10, TimeUnit.SECONDS);
        assertThat(load.get(30, TimeUnit.SECONDS).changed()).isTrue();
    }

    private static void awaitFinished(ImportJobs.Job job) {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!job.finished()) {
            assertThat(System.nanoTime()).as("the load finishes").isLessThan(deadline);
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }
}
