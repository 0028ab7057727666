package cn.gov.panyu.points.platform.collection;

import java.time.Duration;
import java.time.Instant;
import java.util.Iterator;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Uploads between the validation report and the user's decision, and loads running in the background so
 * that the page stays usable and shows a progress bar. An upload is at most the configured file size, kept
 * for {@link #KEEP} and only for the user who uploaded it: in memory for this instance's pages, and staged
 * in the data folder and the database ({@link ImportAttempts#stage}) so that the user's decision may reach
 * another instance of several (docs/adr/0017), which validates the file again for its report.
 *
 * <p>A load the user starts is a 导入任务 recorded by {@link ImportAttempts} before it begins, with its
 * file kept on disk: its outcome outlives this memory (a restart, a crash), and a failed or interrupted
 * one can be retried ({@link #retry}).
 */
@Service
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_STAGED = 8;

    /** An uploaded, validated file waiting for the user's decision, then its load. */
    public static final class Job {
        /** The phase while another load or rollback runs (they run one at a time). */
        static final String WAITING = "等待其他导入完成";

        final String token;
        final String user;
        final DataSource source;
        final int year;
        final String fileName;
        volatile byte[] content;
        final ImportPreview preview;
        final Instant created = Instant.now();
        volatile String phase;
        volatile long done;
        volatile long total = -1;
        volatile ImportResult result;
        volatile String failure;
        volatile long attemptId;

        Job(String token, String user, DataSource source, int year, String fileName, byte[] content,
            ImportPreview preview) {
            this.token = token;
            this.user = user;
            this.source = source;
            this.year = year;
            this.fileName = fileName;
            this.content = content;
            this.preview = preview;
        }

        public String token() {
            return token;
        }

        /**
         * The job's name for people: the start of its token, which is enough to find the job's lines in
         * the log (they carry the whole token).
         */
        String reference() {
            return token.substring(0, 8);
        }

        /** The validation report; null for a retry, which validates again as it loads. */
        public ImportPreview preview() {
            return preview;
        }

        public DataSource source() {
            return source;
        }

        public int year() {
            return year;
        }

        public String fileName() {
            return fileName;
        }

        /** The job's 导入任务, once the load has been started. */
        public long attemptId() {
            return attemptId;
        }

        public boolean started() {
            return phase != null;
        }

        public boolean finished() {
            return result != null || failure != null;
        }

        public String phase() {
            return phase;
        }

        public ImportResult result() {
            return result;
        }

        public String failure() {
            return failure;
        }

        public long done() {
            return done;
        }

        public long total() {
            return total;
        }

        /**
         * 0–100 for the bar: the share of the current phase done, {@link #done} of {@link #total} — the very
         * numbers the counter beside the bar shows, so that the two never disagree (a bar weighting phases
         * read 55 % next to "写入 5,000 / 100,000"). 100 once finished.
         */
        public int percent() {
            if (finished()) {
                return 100;
            }
            return phase == null || total <= 0 ? 0 : (int) (100 * Math.min(1.0, (double) done / total));
        }
    }

    private final DepartmentImports imports;
    private final ImportAttempts attempts;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "department-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(DepartmentImports imports, ImportAttempts attempts) {
        this.imports = imports;
        this.attempts = attempts;
    }

    /** Validates an upload and keeps it for the user's decision. */
    @PreAuthorize("hasRole('STAFF')")
    public Job stage(DataSource source, int year, String fileName, byte[] content, String user) {
        evict();
        ImportPreview preview = imports.preview(source, year, fileName, content);
        Job job = new Job(UUID.randomUUID().toString(), user, source, year, fileName,
                preview.fileProblem() == null ? content : null, preview);
        if (job.content != null) {
            attempts.stage(new ImportAttempts.Staged(job.token, user, source, year, fileName, preview.sha256()), content);
        }
        jobs.put(job.token, job);
        return job;
    }

    /**
     * The user's own job, or null when it has expired or belongs to someone else. An upload staged by
     * another instance becomes a job here, its report made again from the kept file.
     */
    @PreAuthorize("hasRole('STAFF')")
    public Job find(String token, String user) {
        Job job = jobs.get(token);
        if (job == null) {
            job = attempts.staged(token, user, KEEP).map(this::fromStaged).orElse(null);
        }
        return job != null && job.user.equals(user) ? job : null;
    }

    private Job fromStaged(ImportAttempts.Staged upload) {
        byte[] content = attempts.content(upload);
        Job job = new Job(upload.token(), upload.user(), upload.source(), upload.year(), upload.fileName(), content,
                imports.preview(upload.source(), upload.year(), upload.fileName(), content));
        Job raced = jobs.putIfAbsent(job.token, job);
        return raced == null ? job : raced;
    }

    /**
     * Starts loading a staged upload in the background (once; a second click changes nothing). The 导入任务
     * and its file are on disk before this returns.
     */
    @PreAuthorize("hasRole('STAFF')")
    public Job start(String token, boolean validRowsOnly, String user) {
        Job job = find(token, user);
        if (job == null) {
            throw new ImportRefusedException("上传的文件已过期，请重新上传");
        }
        synchronized (job) {
            if (job.started() || job.content == null) {
                return job;
            }
            try {
                job.attemptId = attempts.begin(job.token, job.source, job.year, job.fileName, job.preview.sha256(),
                        validRowsOnly, job.content, user);
            } catch (DuplicateKeyException startedByAnotherInstance) {
                // the same decision reached two instances (a double click spread over both): the other one
                // loads it, and the job's page shows that attempt
                jobs.remove(job.token);
                return job;
            }
            attempts.unstage(job.token);
            job.phase = "读取文件";
        }
        run(job, validRowsOnly, user);
        return job;
    }

    /**
     * Loads the kept file of a failed or interrupted 导入任务 again, as a new job of {@code user}'s.
     *
     * @throws ImportRefusedException when the attempt cannot be retried
     */
    @PreAuthorize("hasRole('STAFF')")
    public Job retry(long attemptId, String user) {
        ImportAttempts.Attempt attempt = attempts.retry(attemptId, UUID.randomUUID().toString(), user);
        Job job = new Job(attempt.token(), user, attempt.source(), attempt.year(), attempt.fileName(),
                attempts.content(attempt), null);
        job.attemptId = attempt.id();
        job.phase = "读取文件";
        jobs.put(job.token, job);
        log.info("Import job {} retries the file of attempt {}", job.token, attemptId);
        run(job, attempt.validRowsOnly(), user);
        return job;
    }

    private void run(Job job, boolean validRowsOnly, String user) {
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        executor.execute(() -> {
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                job.result = imports.load(job.source, job.year, job.fileName, job.content, validRowsOnly, user,
                        (phase, done, total) -> {
                            job.phase = phase;
                            job.done = done;
                            job.total = total;
                        }, job.attemptId);
            } catch (ImportRefusedException e) {
                log.info("Import job {} refused: {}", job.token, e.getMessage());
                fail(job, e.getMessage());
            } catch (RuntimeException | Error e) {
                // the load is one transaction, rolled back by this exception: nothing was written. An Error
                // (out of memory on a huge file) still ends the job, so that its page stops waiting, and goes on
                log.error("Import job {} failed (source {}, year {}, file {}, user {})", job.token, job.source, job.year,
                        job.fileName, user, e);
                fail(job, "导入失败：系统内部错误，未写入任何数据。请联系系统管理员（导入任务 " + job.reference() + "）。");
                if (e instanceof Error error) {
                    throw error;
                }
            } finally {
                attempts.release(job.attemptId);
                job.content = null;
                SecurityContextHolder.clearContext();
            }
        });
    }

    /**
     * Ends the job with {@code message} and records the failed attempt. When even that fails (the
     * database may be why the load failed), the attempt stays running until its lease expires, and an
     * instance then marks it interrupted: the page still learns the outcome.
     */
    private void fail(Job job, String message) {
        try {
            attempts.fail(job.attemptId, message);
        } catch (RuntimeException e) {
            log.error("Import job {}: could not record the failed attempt", job.token, e);
        } finally {
            job.failure = message;
        }
    }

    /** The user chose 取消: forget the upload. */
    @PreAuthorize("hasRole('STAFF')")
    public void cancel(String token, String user) {
        Job job = find(token, user);
        if (job != null && !job.started()) {
            jobs.remove(token);
            attempts.unstage(token);
        }
    }

    private void evict() {
        Instant limit = Instant.now().minus(KEEP);
        for (Iterator<Job> it = jobs.values().iterator(); it.hasNext(); ) {
            Job j = it.next();
            if (j.created.isBefore(limit) && (!j.started() || j.finished())) {
                it.remove();
            }
        }
        // uploads nobody decided on: keep only the newest few in memory
        while (jobs.values().stream().filter(j -> !j.started()).count() >= MAX_STAGED) {
            jobs.values().stream().filter(j -> !j.started()).min((a, b) -> a.created.compareTo(b.created))
                    .ifPresent(j -> jobs.remove(j.token));
        }
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }
}
