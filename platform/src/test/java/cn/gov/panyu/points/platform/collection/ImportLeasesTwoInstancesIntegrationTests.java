package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.KilledPlatformIntegrationTests.awaitJob;
import static cn.gov.panyu.points.platform.collection.KilledPlatformIntegrationTests.marketFile;
import static cn.gov.panyu.points.platform.collection.KilledPlatformIntegrationTests.stage;
import static cn.gov.panyu.points.platform.collection.KilledPlatformIntegrationTests.startLoad;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.EmbeddedPostgresDatabase;
import cn.gov.panyu.points.platform.PlatformProcess;
import cn.gov.panyu.points.platform.SignIn;

/**
 * 导入任务 with leases (docs/adr/0017), two platform instances in child JVMs on one PostgreSQL database and
 * one data folder: an instance that starts while the other one loads leaves that load alone, and the load
 * completes; when the loading instance is killed, the other marks its attempt interrupted once the lease
 * has expired. The loads wait at a gate file ({@link HeldImports}) so that the test decides when they go on.
 */
class ImportLeasesTwoInstancesIntegrationTests {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase().start();
    private static final Duration LEASE = Duration.ofSeconds(3);

    private final JdbcClient db = JdbcClient.create(POSTGRES.dataSource());

    @AfterAll
    static void stopDatabase() {
        POSTGRES.close();
    }

    @Test
    void anInstanceStartingWhileAnotherLoadsLeavesTheLoadAloneAndTakesOverTheAttemptOfAKilledImporter() throws IOException {
        Path data = Path.of("target", "import-leases", UUID.randomUUID().toString().substring(0, 8), "data").toAbsolutePath();
        Path gate = data.resolveSibling("import-gate");
        Files.createDirectories(data.getParent());
        Files.writeString(gate, "the loads wait while this file exists");
        String[] options = concat(POSTGRES.platformArgs(), HeldImports.args(gate), "--points.imports.lease=" + LEASE.toMillis() + "ms");
        try (PlatformProcess a = PlatformProcess.start(data, options)) {
            a.signIn("staff", SignIn.DEMO_PASSWORD);
            String loading = stage(a, "租约一.csv", marketFile(20));
            startLoad(a, loading);
            long first = attempt(loading);
            awaitStatus(first, "RUNNING", Duration.ofSeconds(10));

            try (PlatformProcess b = PlatformProcess.start(data, options)) {
                // B's start-up has looked at the running attempt, and so have its periodic checks since
                PlatformProcess.sleep(LEASE.multipliedBy(2).toMillis());
                assertThat(status(first)).as("the load of the live instance A, after B's start; log " + b.log())
                        .isEqualTo("RUNNING");

                Files.delete(gate);
                assertThat(awaitJob(a, loading, Duration.ofSeconds(60))).contains("已导入 20 行");
                assertThat(status(first)).isEqualTo("SUCCEEDED");
                assertThat(db.sql("select count(*) from audit_event where detail like ?").param("%" + loading.substring(0, 8) + "%中断%")
                        .query(Long.class).single()).as("no interruption in the audit trail").isZero();

                Files.writeString(gate, "held again");
                String cutShort = stage(a, "租约二.csv", marketFile(20));
                startLoad(a, cutShort);
                long second = attempt(cutShort);
                awaitStatus(second, "RUNNING", Duration.ofSeconds(10));
                a.kill();

                awaitStatus(second, "INTERRUPTED", Duration.ofSeconds(30));
                // B logs the takeover after its update and the audit entry: the status can be seen a moment earlier
                b.awaitLog("Took over import attempt " + second, Duration.ofSeconds(10));
                String list = b.anotherBrowser().signIn("staff", SignIn.DEMO_PASSWORD).page("/collection/imports");
                assertThat(list).contains("租约二.csv", "已中断", "平台重启时中断，未导入任何数据", "/collection/imports/attempts/" + second + "/retry");
            }
        } finally {
            Files.deleteIfExists(gate);
        }
    }

    private long attempt(String token) {
        return db.sql("select id from data_import_attempt where token = ?").param(token).query(Long.class).single();
    }

    private String status(long attempt) {
        return db.sql("select status from data_import_attempt where id = ?").param(attempt).query(String.class).single().strip();
    }

    private void awaitStatus(long attempt, String status, Duration timeout) {
        PlatformProcess.awaitValue("attempt " + attempt, () -> status(attempt), status, timeout);
    }

    private static String[] concat(String[] first, String[] second, String... more) {
        String[] all = new String[first.length + second.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(second, 0, all, first.length, second.length);
        System.arraycopy(more, 0, all, first.length + second.length, more.length);
        return all;
    }
}
