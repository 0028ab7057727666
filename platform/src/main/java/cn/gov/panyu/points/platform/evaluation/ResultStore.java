package cn.gov.panyu.points.platform.evaluation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Collection;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.stream.IntStream;

import org.springframework.jdbc.core.BatchPreparedStatementSetter;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;
import cn.gov.panyu.points.platform.collection.RegistryReferences;

/**
 * Writes a run's results into score_result with JDBC batches. Each chunk commits on its own: nobody
 * reads a run's results before its status says they are complete, and a failed run's rows are deleted —
 * when it fails, when it is taken over, and at the latest when its year is computed again.
 * An enterprise with a stored result or an objection stays in the registry ({@link RegistryReferences}).
 */
@Component
class ResultStore implements RegistryReferences {

    /** Rows per batch: large enough to amortise round trips, small enough for frequent progress. */
    static final int CHUNK = 5_000;
    /** Connections writing at once; the pool has ten. */
    static final int WRITERS = 2;

    private static final String INSERT = """
            insert into score_result (run_id, uscc, name, town, industry, stage, core, bonus, deduction, total,
                                      rank_in_stage, tier, eligible, points)
            values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final JdbcClient client;
    private final TransactionTemplate tx;

    ResultStore(JdbcTemplate jdbc, JdbcClient client, TransactionTemplate tx) {
        this.jdbc = jdbc;
        this.client = client;
        this.tx = tx;
    }

    /**
     * Chunks are written by up to {@link #WRITERS} connections at once: the database, not the JVM, is the
     * bottleneck of a large run, and both H2 and PostgreSQL take concurrent inserts into one table.
     *
     * @param progress told the number of rows stored so far after every chunk
     */
    void store(long runId, Evaluation ev, IntConsumer progress) {
        int n = ev.size();
        int chunks = (n + CHUNK - 1) / CHUNK;
        AtomicInteger stored = new AtomicInteger();
        ForkJoinPool pool = new ForkJoinPool(Math.min(WRITERS, Math.max(1, chunks)));
        try {
            pool.submit(() -> IntStream.range(0, chunks).parallel().forEach(c -> {
                int size = Math.min(CHUNK, n - c * CHUNK);
                storeChunk(runId, ev, c * CHUNK, size);
                synchronized (stored) { // so the reported count never goes backwards
                    progress.accept(stored.addAndGet(size));
                }
            })).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new EvaluationException("保存评价结果时被中断。", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        } finally {
            pool.shutdown();
        }
    }

    private void storeChunk(long runId, Evaluation ev, int start, int size) {
        // one transaction per chunk: in autocommit mode H2 would commit every row on its own
        tx.executeWithoutResult(status -> jdbc.batchUpdate(INSERT, new BatchPreparedStatementSetter() {
            @Override
            public void setValues(PreparedStatement ps, int k) throws SQLException {
                int i = start + k;
                EnterpriseRecord r = ev.record(i);
                ps.setLong(1, runId);
                ps.setString(2, r.uscc());
                ps.setString(3, r.name());
                ps.setString(4, r.town());
                ps.setString(5, r.industry());
                ps.setString(6, ev.stage(i).name());
                ps.setBigDecimal(7, Rounding.decimal(Rounding.cents(ev.core(i))));
                ps.setBigDecimal(8, Rounding.decimal(Rounding.cents(ev.bonus(i))));
                ps.setBigDecimal(9, Rounding.decimal(Rounding.cents(ev.deduction(i))));
                ps.setBigDecimal(10, Rounding.decimal(ev.totalCents(i)));
                if (ev.eligible(i)) {
                    ps.setInt(11, ev.rank(i));
                } else {
                    ps.setNull(11, Types.INTEGER);
                }
                Tier tier = ev.tier(i);
                ps.setString(12, tier == null ? null : tier.name());
                ps.setBoolean(13, ev.eligible(i));
                ps.setString(14, IndicatorPoints.format(ev, i));
            }

            @Override
            public int getBatchSize() {
                return size;
            }
        }));
    }

    @Override
    public Set<String> referenced(Collection<String> usccs) {
        return RegistryReferences.query(client, """
                select uscc from score_result where uscc in (:usccs)
                union select uscc from objection where uscc in (:usccs)""", usccs);
    }

    /**
     * Removes what a failed run saved. A run in any other status keeps its results, so a caller that lost
     * track of its run (one taken over, one that was never its own) cannot remove another run's results;
     * FAILED is final, so the check cannot go stale before the delete.
     */
    void deleteOfFailedRun(long runId) {
        boolean failed = client.sql("select count(*) from evaluation_run where id = ? and status = 'FAILED'").param(runId)
                .query(Long.class).single() > 0;
        if (failed) {
            jdbc.update("delete from score_result where run_id = ?", runId);
        }
    }

    /**
     * Removes what the year's failed runs still have stored: a worker that died before its clean-up (its
     * run was taken over by an instance that died too), or a chunk that committed after it. One delete per
     * run, each along the primary key.
     */
    void deleteOfFailedRuns(int year) {
        for (long runId : client.sql("select id from evaluation_run where data_year = ? and status = 'FAILED'").param(year)
                .query(Long.class).list()) {
            jdbc.update("delete from score_result where run_id = ?", runId);
        }
    }
}
