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
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;

/**
 * Uploads between the validation report and the user's decision, and loads running in the background so
 * that the page stays usable and shows a progress bar. Both live in memory: an upload is at most the
 * configured file size, kept for {@link #KEEP} and only for the user who uploaded it.
 */
@Service
public class ImportJobs implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(ImportJobs.class);

    static final Duration KEEP = Duration.ofHours(1);
    private static final int MAX_STAGED = 8;

    /** An uploaded, validated file waiting for the user's decision, then its load. */
    public static final class Job {
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

        public ImportPreview preview() {
            return preview;
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

        /** 0–100 for the bar; phases weigh reading 30 %, writing 50 %, merging 20 %. */
        public int percent() {
            if (finished()) {
                return 100;
            }
            double within = total > 0 ? Math.min(1.0, (double) done / total) : 0;
            if (phase == null) {
                return 0;
            }
            return (int) switch (phase) {
                case "读取文件", "校验" -> 30 * within;
                case "写入" -> 30 + 50 * within;
                default -> 80 + 20 * within;
            };
        }
    }

    private final DepartmentImports imports;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();
    private final ExecutorService executor = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "department-import");
        t.setDaemon(true);
        return t;
    });

    ImportJobs(DepartmentImports imports) {
        this.imports = imports;
    }

    /** Validates an upload and keeps it for the user's decision. */
    @PreAuthorize("hasRole('STAFF')")
    public Job stage(DataSource source, int year, String fileName, byte[] content, String user) {
        evict();
        ImportPreview preview = imports.preview(source, year, fileName, content);
        Job job = new Job(UUID.randomUUID().toString(), user, source, year, fileName,
                preview.fileProblem() == null ? content : null, preview);
        jobs.put(job.token, job);
        return job;
    }

    /** The user's own job, or null when it has expired or belongs to someone else. */
    @PreAuthorize("hasRole('STAFF')")
    public Job find(String token, String user) {
        Job job = jobs.get(token);
        return job != null && job.user.equals(user) ? job : null;
    }

    /** Starts loading a staged upload in the background (once; a second click changes nothing). */
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
            job.phase = "读取文件";
        }
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        executor.execute(() -> {
            SecurityContextHolder.getContext().setAuthentication(auth);
            try {
                job.result = imports.load(job.source, job.year, job.fileName, job.content, validRowsOnly, user,
                        (phase, done, total) -> {
                            job.phase = phase;
                            job.done = done;
                            job.total = total;
                        });
            } catch (ImportRefusedException e) {
                log.info("Import job {} refused: {}", job.token, e.getMessage());
                job.failure = e.getMessage();
            } catch (RuntimeException | Error e) {
                // the load is one transaction, rolled back by this exception: nothing was written. An Error
                // (out of memory on a huge file) still ends the job, so that its page stops waiting, and goes on
                log.error("Import job {} failed (source {}, year {}, file {}, user {})", job.token, job.source, job.year,
                        job.fileName, user, e);
                job.failure = "导入失败：系统内部错误，未写入任何数据。请联系系统管理员（导入任务 " + job.reference() + "）。";
                if (e instanceof Error error) {
                    throw error;
                }
            } finally {
                job.content = null;
                SecurityContextHolder.clearContext();
            }
        });
        return job;
    }

    /** The user chose 取消: forget the upload. */
    @PreAuthorize("hasRole('STAFF')")
    public void cancel(String token, String user) {
        Job job = find(token, user);
        if (job != null && !job.started()) {
            jobs.remove(token);
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
