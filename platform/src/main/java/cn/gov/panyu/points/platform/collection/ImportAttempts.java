package cn.gov.panyu.points.platform.collection;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.SqlFilter;

/**
 * 导入任务: every load a user started, and how it ended, in {@code data_import_attempt} — committed before
 * the load begins, so that neither a failure nor a crash can make a load vanish without a trace.
 *
 * <p>A load's own transaction finishes its attempt ({@link #finish}); a load that throws is recorded as
 * failed, with an audit entry, after its transaction rolled back ({@link #fail}); a running attempt
 * carries a lease of the instance that loads it ({@link ImportLeases}), and once an instance died its
 * attempts become interrupted — or succeeded when their batch had committed — at the start-up of any
 * instance or in its periodic check ({@link #recoverInterrupted}). The uploaded file is kept under
 * {@code ${points.data-dir}/imports/}, named by its SHA-256, for as long as an attempt that may be retried
 * needs it.
 *
 * <p>Attempts have no number of their own for users: batch numbers ({@code #N}) belong to loads that
 * committed, and an attempt is named by the start of its token, as its job has always been.
 */
@Service
public class ImportAttempts implements InitializingBean {

    static final String INTERRUPTED_OUTCOME = "平台重启时中断，未导入任何数据";

    private static final Logger log = LoggerFactory.getLogger(ImportAttempts.class);
    private static final int LISTED = 20;

    /** One attempt as listed. */
    public record Attempt(long id, String token, DataSource source, int year, String fileName, String sha256,
                          boolean validRowsOnly, String status, String outcome, Long importId, boolean fileKept,
                          Long retriedAs, String startedBy, LocalDateTime startedAt, LocalDateTime finishedAt) {

        static final String COLUMNS = "id, token, source, data_year, file_name, file_sha256, mode, status, outcome,"
                + " import_id, file_kept, retried_as, started_by, started_at, finished_at";

        static Attempt map(ResultSet rs, int row) throws SQLException {
            long importId = rs.getLong(10);
            Long batch = rs.wasNull() ? null : importId;
            long retriedAs = rs.getLong(12);
            Long retry = rs.wasNull() ? null : retriedAs;
            return new Attempt(rs.getLong(1), rs.getString(2), DataSource.valueOf(rs.getString(3).strip()), rs.getInt(4),
                    rs.getString(5), rs.getString(6).strip(), "VALID_ONLY".equals(rs.getString(7).strip()),
                    rs.getString(8).strip(), rs.getString(9), batch, rs.getBoolean(11), retry, rs.getString(13),
                    rs.getObject(14, LocalDateTime.class), rs.getObject(15, LocalDateTime.class));
        }

        /** The attempt's name for people and in the log, as its job's. */
        public String reference() {
            return token.substring(0, 8);
        }

        public boolean running() {
            return "RUNNING".equals(status);
        }

        /** A failed or interrupted attempt whose file is still kept: one click loads it again. */
        public boolean retryable() {
            return ("FAILED".equals(status) || "INTERRUPTED".equals(status)) && fileKept;
        }

        public String statusLabel() {
            return switch (status) {
                case "RUNNING" -> "进行中";
                case "SUCCEEDED" -> "已导入";
                case "FAILED" -> retriedAs != null ? "失败（已重试）" : "失败";
                case "INTERRUPTED" -> retriedAs != null ? "已中断（已重试）" : "已中断";
                default -> status;
            };
        }

        /** Bootstrap's badge colour for the status. */
        public String statusStyle() {
            return switch (status) {
                case "RUNNING" -> "text-bg-info";
                case "SUCCEEDED" -> "text-bg-success";
                default -> retriedAs != null ? "text-bg-secondary" : "text-bg-danger";
            };
        }
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final ImportLeases leases;
    private final Path folder;

    ImportAttempts(JdbcClient jdbc, AuditLog audit, ImportLeases leases, @Value("${points.data-dir}") String dataDir) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.leases = leases;
        this.folder = Path.of(dataDir, "imports").toAbsolutePath().normalize();
    }

    /**
     * Keeps the file and records a running attempt; both are on disk when this returns, before the load
     * starts.
     *
     * @return the attempt's id
     */
    long begin(String token, DataSource source, int year, String fileName, String sha256, boolean validRowsOnly,
               byte[] content, String user) {
        keep(sha256, content);
        return insert(token, source, year, fileName, sha256, validRowsOnly, user);
    }

    private long insert(String token, DataSource source, int year, String fileName, String sha256,
                        boolean validRowsOnly, String user) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("insert into data_import_attempt (token, source, data_year, file_name, file_sha256, mode, status,"
                        + " file_kept, started_by, worker_instance, heartbeat_at)"
                        + " values (?, ?, ?, ?, ?, ?, 'RUNNING', true, ?, ?, localtimestamp)")
                .params(token, source.name(), year, DepartmentImports.truncate(fileName, 255), sha256,
                        validRowsOnly ? "VALID_ONLY" : "ALL", user, leases.instance())
                .update(key, "id");
        long id = key.getKey().longValue();
        leases.hold(id);
        return id;
    }

    /** The load of the attempt has ended, however: this instance no longer renews its lease. */
    void release(long attemptId) {
        leases.release(attemptId);
    }

    /**
     * Records how a load ended, in the load's own transaction: the attempt and the batch commit together
     * or not at all. A file with errors (nothing loaded) counts as failed, but a retry would only find
     * the same errors, so its file is not kept.
     *
     * @throws ImportRefusedException when another instance has meanwhile ended the attempt (its lease had
     *         expired: a long stall of this one): the user was told nothing was loaded, so the load rolls back
     */
    void finish(long attemptId, ImportResult result) {
        boolean rejected = result.status() == ImportResult.Status.REJECTED;
        int changed = jdbc.sql("update data_import_attempt set status = ?, outcome = ?, import_id = ?, file_kept = false,"
                        + " finished_at = current_timestamp where id = ? and status = 'RUNNING' and worker_instance = ?")
                .params(rejected ? "FAILED" : "SUCCEEDED", truncate(result.message()), result.importId(), attemptId,
                        leases.instance())
                .update();
        if (changed == 0) {
            throw new ImportRefusedException("导入任务已被标记为中断，未导入任何数据，请重试");
        }
        Attempt attempt = find(attemptId);
        if (rejected) {
            auditFailure(attempt, result.message());
        }
        afterCommit(() -> discardFile(attempt.sha256()));
    }

    /**
     * Records a load that threw: its transaction has rolled back, so nothing was loaded. The file stays
     * for a retry; the audit trail shows who attempted what.
     */
    void fail(long attemptId, String outcome) {
        int changed = jdbc.sql("update data_import_attempt set status = 'FAILED', outcome = ?,"
                        + " finished_at = current_timestamp where id = ? and status = 'RUNNING'")
                .params(truncate(outcome), attemptId).update();
        if (changed > 0) {
            auditFailure(find(attemptId), outcome);
        }
    }

    private void auditFailure(Attempt a, String outcome) {
        audit.record(AuditAction.DATA_IMPORT, null, "导入任务 " + a.reference() + " 失败：" + a.source().label() + " "
                + a.year() + " 年《" + a.fileName() + "》，" + outcome);
    }

    /**
     * Starts a retry of a failed or interrupted attempt: a new running attempt over the same kept file
     * (the old one is marked as retried, once: a second click finds nothing to retry).
     *
     * @throws ImportRefusedException when the attempt cannot be retried (any more)
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public Attempt retry(long attemptId, String token, String user) {
        Attempt old = jdbc.sql("select " + Attempt.COLUMNS + " from data_import_attempt where id = ?").param(attemptId)
                .query(Attempt::map).optional()
                .orElseThrow(() -> new CollectionNotFoundException("import attempt " + attemptId));
        if (!old.retryable()) {
            throw new ImportRefusedException("导入任务 " + old.reference() + " 无需重试（" + old.statusLabel() + "）");
        }
        if (!Files.isRegularFile(file(old.sha256()))) {
            throw new ImportRefusedException("导入任务 " + old.reference() + " 上传的文件已不在，请重新上传");
        }
        long id = insert(token, old.source(), old.year(), old.fileName(), old.sha256(), old.validRowsOnly(), user);
        int changed = jdbc.sql("update data_import_attempt set file_kept = false, retried_as = ? where id = ? and file_kept = true")
                .params(id, attemptId).update();
        if (changed == 0) {
            leases.release(id); // the new attempt rolls back with this refusal
            throw new ImportRefusedException("导入任务 " + old.reference() + " 已在重试");
        }
        return find(id);
    }

    /** The kept upload of an attempt. */
    byte[] content(Attempt attempt) {
        return read(attempt.sha256());
    }

    private byte[] read(String sha256) {
        try {
            return Files.readAllBytes(file(sha256));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ---- uploads awaiting the user's decision ----

    /** An upload between its validation report and the user's decision, as any instance finds it. */
    record Staged(String token, String user, DataSource source, int year, String fileName, String sha256) {
    }

    /**
     * Keeps an upload awaiting the user's decision where every instance finds it (docs/adr/0017): the file
     * under the data folder as an attempt's, a row naming its user. The decision may reach another instance.
     */
    void stage(Staged upload, byte[] content) {
        keep(upload.sha256(), content);
        jdbc.sql("insert into data_import_staged (token, username, source, data_year, file_name, file_sha256)"
                        + " values (?, ?, ?, ?, ?, ?)")
                .params(upload.token(), upload.user(), upload.source().name(), upload.year(),
                        DepartmentImports.truncate(upload.fileName(), 255), upload.sha256())
                .update();
    }

    /** {@code user}'s staged upload {@code token} unless it is older than {@code keep}. */
    Optional<Staged> staged(String token, String user, Duration keep) {
        return jdbc.sql("select token, username, source, data_year, file_name, file_sha256 from data_import_staged"
                        + " where token = ? and username = ? and staged_at > ?")
                .params(token, user, databaseTimeAgo(keep))
                .query((rs, n) -> new Staged(rs.getString(1), rs.getString(2), DataSource.valueOf(rs.getString(3).strip()),
                        rs.getInt(4), rs.getString(5), rs.getString(6).strip()))
                .optional().filter(upload -> Files.isRegularFile(file(upload.sha256())));
    }

    /** The database's clock, which every instance shares, {@code ago} back. */
    private Timestamp databaseTimeAgo(Duration ago) {
        return Timestamp.valueOf(jdbc.sql("select localtimestamp").query(Timestamp.class).single().toLocalDateTime().minus(ago));
    }

    byte[] content(Staged upload) {
        return read(upload.sha256());
    }

    /** The user decided (导入 or 取消): the upload is no longer staged; its file stays while an attempt needs it. */
    void unstage(String token) {
        List<String> files = jdbc.sql("select file_sha256 from data_import_staged where token = ?").param(token)
                .query(String.class).list();
        jdbc.sql("delete from data_import_staged where token = ?").param(token).update();
        files.forEach(sha256 -> afterCommit(() -> discardFile(sha256.strip())));
    }

    /** The attempt of a job, for its page when the job itself is gone (a restart, or long finished). */
    @PreAuthorize("hasRole('STAFF')")
    public Attempt findByToken(String token) {
        return jdbc.sql("select " + Attempt.COLUMNS + " from data_import_attempt where token = ?").param(token)
                .query(Attempt::map).optional().orElse(null);
    }

    /** The latest attempts, newest first, for the import list. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Attempt> latest(DataSource source, Integer year) {
        SqlFilter filter = SqlFilter.all().andIf(source != null, "source = ?", source == null ? null : source.name())
                .andIf(year != null, "data_year = ?", year);
        return jdbc.sql("select " + Attempt.COLUMNS + " from data_import_attempt" + filter.where()
                        + " order by started_at desc, id desc limit " + LISTED)
                .params(filter.args()).query(Attempt::map).list();
    }

    Attempt find(long id) {
        return jdbc.sql("select " + Attempt.COLUMNS + " from data_import_attempt where id = ?").param(id)
                .query(Attempt::map).single();
    }

    // ---- start-up ----

    @Override
    public void afterPropertiesSet() {
        recoverInterrupted();
    }

    /**
     * Before the platform serves anyone: an attempt still running whose instance stopped — its lease
     * expired — was cut short; {@link ImportLeases} marks it interrupted, or succeeded when its batch had
     * committed. Attempts another live instance is loading keep going. Then files no retry needs any more
     * are deleted.
     */
    void recoverInterrupted() {
        leases.takeOverExpired();
        sweepFiles();
    }

    private void sweepFiles() {
        // uploads nobody decided on within a day are forgotten (a decision is expected within ImportJobs.KEEP)
        jdbc.sql("delete from data_import_staged where staged_at < ?")
                .param(databaseTimeAgo(Duration.ofDays(1))).update();
        if (!Files.isDirectory(folder)) {
            return;
        }
        Set<String> kept = new HashSet<>(jdbc.sql("select file_sha256 from data_import_attempt where file_kept = true"
                        + " union select file_sha256 from data_import_staged")
                .query(String.class).list().stream().map(String::strip).toList());
        try (DirectoryStream<Path> files = Files.newDirectoryStream(folder)) {
            for (Path f : files) {
                if (!kept.contains(f.getFileName().toString())) {
                    Files.deleteIfExists(f);
                }
            }
        } catch (IOException e) {
            // left-over files cost disk space only; the next start tries again
            log.warn("Could not clean up the kept import files in {}", folder, e);
        }
    }

    // ---- files ----

    /**
     * Writes the file under its SHA-256, forced to the disk before the attempt that needs it is recorded;
     * the same bytes uploaded again are already there.
     */
    private void keep(String sha256, byte[] content) {
        Path target = file(sha256);
        try {
            if (Files.isRegularFile(target) && Files.size(target) == content.length) {
                return;
            }
            Files.createDirectories(folder);
            Path temp = Files.createTempFile(folder, "upload-", ".part");
            try {
                try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.WRITE)) {
                    ByteBuffer buffer = ByteBuffer.wrap(content);
                    while (buffer.hasRemaining()) {
                        channel.write(buffer);
                    }
                    channel.force(true);
                }
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a kept file once no attempt that may be retried needs it. */
    private void discardFile(String sha256) {
        long needed = jdbc.sql("select count(*) from data_import_attempt where file_sha256 = ? and file_kept = true")
                .param(sha256).query(Long.class).single()
                + jdbc.sql("select count(*) from data_import_staged where file_sha256 = ?").param(sha256).query(Long.class).single();
        if (needed == 0) {
            try {
                Files.deleteIfExists(file(sha256));
            } catch (IOException e) {
                // the next start's clean-up deletes it
                log.warn("Could not delete the kept import file {}", sha256, e);
            }
        }
    }

    /** Names are our own hex digests, but are resolved defensively all the same. */
    private Path file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 digest: " + sha256);
        }
        return folder.resolve(sha256);
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static String truncate(String s) {
        return s == null || s.length() <= 500 ? s : s.substring(0, 500);
    }
}
