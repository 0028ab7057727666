package cn.gov.panyu.points.platform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;
import cn.gov.panyu.points.engine.scoring.Scorer;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Evaluation runs and their way to the public: compute (now or in the background), 公示 with an end
 * date, withdraw, publish. Publishing switches the year's row in publication in one transaction, after
 * the run's results are complete — readers, who always go through publication, see the old results
 * until that commit and the new ones after it. A published run never changes; a newer one supersedes it.
 *
 * <p>Several instances may share the database, so the rules that concern a whole year are the database's:
 * a year has at most one queued or running run, one on notice and one published (evaluation_run.year_slot),
 * and 公示, its withdrawal and 发布 of a year take the year's lock (docs/adr/0008-run-ownership-and-serialised-publishing.md).
 */
@Service
public class EvaluationRuns implements InitializingBean, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(EvaluationRuns.class);

    private static final String SELECT = """
            select r.id, r.data_year, r.model_id, m.name as model_name, m.version, r.status, r.progress_done, r.progress_total,
                   r.message, r.input_sha256, r.engine_version, r.enterprises, r.eligible, r.notice_ends, r.created_by,
                   r.created_at, r.started_at, r.finished_at, r.noticed_at, r.published_at,
                   (select count(*) from objection o where o.run_id = r.id and o.status = 'OPEN') as open_objections
            from evaluation_run r join score_model m on m.id = r.model_id""";

    private static final Map<String, String> SORTABLE = Map.of(
            "id", "r.id", "year", "r.data_year", "status", "r.status", "model", "m.version",
            "enterprises", "r.enterprises", "created", "r.created_at");

    /** Leaves room in the audit entry's 500 characters for what the override passed over. */
    static final int MAX_OVERRIDE_REASON = 200;

    private final ApplicationEventPublisher events;
    private final JdbcClient jdbc;
    private final ScoreModels models;
    private final RunWorker worker;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final RunLeases leases;
    private final PublicationGate gate;
    /**
     * The background threads runs compute on: few and bounded, because a run holds a whole district in
     * memory — a flood of clicks queues a handful and refuses the rest. Kept private rather than a bean:
     * an Executor bean would make Spring Boot drop its own application task executor.
     */
    private final ThreadPoolExecutor executor = new ThreadPoolExecutor(2, 2, 0, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(8), task -> {
                Thread t = new Thread(task, "evaluation-run");
                t.setDaemon(true);
                return t;
            });

    EvaluationRuns(JdbcClient jdbc, ScoreModels models, RunWorker worker, AuditLog audit, TransactionTemplate tx,
                   RunLeases leases, PublicationGate gate, ApplicationEventPublisher events) {
        this.events = events;
        this.jdbc = jdbc;
        this.models = models;
        this.worker = worker;
        this.audit = audit;
        this.tx = tx;
        this.leases = leases;
        this.gate = gate;
    }

    @Override
    public void destroy() {
        executor.shutdownNow();
    }

    /**
     * The start-up check: runs whose instance stopped — a crash or restart left them half-done, and they
     * can never finish — fail instead of showing as running. Only those: a run another instance is
     * computing in the same database keeps its lease (its heartbeat is fresh) and goes on.
     */
    @Override
    public void afterPropertiesSet() {
        leases.takeOverExpired();
    }

    /** Computes a run synchronously. @return the run id; its status is DRAFT */
    @PreAuthorize("hasRole('STAFF')")
    public long runNow(int year, long modelId, String user) {
        long id = queue(year, modelId, user);
        try {
            audit.record(AuditAction.RUN_CHANGE, null, "计算 " + year + " 年度评价（批次 #" + id + "，模型 #" + modelId + "）");
            worker.execute(id);
        } finally {
            leases.release(id);
        }
        return id;
    }

    /** Queues a run for the background executor and returns at once. */
    @PreAuthorize("hasRole('STAFF')")
    public long start(int year, long modelId, String user) {
        long id = queue(year, modelId, user);
        audit.record(AuditAction.RUN_CHANGE, null, "开始计算 " + year + " 年度评价（批次 #" + id + "，模型 #" + modelId + "）");
        try {
            executor.execute(() -> {
                try {
                    worker.execute(id);
                } catch (EvaluationException e) {
                    // the worker has logged the cause and recorded the failure on the run, where the page shows it
                    log.warn("Background evaluation run {} failed: {}", id, e.getMessage());
                } catch (RuntimeException | Error e) {
                    // beyond the worker's own handling (the database went away, the district did not fit in
                    // memory), so the run may not even be marked failed — its heartbeat stops with the release
                    // below, and the lease check fails it; left to the executor, this would reach standard
                    // error only, without the run's id
                    log.error("Background evaluation run {} failed unexpectedly", id, e);
                    if (e instanceof Error error) {
                        throw error;
                    }
                } finally {
                    leases.release(id);
                }
            });
        } catch (RejectedExecutionException e) {
            leases.release(id);
            jdbc.sql("update evaluation_run set status = 'FAILED', year_slot = null, message = ? where id = ?")
                    .params("当前排队的评价任务过多，请等待正在进行的计算完成后再试。", id).update();
            throw new EvaluationException("当前排队的评价任务过多，请等待正在进行的计算完成后再试。");
        }
        return id;
    }

    /**
     * DRAFT → NOTICE until {@code endsOn}; a run of the same year already on notice is superseded. Holds
     * the year's lock, so a simultaneous 公示 of another run of the year goes after this one and replaces it.
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void putOnNotice(long runId, LocalDate endsOn, String user) {
        RunSummary run = lockedRun(runId);
        if (run.status() != RunStatus.DRAFT) {
            throw new EvaluationException("只有“待公示”的评价批次可以公示，批次 " + runId + " 当前为“" + run.status().label() + "”"
                    + replacedBy(run) + "。");
        }
        if (endsOn == null || endsOn.isBefore(LocalDate.now())) {
            throw new EvaluationException("公示截止日期不能早于今天。");
        }
        supersede(run.year(), RunStatus.NOTICE);
        transition(runId, RunStatus.DRAFT, RunStatus.NOTICE,
                "notice_ends = ?, noticed_at = ?", endsOn, now());
        audit.record(AuditAction.RUN_CHANGE, null, "公示评价批次 #" + runId + "（" + run.year() + " 年度），截止 " + endsOn);
    }

    /** NOTICE → DRAFT (撤回公示): the results stay, nothing is published. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void withdrawNotice(long runId, String user) {
        lockedRun(runId);
        transition(runId, RunStatus.NOTICE, RunStatus.DRAFT, "notice_ends = null, noticed_at = null");
        audit.record(AuditAction.RUN_CHANGE, null, "撤回评价批次 #" + runId + " 的公示");
    }

    /**
     * NOTICE → PUBLISHED, atomically: the year's previously published run becomes SUPERSEDED and
     * publication — which the read model {@link PublishedResults} follows — points at this run, in one
     * transaction. Refused while objections are open, while the notice period runs and while an accepted
     * objection of the year is not resolved by this run ({@link #publishingGate(long)}). Holds the year's
     * lock, so of two simultaneous actions on the year the later one sees the earlier one's outcome (a run
     * it superseded is refused).
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional
    public void publish(long runId, String user) {
        RunSummary run = publishable(runId);
        PublishingGate gate = this.gate.of(run);
        if (!gate.open()) {
            throw new EvaluationException("批次 " + runId + " 暂不能发布：" + gate.reasons()
                    + (gate.unresolved().isEmpty() ? "" : "，需更正数据、重新计算并公示新批次") + "。");
        }
        switchPublication(run, user);
        audit.record(AuditAction.RUN_CHANGE, null, "发布评价批次 #" + runId + "（" + run.year() + " 年度）");
    }

    /**
     * 越过发布条件: an administrator publishes a run whose notice period has not ended or whose year has
     * unresolved accepted objections, for a reason that the audit log keeps with what was overridden.
     * Open objections still block: they need an answer, which the administrator can give.
     */
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional
    public void publishOverriding(long runId, String reason, String user) {
        run(runId); // an unknown run is the not-found page, whatever the reason says
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw new EvaluationException("越过发布条件必须填写理由。");
        }
        if (why.length() > MAX_OVERRIDE_REASON) {
            throw new EvaluationException("理由最多 " + MAX_OVERRIDE_REASON + " 字。");
        }
        RunSummary run = publishable(runId);
        PublishingGate gate = this.gate.of(run);
        switchPublication(run, user);
        // the reason before the overridden conditions: an entry keeps 500 characters, and a long list of
        // objections must not push the reason out
        audit.record(AuditAction.PUBLISH_OVERRIDE, null, "越过发布条件发布评价批次 #" + runId + "（" + run.year()
                + " 年度），理由：" + why + "；越过的条件：" + (gate.open() ? "无" : gate.reasons()));
    }

    /** What publishing the run on notice still waits for; nothing for a run that is not on notice. */
    @PreAuthorize("hasRole('STAFF')")
    public PublishingGate publishingGate(long runId) {
        RunSummary run = run(runId);
        return run.status() == RunStatus.NOTICE ? gate.of(run) : new PublishingGate(null, List.of());
    }

    /** The run on notice without open objections, under its year's lock; anything else is refused. */
    private RunSummary publishable(long runId) {
        RunSummary run = lockedRun(runId);
        if (run.status() != RunStatus.NOTICE) {
            throw new EvaluationException("只有“公示中”的评价批次可以发布，批次 " + runId + " 当前为“" + run.status().label() + "”"
                    + replacedBy(run) + "。");
        }
        if (run.openObjections() > 0) {
            throw new EvaluationException("该批次还有 " + run.openObjections() + " 条异议未处理，处理完毕后才能发布。");
        }
        return run;
    }

    private void switchPublication(RunSummary run, String user) {
        Timestamp now = now();
        supersede(run.year(), RunStatus.PUBLISHED);
        transition(run.id(), RunStatus.NOTICE, RunStatus.PUBLISHED, "published_at = ?", now);
        int switched = jdbc.sql("update publication set run_id = ?, published_by = ?, published_at = ? where data_year = ?")
                .params(run.id(), user, now, run.year()).update();
        if (switched == 0) {
            jdbc.sql("insert into publication (data_year, run_id, published_by, published_at) values (?, ?, ?, ?)")
                    .params(run.year(), run.id(), user, now).update();
        }
        events.publishEvent(new RunPublished(run.year(), run.id()));
    }

    /**
     * The run, read after taking its year's lock for the rest of the transaction: 公示, its withdrawal and
     * 发布 of one year — on whichever instance — run one at a time, each deciding on what the one before
     * it committed. The lock is a row of its own because publication has none before a year's first
     * publication; creating the row cannot fail (on conflict do nothing waits for a simultaneous creator),
     * so it never aborts the transaction.
     */
    private RunSummary lockedRun(long runId) {
        int year = run(runId).year();
        jdbc.sql("insert into evaluation_year_lock (data_year) values (?) on conflict do nothing").param(year).update();
        jdbc.sql("select data_year from evaluation_year_lock where data_year = ? for update").param(year)
                .query(Integer.class).single();
        return run(runId);
    }

    /** The year's run in {@code status}'s slot, if any, gives it up: it becomes SUPERSEDED. */
    private void supersede(int year, RunStatus status) {
        jdbc.sql("update evaluation_run set status = 'SUPERSEDED', year_slot = null where data_year = ? and year_slot = ?")
                .params(year, status.yearSlot()).update();
    }

    /** For a superseded run: which runs of its year are on notice and published now, e.g. "（2025 年度公示中的是批次 #13）". */
    private String replacedBy(RunSummary run) {
        if (run.status() != RunStatus.SUPERSEDED) {
            return "";
        }
        List<String> now = jdbc.sql("""
                        select id, status from evaluation_run where data_year = ? and year_slot in ('NOTICE', 'PUBLISHED')
                        order by id""").param(run.year())
                .query((rs, n) -> RunStatus.valueOf(rs.getString(2)).label() + "的是批次 #" + rs.getLong(1)).list();
        return now.isEmpty() ? "" : "（" + run.year() + " 年度" + String.join("，", now) + "）";
    }

    /**
     * 重新计算核对: scores the run's stored input again with its model version and compares every
     * published number with the stored results.
     */
    @PreAuthorize("hasRole('STAFF')")
    public Verification verify(long runId) {
        RunSummary run = run(runId);
        byte[] gzip = jdbc.sql("select input_csv from evaluation_run where id = ?").param(runId)
                .query((rs, n) -> rs.getBytes(1)).single();
        if (gzip == null || !run.hasResults()) {
            throw new EvaluationException("该评价批次没有保存的输入数据，无法核对。");
        }
        byte[] csv = CanonicalCsv.gunzip(gzip);
        String hash = CanonicalCsv.sha256(csv);
        List<EnterpriseRecord> records = CanonicalCsv.read(csv);
        ScoreModel model = models.load(run.modelId());
        Evaluation ev = Scorer.score(model, records);
        Map<String, String> stored = new HashMap<>(records.size() * 2);
        jdbc.sql("select uscc, total, rank_in_stage, tier, points from score_result where run_id = ?").param(runId)
                .query((ResultSet rs) -> {
                    stored.put(rs.getString(1).trim(), fingerprint(rs.getBigDecimal(2).toPlainString(),
                            (Integer) rs.getObject(3, Integer.class), rs.getString(4), rs.getString(5)));
                });
        List<String> differing = new ArrayList<>();
        for (int i = 0; i < ev.size(); i++) {
            String expected = fingerprint(Rounding.decimal(ev.totalCents(i)).toPlainString(),
                    ev.eligible(i) ? ev.rank(i) : null, ev.tier(i) == null ? null : ev.tier(i).name(),
                    IndicatorPoints.format(ev, i));
            if (!expected.equals(stored.get(ev.record(i).uscc())) && differing.size() < 20) {
                differing.add(ev.record(i).uscc());
            }
        }
        boolean sameCount = stored.size() == ev.size();
        return new Verification(runId, hash.equals(run.inputSha256()), sameCount && differing.isEmpty(), ev.size(),
                stored.size(), differing);
    }

    /** The outcome of {@link #verify(long)}. */
    public record Verification(long runId, boolean hashMatches, boolean resultsMatch, int recomputed, int stored,
                               List<String> differing) {
        public boolean identical() {
            return hashMatches && resultsMatch;
        }
    }

    @PreAuthorize("hasRole('STAFF')")
    public RunSummary summary(long runId) {
        return run(runId);
    }

    @PreAuthorize("hasRole('STAFF')")
    public TablePage<RunSummary> list(Integer year, TableQuery query) {
        String where = year == null ? "" : " where r.data_year = :year";
        var count = jdbc.sql("select count(*) from evaluation_run r" + where.replace("r.data_year", "data_year"));
        String order = SORTABLE.containsKey(query.sort()) ? query.orderBy(SORTABLE, "id") + ", r.id desc"
                : " order by r.id desc";
        var rows = jdbc.sql(SELECT + where + order + " limit :limit offset :offset");
        if (year != null) {
            count = count.param("year", year);
            rows = rows.param("year", year);
        }
        long total = count.query(Long.class).single();
        List<RunSummary> list = rows.param("limit", query.size()).param("offset", query.offset())
                .query(EvaluationRuns::row).list();
        return new TablePage<>(list, total, query);
    }

    /** Every run of the filter, for "导出Excel". */
    @PreAuthorize("hasRole('STAFF')")
    public List<RunSummary> all(Integer year) {
        return year == null ? jdbc.sql(SELECT + " order by r.id desc").query(EvaluationRuns::row).list()
                : jdbc.sql(SELECT + " where r.data_year = ? order by r.id desc").param(year).query(EvaluationRuns::row).list();
    }

    /** Runs currently on notice, newest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<RunSummary> onNotice() {
        return jdbc.sql(SELECT + " where r.status = 'NOTICE' order by r.id desc").query(EvaluationRuns::row).list();
    }

    /** Years that have data to evaluate, newest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Integer> dataYears() {
        return jdbc.sql("select distinct data_year from enterprise_year order by data_year desc").query(Integer.class).list();
    }

    RunSummary run(long runId) {
        return jdbc.sql(SELECT + " where r.id = ?").param(runId).query(EvaluationRuns::row).optional()
                .orElseThrow(() -> new RunNotFoundException(runId));
    }

    private long queue(int year, long modelId, String user) {
        models.load(modelId); // an unknown or invalid model fails here, before a run row exists
        if (year < 1990 || year > 9998) {
            throw new EvaluationException("评价年度 " + year + " 无效。");
        }
        // the year has one working slot: while another run holds it, the insert fails; if that run finished
        // between the failed insert and the look-up, the year is free again and a second try queues this one
        for (int attempt = 1; ; attempt++) {
            try {
                return insertQueued(year, modelId, user);
            } catch (DuplicateKeyException e) {
                Optional<RunSummary> working = workingRun(year);
                if (working.isPresent()) {
                    throw new EvaluationException(year + " 年度已有评价批次 #" + working.get().id() + " 正在计算（"
                            + working.get().status().label() + "），请等待其完成后再开始新的计算。");
                }
                if (attempt == 2) {
                    throw new EvaluationException(year + " 年度已有评价批次正在计算，请稍后再试。");
                }
            }
        }
    }

    /**
     * Inserts the QUEUED run in the year's working slot, which the database gives one run at a time — of
     * whichever instance asks — and fails with a DuplicateKeyException while another run holds it.
     */
    private long insertQueued(int year, long modelId, String user) {
        // the key the database generated for this very insert: a later look-up (the newest run of the user
        // and year) would give two simultaneous submits the same run, and the loser's failure would delete
        // the winner's results
        KeyHolder key = new GeneratedKeyHolder();
        // counting the model version's use and queuing the run commit together: a refused start counts nothing
        tx.executeWithoutResult(status -> {
            models.recordUse(modelId);
            jdbc.sql("""
                    insert into evaluation_run (data_year, model_id, status, year_slot, message, created_by, created_at,
                                                worker_instance, heartbeat_at)
                    values (?, ?, 'QUEUED', ?, '排队等待计算', ?, ?, ?, localtimestamp)""")
                    .params(year, modelId, RunStatus.QUEUED.yearSlot(), user, now(), leases.instance()).update(key, "id");
        });
        long id = key.getKey().longValue();
        leases.hold(id);
        return id;
    }

    private Optional<RunSummary> workingRun(int year) {
        return jdbc.sql(SELECT + " where r.data_year = ? and r.year_slot = ?").params(year, RunStatus.QUEUED.yearSlot())
                .query(EvaluationRuns::row).optional();
    }

    private void transition(long runId, RunStatus from, RunStatus to, String set, Object... params) {
        List<Object> all = new ArrayList<>();
        all.add(to.yearSlot());
        all.addAll(Arrays.asList(params));
        all.add(runId);
        all.add(from.name());
        int updated;
        try {
            updated = jdbc.sql("update evaluation_run set status = '" + to.name() + "', year_slot = ?, " + set
                    + " where id = ? and status = ?").params(all).update();
        } catch (DuplicateKeyException e) {
            // the year's slot is taken, which the year's lock should have prevented (another program wrote it)
            throw new EvaluationException("该年度已有另一评价批次处于“" + to.label() + "”状态，请刷新页面后重试。", e);
        }
        if (updated == 0) {
            throw new EvaluationException("评价批次 " + runId + " 的状态已改变，请刷新页面后重试。");
        }
    }

    private static String fingerprint(String total, Integer rank, String tier, String points) {
        return total + "|" + rank + "|" + tier + "|" + points;
    }

    private static Timestamp now() {
        return Timestamp.valueOf(LocalDateTime.now());
    }

    private static RunSummary row(ResultSet rs, int n) throws SQLException {
        return new RunSummary(rs.getLong("id"), rs.getInt("data_year"), rs.getLong("model_id"),
                ScoreModel.label(rs.getString("model_name"), rs.getString("version")), RunStatus.valueOf(rs.getString("status")),
                rs.getInt("progress_done"), rs.getInt("progress_total"), rs.getString("message"),
                trim(rs.getString("input_sha256")), rs.getString("engine_version"),
                rs.getObject("enterprises", Integer.class), rs.getObject("eligible", Integer.class),
                rs.getObject("notice_ends", LocalDate.class), rs.getString("created_by"), time(rs, "created_at"),
                time(rs, "started_at"), time(rs, "finished_at"), time(rs, "noticed_at"), time(rs, "published_at"),
                rs.getInt("open_objections"));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static LocalDateTime time(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toLocalDateTime();
    }
}
