package cn.gov.panyu.points.platform.evaluation;

import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.scoring.EngineVersion;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * Computes one run: load the year's data → canonical CSV (hash, gzip copy) → engine → results. Progress
 * and the final state go to evaluation_run in short statements of their own, so a page polling the run
 * sees them while the work goes on. Called by {@link EvaluationRuns} after it checked the caller's rights.
 */
@Component
class RunWorker {

    private static final Logger log = LoggerFactory.getLogger(RunWorker.class);

    private final JdbcClient jdbc;
    private final YearRecords loader;
    private final ResultStore store;
    private final ScoreModels models;
    private final RunLeases leases;

    RunWorker(JdbcClient jdbc, YearRecords loader, ResultStore store, ScoreModels models, RunLeases leases) {
        this.jdbc = jdbc;
        this.loader = loader;
        this.store = store;
        this.models = models;
        this.leases = leases;
    }

    /**
     * Runs a QUEUED run of this instance to DRAFT, or records FAILED with a Chinese message and rethrows
     * it. Every write on the run requires that it is still this instance's and still working: a run taken
     * over meanwhile (its heartbeat had expired) is left as the takeover recorded it.
     */
    void execute(long runId) {
        try {
            compute(runId);
        } catch (RuntimeException | Error e) {
            // errors too (the district did not fit in memory): the run and its saved results are recorded
            // and removed now, rather than once its lease expires; the memory is free again at this point
            String message = e instanceof EvaluationException ? e.getMessage()
                    : "计算失败：系统内部错误，请联系系统管理员（评价批次 " + runId + "）。";
            log.error("Evaluation run {} failed", runId, e);
            try {
                fail(runId, message);
            } catch (RuntimeException recording) {
                e.addSuppressed(recording); // the database may be what failed the run
            }
            if (e instanceof Error error) {
                throw error;
            }
            throw e instanceof EvaluationException ee ? ee : new EvaluationException(message, e);
        }
    }

    /** Records the failure if the run is still this instance's, then removes whatever results it saved. */
    private void fail(long runId, String message) {
        jdbc.sql("""
                update evaluation_run set status = 'FAILED', year_slot = null, message = ?, finished_at = ?
                where id = ? and status in ('QUEUED', 'RUNNING') and worker_instance = ?""")
                .params(message, now(), runId, leases.instance()).update();
        // also when the run had been taken over: chunks this worker saved after the takeover's clean-up go too
        store.deleteOfFailedRun(runId);
    }

    private void compute(long runId) {
        var run = jdbc.sql("select data_year, model_id from evaluation_run where id = ?").param(runId)
                .query((rs, n) -> new long[] {rs.getInt(1), rs.getLong(2)}).single();
        int year = (int) run[0];
        int started = jdbc.sql("""
                update evaluation_run set status = 'RUNNING', message = ?, started_at = ?, heartbeat_at = localtimestamp
                where id = ? and status = 'QUEUED' and worker_instance = ?""")
                .params("正在读取企业数据", now(), runId, leases.instance()).update();
        if (started == 0) {
            throw new EvaluationException("评价批次 " + runId + " 不在排队状态，无法开始计算。");
        }
        // a new run of the year is the retry of its failed ones: what they could not remove goes now
        store.deleteOfFailedRuns(year);
        ScoreModel model = models.load(run[1]);

        long t0 = System.nanoTime();
        YearRecords.Loaded loaded = loader.ofYear(year);
        List<EnterpriseRecord> records = loaded.records();
        if (records.isEmpty()) {
            throw new EvaluationException(year + " 年度没有可评价的企业数据，请先在“数据采集”中导入该年度数据。");
        }
        long t1 = System.nanoTime();
        progress(runId, 0, records.size(), "正在计算积分");
        byte[] csv = CanonicalCsv.write(records);
        String sha256 = CanonicalCsv.sha256(csv);
        byte[] gzip = CanonicalCsv.gzip(csv);
        long t2 = System.nanoTime();

        Evaluation ev = Scorer.score(model, records);
        long t3 = System.nanoTime();
        progress(runId, 0, records.size(), "正在保存结果");
        store.store(runId, ev, done -> progress(runId, done, records.size(), "正在保存结果"));

        int eligible = 0;
        for (int i = 0; i < ev.size(); i++) {
            eligible += ev.eligible(i) ? 1 : 0;
        }
        String summary = "已完成：评价 " + records.size() + " 家企业，其中 " + eligible + " 家参与排名"
                + (loaded.skipped().isEmpty() ? "" : "；" + loaded.skipped().size() + " 家因缺少本年营业收入未参加评价");
        int finished = jdbc.sql("""
                update evaluation_run set status = 'DRAFT', year_slot = null, message = ?, progress_done = ?, progress_total = ?,
                       input_sha256 = ?, input_csv = ?, engine_version = ?, enterprises = ?, eligible = ?, finished_at = ?
                where id = ? and status = 'RUNNING' and worker_instance = ?""")
                .params(summary, records.size(), records.size(), sha256, gzip, EngineVersion.current(), records.size(),
                        eligible, now(), runId, leases.instance())
                .update();
        if (finished == 0) {
            throw lost(runId);
        }
        long t4 = System.nanoTime();
        // the phases of a run, so that a slow run shows where its time went
        log.info("Evaluation run {} ({} enterprises): load {} ms, input csv+hash+gzip {} ms, score {} ms, store {} ms",
                runId, records.size(), (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t3 - t2) / 1_000_000,
                (t4 - t3) / 1_000_000);
    }

    /** Reports progress, which also renews the run's heartbeat; stops the work if the run was taken over. */
    private void progress(long runId, int done, int total, String message) {
        int reported = jdbc.sql("""
                update evaluation_run set progress_done = ?, progress_total = ?, message = ?, heartbeat_at = localtimestamp
                where id = ? and status = 'RUNNING' and worker_instance = ?""")
                .params(done, total, message, runId, leases.instance()).update();
        if (reported == 0) {
            throw lost(runId);
        }
    }

    private static EvaluationException lost(long runId) {
        return new EvaluationException("评价批次 " + runId + " 因长时间没有进展已被标记为计算中断，本次计算的结果不予保存，请重新计算。");
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }
}
