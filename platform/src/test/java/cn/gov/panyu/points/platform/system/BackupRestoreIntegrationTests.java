package cn.gov.panyu.points.platform.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.platform.PlatformProcess;

/**
 * The H2 backup of docs/operations.md, done as an operator does it: the platform (demo district, three
 * published years) is stopped, its database file copied away, and a platform started on a new data folder
 * holding only that copy shows the same published tier lists.
 */
class BackupRestoreIntegrationTests {

    private static final Pattern TABLE_BODY = Pattern.compile("<tbody>(.*?)</tbody>", Pattern.DOTALL);

    @Test
    void aCopyOfTheStoppedDatabaseFileRestoresTheSamePublishedResults() throws IOException {
        Path root = Path.of("target", "backup-restore", UUID.randomUUID().toString().substring(0, 8)).toAbsolutePath();
        Path original = root.resolve("data");
        List<String> before;
        try (PlatformProcess platform = PlatformProcess.start(original, "--points.demo.enterprises=60")) {
            platform.awaitReady(Duration.ofMinutes(3));
            before = publishedLists(platform);
            platform.stop();
        }
        assertThat(String.join("", before)).as("the demo's published lists").contains("<tr");

        Path backup = root.resolve("backup");
        Files.createDirectories(backup);
        Files.copy(original.resolve("points.mv.db"), backup.resolve("points.mv.db"));

        Path restored = root.resolve("restored");
        Files.createDirectories(restored);
        Files.copy(backup.resolve("points.mv.db"), restored.resolve("points.mv.db"), StandardCopyOption.REPLACE_EXISTING);
        try (PlatformProcess platform = PlatformProcess.start(restored, "--points.demo.enterprises=60")) {
            platform.awaitReady(Duration.ofMinutes(3));
            assertThat(publishedLists(platform)).as("published lists after the restore; log " + platform.log())
                    .isEqualTo(before);
            assertThat(Files.readString(platform.log())).as("the restored district is not loaded again")
                    .doesNotContain("演示数据加载完成");
        }
        try (Stream<Path> files = Files.list(restored)) {
            assertThat(files.map(p -> p.getFileName().toString())).contains("points.mv.db");
        }
    }

    /** The rows of the public tier list of each of the last three years. */
    static List<String> publishedLists(PlatformProcess platform) {
        int last = LocalDate.now().getYear() - 1;
        return Stream.of(last - 2, last - 1, last).map(year -> {
            Matcher m = TABLE_BODY.matcher(platform.page("/public/rankings?year=" + year));
            StringBuilder rows = new StringBuilder();
            while (m.find()) {
                rows.append(m.group(1));
            }
            return rows.toString();
        }).toList();
    }
}
