package cn.gov.panyu.points.platform.evaluation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

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
 * whole district. Callers decide who may ask about which enterprise.
 */
@Service
public class FrozenRuns {

    private static final int KEPT = 2;

    private final JdbcClient jdbc;
    private final ScoreModels models;
    private final Map<Long, Evaluation> kept = new LinkedHashMap<>(4, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Evaluation> eldest) {
            return size() > KEPT;
        }
    };

    FrozenRuns(JdbcClient jdbc, ScoreModels models) {
        this.jdbc = jdbc;
        this.models = models;
    }

    /** The run's evaluation; empty when the run stored no input (failed or still computing). */
    public Optional<Evaluation> evaluation(long runId) {
        synchronized (kept) {
            Evaluation ev = kept.get(runId);
            if (ev != null) {
                return Optional.of(ev);
            }
        }
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
        Evaluation ev = Scorer.score(model, records);
        synchronized (kept) {
            kept.put(runId, ev);
        }
        return Optional.of(ev);
    }
}
