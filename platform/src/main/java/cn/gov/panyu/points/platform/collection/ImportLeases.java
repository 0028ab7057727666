package cn.gov.panyu.points.platform.collection;

import java.sql.Timestamp;
import java.time.Duration;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.LeasedWork;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.collection.ImportAttempts.Attempt;

/**
 * Which platform instance loads which running 导入任务 (docs/adr/0017), as runs have theirs
 * ({@link LeasedWork}): an instance that starts while another one loads leaves that load alone, and a
 * running attempt whose instance died — its heartbeat older than the lease — is ended by whichever
 * instance notices first. Ended means interrupted with nothing loaded, or succeeded when its batch had
 * committed (the batch and the attempt's update commit together, so that is a safeguard).
 */
@Component
class ImportLeases extends LeasedWork {

    private static final Logger log = LoggerFactory.getLogger(ImportLeases.class);

    private final AuditLog audit;

    ImportLeases(JdbcClient jdbc, AuditLog audit,
                 @Value("${points.imports.lease:${points.runs.lease:60s}}") Duration lease) {
        super(jdbc, lease, "data_import_attempt", "status = 'RUNNING'", "import attempt", "points.imports.lease");
        this.audit = audit;
    }

    @Override
    protected boolean takeOver(long attemptId, Timestamp expired) {
        return end(attemptId, stillExpired(), expired);
    }

    /**
     * A graceful stop: the load's executor is stopped, its transaction rolls back, so the attempt is
     * interrupted at once rather than when its lease runs out.
     */
    @Override
    protected void giveUp(long attemptId) {
        end(attemptId, "status = 'RUNNING' and worker_instance = ?", instance());
    }

    /** Ends the attempt if {@code condition} holds; @return whether it was ended here */
    private boolean end(long attemptId, String condition, Object parameter) {
        Attempt a = jdbc.sql("select " + Attempt.COLUMNS + " from data_import_attempt where id = ?").param(attemptId)
                .query(Attempt::map).single();
        ImportRecord batch = jdbc.sql(ImportRecord.SELECT + " where attempt_id = ?").param(a.id())
                .query(ImportRecord::map).optional().orElse(null);
        if (batch != null) {
            int changed = jdbc.sql("update data_import_attempt set status = 'SUCCEEDED', outcome = ?, import_id = ?,"
                            + " file_kept = false, finished_at = current_timestamp where id = ? and " + condition)
                    .params("已导入 " + batch.rowsLoaded() + " 行（导入批次 #" + batch.id() + "），平台随后重启", batch.id(), a.id(),
                            parameter)
                    .update();
            if (changed > 0) {
                log.info("Import job {} had committed batch #{} before its instance stopped", a.token(), batch.id());
            }
            return changed > 0;
        }
        int changed = jdbc.sql("update data_import_attempt set status = 'INTERRUPTED', outcome = ?,"
                        + " finished_at = current_timestamp where id = ? and " + condition)
                .params(ImportAttempts.INTERRUPTED_OUTCOME, a.id(), parameter).update();
        if (changed > 0) {
            audit.recordFor("system", null, AuditAction.DATA_IMPORT, "导入任务 " + a.reference() + "（" + a.startedBy()
                    + " 发起）" + ImportAttempts.INTERRUPTED_OUTCOME + "：" + a.source().label() + " " + a.year() + " 年《"
                    + a.fileName() + "》");
            log.warn("Import job {} (source {}, year {}, file {}, user {}) was interrupted: its platform instance stopped;"
                    + " nothing was loaded", a.token(), a.source(), a.year(), a.fileName(), a.startedBy());
        }
        return changed > 0;
    }
}
