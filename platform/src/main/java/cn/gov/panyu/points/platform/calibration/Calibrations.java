package cn.gov.panyu.points.platform.calibration;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.calibration.Ahp;
import cn.gov.panyu.points.engine.calibration.CalibrationException;
import cn.gov.panyu.points.engine.calibration.CriteriaMatrix;
import cn.gov.panyu.points.engine.calibration.Reweighting;
import cn.gov.panyu.points.engine.calibration.Sensitivity;
import cn.gov.panyu.points.engine.calibration.Weights;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.scoremodel.ModelStatus;
import cn.gov.panyu.points.platform.scoremodel.ModelVersion;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * Gathers the input of the engine's calibration methods — the active model and a year's merged records —
 * and turns a chosen combination into a draft model version. Weights are calibrated per stage on the
 * indicator fractions (what the weights multiply), so they are comparable across indicators.
 *
 * <p>AHP judges the model's indicator <em>categories</em>, not its indicators: a stage has 18 indicators and
 * Saaty's consistency index is defined up to 10 criteria (nobody judges 153 pairs consistently either). A
 * category's AHP share is spread over its indicators in the proportions of the active model's weights.
 */
@Service
public class Calibrations {

    /** Biggest movers listed per stage in the sensitivity report. */
    static final int MOVERS = 10;
    /** Scale judgements Saaty allows: 1/9 … 9. */
    private static final double SCALE = 9;

    private final ScoreModels models;
    private final YearRecords records;
    private final EvaluationRuns runs;

    Calibrations(ScoreModels models, YearRecords records, EvaluationRuns runs) {
        this.models = models;
        this.records = records;
        this.runs = runs;
    }

    /** Years with data, newest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Integer> years() {
        return runs.dataYears();
    }

    /** The categories of the active model, in model order: the rows and columns of the AHP matrix. */
    @PreAuthorize("hasRole('STAFF')")
    public List<String> categories() {
        return categories(models.load(models.activeModelId()));
    }

    /** The weights of the request's stage beside the active model's. */
    @PreAuthorize("hasRole('STAFF')")
    public Calibration calibrate(CalibrationRequest request) {
        ScoreModel active = models.load(models.activeModelId());
        return compute(active, yearRecords(request.year()), request);
    }

    /**
     * A draft model version whose weights of the request's stage are the combined weights in whole points
     * (summing to the model's total); the other stages are the active model's. Audited by the model service.
     *
     * @return the draft's id
     */
    @PreAuthorize("hasRole('STAFF')")
    public long createDraft(CalibrationRequest request, String user) {
        long activeId = models.activeModelId();
        ScoreModel active = models.load(activeId);
        Calibration c = compute(active, yearRecords(request.year()), request);
        Map<String, Double> points = new LinkedHashMap<>();
        c.rows().forEach(r -> points.put(r.code(), r.points()));
        // the version is a placeholder: the model service gives the draft a free version number
        ScoreModel draft = Reweighting.withStageWeights(active, request.stage(), points, active.version());
        String reason = String.format(Locale.ROOT, "模型校准（%d 年度数据，%s，%s，α = %.2f%s）", request.year(),
                request.stage().label(), request.method().label(), request.alpha(), request.hasAhp() ? "，含层次分析法判断" : "");
        return models.createDraft(activeId, draft, reason, user);
    }

    /**
     * What activating the draft would change on a year's data.
     *
     * @throws DraftNotFoundException when the version exists but is not a draft (unknown ids: the model
     *                                service's not-found)
     */
    @PreAuthorize("hasRole('STAFF')")
    public Sensitivity.Report sensitivity(long draftId, int year) {
        ModelVersion version = models.version(draftId);
        if (version.status() != ModelStatus.DRAFT) {
            throw new DraftNotFoundException(draftId);
        }
        ScoreModel active = models.load(models.activeModelId());
        return Sensitivity.compare(active, models.load(draftId), yearRecords(year), MOVERS, true);
    }

    /** The draft's version as listed (for the report's heading). */
    @PreAuthorize("hasRole('STAFF')")
    public ModelVersion version(long id) {
        return models.version(id);
    }

    /**
     * The report's one-at-a-time weight changes, the {@code limit} most consequential of each stage (the
     * report lists them by stage, most consequential first).
     */
    static Map<Stage, List<Sensitivity.WeightChange>> mostConsequential(Sensitivity.Report report, int limit) {
        Map<Stage, List<Sensitivity.WeightChange>> byStage = new EnumMap<>(Stage.class);
        for (Stage s : Stage.values()) {
            byStage.put(s, report.weightChanges().stream().filter(w -> w.stage() == s).limit(limit).toList());
        }
        return byStage;
    }

    private RecordColumns yearRecords(int year) {
        var loaded = records.ofYear(year);
        if (loaded.records().isEmpty()) {
            throw new CalibrationRefusedException(year + " 年度没有可用于校准的企业数据，请先在“数据采集”中导入该年度数据。");
        }
        return RecordColumns.of(loaded.records());
    }

    /** The calibration of one stage of a model on given records: the whole computation, without the database. */
    static Calibration compute(ScoreModel active, RecordColumns data, CalibrationRequest request) {
        try {
            CriteriaMatrix m = CriteriaMatrix.fractions(active, data, request.stage());
            Weights objective = request.method().compute(m);
            Weights model = Weights.ofModel(active, request.stage());
            Calibration.Ahp ahp = request.hasAhp() ? ahp(categories(active), request.ahp()) : null;
            Weights subjective = ahp == null ? model : spread(active, model, ahp);
            Weights combined = Weights.combine(subjective, objective, request.alpha());
            double[] points = Reweighting.toPoints(combined.weights(), active.coreTotal(), 0);
            List<Calibration.Row> rows = new ArrayList<>();
            for (int j = 0; j < active.indicators().size(); j++) {
                Indicator i = active.indicators().get(j);
                rows.add(new Calibration.Row(i.code(), i.name(), i.category(), model.weight(j),
                        objective.weight(i.code()), ahp == null ? null : subjective.weight(j),
                        combined.weight(i.code()), points[j]));
            }
            return new Calibration(request, active.label(), m.rows(), rows, ahp, named(active, objective.notes()));
        } catch (CalibrationException e) {
            throw new CalibrationRefusedException(e.messageZh());
        }
    }

    /** The engine's notes name criteria by their codes (its criteria are columns); users read indicator names. */
    private static List<String> named(ScoreModel model, List<String> notes) {
        return notes.stream().map(note -> {
            String text = note;
            for (Indicator i : model.indicators()) {
                text = text.replace("「" + i.code() + "」", "「" + i.name() + "」");
            }
            return text;
        }).toList();
    }

    static List<String> categories(ScoreModel model) {
        return model.indicators().stream().map(Indicator::category).distinct().toList();
    }

    /** The AHP weights of the categories, refused with the most inconsistent judgements named when CR ≥ 0.10. */
    static Calibration.Ahp ahp(List<String> categories, String[][] typed) {
        int n = categories.size();
        double[][] a = new double[n][n];
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                String text = typed.length > i && typed[i].length > j && typed[i][j] != null ? typed[i][j].trim() : "";
                double v = Ahp.parseJudgement(text);
                if (!(v >= 1 / SCALE - 1e-9 && v <= SCALE + 1e-9)) {
                    throw new CalibrationRefusedException("“" + pair(categories, i, j) + "”的判断“" + text
                            + "”无法使用：请填写 1 到 9 的整数，或 1/2 到 1/9 这样的分数。");
                }
                a[i][j] = v;
                a[j][i] = 1 / v;
            }
        }
        Ahp.Result r = Ahp.analyse(a);
        if (!r.consistent()) {
            StringBuilder worst = new StringBuilder();
            for (Ahp.Judgement judgement : r.mostInconsistent().subList(0, Math.min(2, r.mostInconsistent().size()))) {
                worst.append(worst.isEmpty() ? "" : "；").append(String.format(Locale.ROOT, "“%s”填写 %s，而其余判断推出约 %.2f",
                        pair(categories, judgement.row(), judgement.column()), plain(judgement.given()), judgement.implied()));
            }
            throw new CalibrationRefusedException(String.format(Locale.ROOT,
                    "判断矩阵的一致性比率 CR = %.3f，不小于 0.10，判断前后矛盾，请修改。最不一致的判断：%s。", r.cr(), worst));
        }
        List<Double> weights = new ArrayList<>();
        for (double w : r.weights()) {
            weights.add(w);
        }
        return new Calibration.Ahp(categories, weights, r.lambdaMax(), r.ci(), r.cr());
    }

    /** A category's AHP share over its indicators in the proportions of the model's weights (equal when all 0). */
    private static Weights spread(ScoreModel active, Weights model, Calibration.Ahp ahp) {
        double[] w = new double[active.indicators().size()];
        for (int c = 0; c < ahp.categories().size(); c++) {
            String category = ahp.categories().get(c);
            double sum = 0;
            int count = 0;
            for (int j = 0; j < w.length; j++) {
                if (active.indicators().get(j).category().equals(category)) {
                    sum += model.weight(j);
                    count++;
                }
            }
            for (int j = 0; j < w.length; j++) {
                if (active.indicators().get(j).category().equals(category)) {
                    w[j] = ahp.weights().get(c) * (sum > 0 ? model.weight(j) / sum : 1.0 / count);
                }
            }
        }
        return new Weights(model.names(), w, List.of());
    }

    private static String pair(List<String> categories, int i, int j) {
        return categories.get(i) + " 相对 " + categories.get(j);
    }

    private static String plain(double v) {
        return v >= 1 ? String.format(Locale.ROOT, "%.0f", v) : String.format(Locale.ROOT, "1/%.0f", 1 / v);
    }
}
