package cn.gov.panyu.points.platform.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * A run's evaluation rebuilt from the exact input it stored, with the model version it used: the frozen
 * cohort that what-if questions ("what if my R&D spend were higher?") are asked against, so that an
 * answer is consistent with the published numbers and never with data that changed since.
 *
 * <p>Results of a run never change, so rebuilt evaluations are kept; only a couple, because one holds a
 * whole district. A run is rebuilt once however many requests ask for it at the same time: the first
 * one rebuilds, the others wait for its result. Requests for other runs do not wait for that rebuild.
 * Callers decide who may ask about which enterprise.
 */
@Service
public class FrozenRuns {

    private static final int KEPT = 2;

    private final JdbcClient jdbc;
    private final ScoreModels models;
    /**
     * The latest runs' evaluations, rebuilt or being rebuilt, least recently asked first. Guarded by
     * itself, held only to look up or add an entry, never while a rebuild runs.
     */
    private final Map<Long, FutureTask<Optional<Evaluation>>> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, FutureTask<Optional<Evaluation>>> eldest) {
            return size() > KEPT;
        }
    };

    FrozenRuns(JdbcClient jdbc, ScoreModels models) {
        this.jdbc = jdbc;
        this.models = models;
    }

    /** The run's evaluation; empty when the run stored no input (failed or still computing). */
    public Optional<Evaluation> evaluation(long runId) {
        FutureTask<Optional<Evaluation>> evaluation;
        boolean rebuildHere;
        synchronized (kept) {
            evaluation = kept.get(runId);
            rebuildHere = evaluation == null;
            if (rebuildHere) {
                evaluation = new FutureTask<>(() -> rebuild(runId));
                kept.put(runId, evaluation);
            }
        }
        if (rebuildHere) {
            evaluation.run();
        }
        try {
            Optional<Evaluation> ev = evaluation.get();
            if (ev.isEmpty()) {
                forget(runId, evaluation); // the run may still get its input: ask again next time
            }
            return ev;
        } catch (ExecutionException e) {
            forget(runId, evaluation); // a failed rebuild is tried again by the next request
            if (e.getCause() instanceof Error error) {
                throw error;
            }
            throw e.getCause() instanceof RuntimeException re ? re
                    : new IllegalStateException("rebuilding run " + runId + " failed", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for run " + runId + " to be rebuilt", e);
        }
    }

    private void forget(long runId, FutureTask<Optional<Evaluation>> evaluation) {
        synchronized (kept) {
            kept.remove(runId, evaluation);
        }
    }

    /** Scores the run's stored input with its model version; empty when the run stored no input. */
    Optional<Evaluation> rebuild(long runId) {
        record Stored(long modelId, byte[] input) {
        }
        Optional<Stored> stored = jdbc.sql("select model_id, input_csv from evaluation_run where id = ?").param(runId)
                .query((rs, n) -> new Stored(rs.getLong(1), rs.getBytes(2))).optional()
                .filter(s -> s.input() != null);
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        List<EnterpriseRecord> records = CanonicalCsv.read(CanonicalCsv.gunzip(stored.get().input()));
        ScoreModel model = models.load(stored.get().modelId());
        return Optional.of(Scorer.score(model, records));
    }
}
