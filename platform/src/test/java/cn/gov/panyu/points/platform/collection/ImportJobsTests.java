package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * What the user and the log learn when a background import fails: a refusal's own Chinese message, or
 * for anything unexpected a Chinese message naming the job — never an exception's class name — while
 * the log keeps the stack trace under the same job.
 */
@ExtendWith(OutputCaptureExtension.class)
class ImportJobsTests {

    private static final byte[] FILE = "统一社会信用代码,营业收入\n".getBytes(StandardCharsets.UTF_8);

    private ImportJobs jobs;
    private final RecordedAttempts attempts = new RecordedAttempts();

    @AfterEach
    void stopJobs() {
        if (jobs != null) {
            jobs.destroy();
        }
    }

    @Test
    void aRefusalShowsItsOwnMessage() throws InterruptedException {
        jobs = new ImportJobs(loadFailingWith(new ImportRefusedException("该年度数据已锁定，不能再导入")), attempts);

        ImportJobs.Job job = loadInTheBackground();

        assertThat(job.failure()).isEqualTo("该年度数据已锁定，不能再导入");
        assertThat(attempts.failed).isEqualTo("该年度数据已锁定，不能再导入");
    }

    @Test
    void anUnexpectedErrorShowsAChineseMessageWithTheJobAndLogsTheStackTrace(CapturedOutput output)
            throws InterruptedException {
        jobs = new ImportJobs(loadFailingWith(new IllegalStateException("simulated bug")), attempts);

        ImportJobs.Job job = loadInTheBackground();

        String reference = job.token().substring(0, 8);
        assertThat(job.failure()).isEqualTo("导入失败：系统内部错误，未写入任何数据。请联系系统管理员（导入任务 " + reference + "）。")
                .doesNotContain("Exception");
        assertThat(attempts.failed).as("the attempt is recorded as failed, with the same message").isEqualTo(job.failure());
        String log = output.getAll();
        assertThat(log).contains("Import job " + job.token() + " failed");
        assertThat(log.substring(log.indexOf("Import job " + job.token())))
                .contains("java.lang.IllegalStateException: simulated bug").contains("\tat ");
    }

    /** Stages the file and loads it, as the upload page's "导入" does; returns the finished job. */
    private ImportJobs.Job loadInTheBackground() throws InterruptedException {
        ImportJobs.Job staged = jobs.stage(DataSource.TAX, 2025, "税务.csv", FILE, "staff");
        ImportJobs.Job job = jobs.start(staged.token(), false, "staff");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!job.finished() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(job.finished()).as("the load has finished").isTrue();
        return job;
    }

    /** Imports whose preview accepts every file and whose load throws {@code failure}. */
    private static DepartmentImports loadFailingWith(RuntimeException failure) {
        return new DepartmentImports(null, null, null, null, null, null, null, null) {
            @Override
            public ImportPreview preview(DataSource source, int year, String fileName, byte[] content) {
                return new ImportPreview(source, year, fileName, "0".repeat(64), 1, 1, List.of(), 0, List.of(), null, null);
            }

            @Override
            public ImportResult load(DataSource source, int year, String fileName, byte[] content,
                                     boolean validRowsOnly, String user, ImportProgress progress, long attemptId) {
                throw failure;
            }
        };
    }

    /** The 导入任务 records without a database: remembers the failure recorded. */
    private static final class RecordedAttempts extends ImportAttempts {
        volatile String failed;

        RecordedAttempts() {
            super(null, null, null, "target/import-jobs-tests");
        }

        @Override
        void release(long attemptId) {
            // no lease without a database
        }

        @Override
        long begin(String token, DataSource source, int year, String fileName, String sha256, boolean validRowsOnly,
                   byte[] content, String user) {
            return 1;
        }

        @Override
        void fail(long attemptId, String outcome) {
            failed = outcome;
        }

        @Override
        void stage(Staged upload, byte[] content) {
            // kept in the job's memory only: these tests have one instance
        }

        @Override
        void unstage(String token) {
        }
    }
}
