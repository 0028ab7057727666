package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Turns calibrated weights into a model: relative weights are scaled to the model's points total (1,000 in
 * {@code panyu-2025}) and rounded so that they still sum to it exactly, then put into a copy of the model for
 * one stage. The model file stores weights as whole points, so whole points are the default; two decimals are
 * offered for finer models. The result is a {@link ScoreModel}; the platform writes it as a model text with
 * its model form ({@code ModelForm.of(model).toYaml()}) and stores it as a draft version, which the engine's
 * {@code ModelLoader} validates like any other.
 */
public final class Reweighting {

    private static final double SUM_TOLERANCE = 1e-9;

    private Reweighting() {
    }

    /**
     * Scales non-negative weights to {@code total} points rounded to {@code decimals} decimals (0 or 2) by the
     * largest-remainder method: every weight is rounded down, then the units still missing go to the largest
     * remainders (ties to the earlier criterion), so the result sums to {@code total} exactly and each weight is
     * within one unit of its exact share.
     *
     * @param total a whole number of units, e.g. 1000
     */
    public static double[] toPoints(double[] weights, double total, int decimals) {
        if (decimals != 0 && decimals != 2) {
            throw new IllegalArgumentException("decimals must be 0 or 2");
        }
        double sum = 0;
        for (int j = 0; j < weights.length; j++) {
            if (!(weights[j] >= 0) || !Double.isFinite(weights[j])) {
                throw new CalibrationException(-1, j, null, "权重须为非负数，实际为 " + weights[j], "a weight must not be negative");
            }
            sum += weights[j];
        }
        if (!(sum > 0)) {
            throw new CalibrationException("权重全部为 0，无法换算为分值", "the weights are all zero");
        }
        long unitsPerPoint = decimals == 0 ? 1 : 100;
        long totalUnits = Math.round(total * unitsPerPoint);
        if (Math.abs(totalUnits - total * unitsPerPoint) > 1e-6) {
            throw new IllegalArgumentException("total " + total + " is not a whole number of units");
        }
        long[] units = new long[weights.length];
        double[] remainder = new double[weights.length];
        long given = 0;
        for (int j = 0; j < weights.length; j++) {
            double exact = weights[j] / sum * totalUnits;
            units[j] = (long) Math.floor(exact);
            remainder[j] = exact - units[j];
            given += units[j];
        }
        Integer[] byRemainder = new Integer[weights.length];
        for (int j = 0; j < byRemainder.length; j++) {
            byRemainder[j] = j;
        }
        Arrays.sort(byRemainder, Comparator.comparingDouble((Integer j) -> remainder[j]).reversed()); // stable
        for (int k = 0; given < totalUnits; k++, given++) {
            units[byRemainder[k % byRemainder.length]]++;
        }
        double[] points = new double[weights.length];
        for (int j = 0; j < points.length; j++) {
            // through BigDecimal, so that 123.45 is the double nearest 123.45 and not 12345 × 0.01
            points[j] = BigDecimal.valueOf(units[j]).movePointLeft(decimals).setScale(decimals, RoundingMode.UNNECESSARY).doubleValue();
        }
        return points;
    }

    /**
     * A copy of the model whose indicator weights of one stage are the given relative weights scaled to the
     * model's points total ({@link ScoreModel#coreTotal()}) by {@link #toPoints}; other stages unchanged.
     *
     * @param weights  relative weights named by indicator code, one for every indicator of the model
     * @param version  the draft's version, e.g. {@code 2026.1-draft}
     */
    public static ScoreModel scaled(ScoreModel model, Stage stage, Weights weights, int decimals, String version) {
        double[] relative = new double[model.indicators().size()];
        for (int j = 0; j < relative.length; j++) {
            String code = model.indicators().get(j).code();
            if (!weights.names().contains(code)) {
                throw new CalibrationException("缺少指标 " + code + " 的权重", "no weight for indicator " + code);
            }
            relative[j] = weights.weight(code);
        }
        double[] points = toPoints(relative, model.coreTotal(), decimals);
        Map<String, Double> byCode = new java.util.LinkedHashMap<>();
        for (int j = 0; j < points.length; j++) {
            byCode.put(model.indicators().get(j).code(), points[j]);
        }
        return withStageWeights(model, stage, byCode, version);
    }

    /**
     * A copy of the model with the given points as one stage's indicator weights and a new version; other
     * stages, transforms, bonus, negatives and tiers unchanged.
     *
     * @param points points per indicator code, for every indicator, non-negative, summing to the model's total
     * @throws CalibrationException when an indicator is missing or unknown, or the points do not sum to the total
     */
    public static ScoreModel withStageWeights(ScoreModel model, Stage stage, Map<String, Double> points, String version) {
        for (String code : points.keySet()) {
            if (!model.indicatorCodes().contains(code)) {
                throw new CalibrationException("模型中没有指标 " + code, "the model has no indicator " + code);
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        double sum = 0;
        for (Indicator i : model.indicators()) {
            Double p = points.get(i.code());
            if (p == null || !(p >= 0)) {
                throw new CalibrationException("缺少指标 " + i.code() + " 的分值，或分值为负", "no valid points for indicator " + i.code());
            }
            double[] w = new double[Stage.values().length];
            for (Stage s : Stage.values()) {
                w[s.ordinal()] = s == stage ? p : i.weight(s);
            }
            indicators.add(new Indicator(i.code(), i.category(), i.name(), i.value(), i.transform(), w));
            sum += p;
        }
        if (Math.abs(sum - model.coreTotal()) > SUM_TOLERANCE) {
            throw new CalibrationException(stage.label() + "权重合计为 " + sum + "，应为 " + model.coreTotal(),
                    "the weights of " + stage + " sum to " + sum + ", expected " + model.coreTotal());
        }
        return copy(model, version, indicators, model.coreTotal());
    }

    /**
     * The model with every indicator weight 1 in every stage: scored with it, an indicator's points are its
     * fraction f (spec §4), which {@code Scorer.reweighted} turns into the points of any other weights.
     */
    static ScoreModel unitWeights(ScoreModel model) {
        List<Indicator> unit = new ArrayList<>();
        double[] ones = new double[Stage.values().length];
        Arrays.fill(ones, 1);
        for (Indicator i : model.indicators()) {
            unit.add(new Indicator(i.code(), i.category(), i.name(), i.value(), i.transform(), ones));
        }
        return copy(model, model.version(), unit, unit.size());
    }

    /** The model with other indicators (and total). */
    static ScoreModel withIndicators(ScoreModel model, List<Indicator> indicators, double coreTotal) {
        return copy(model, model.version(), indicators, coreTotal);
    }

    private static ScoreModel copy(ScoreModel m, String version, List<Indicator> indicators, double coreTotal) {
        return new ScoreModel(m.id(), version, m.name(), m.description(), m.district(), m.towns(), m.keyIndustries(),
                m.growthFrom(), m.matureFrom(), coreTotal, indicators, m.bonusCap(), m.bonusItems(), m.negatives(),
                m.tiers());
    }
}
