package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;

import java.util.List;

/**
 * Weights of named criteria, non-negative (summing to 1 when a method computed them; in points for
 * {@link #ofModel}), with the notes a method made on the way (e.g. a
 * column that carried no information and got weight 0) — pages show them beside the figures.
 *
 * @param names   criteria in input order
 * @param weights {@code weights[j]} for {@code names.get(j)}
 * @param notes   plain Chinese sentences, empty when there is nothing to say
 */
public record Weights(List<String> names, double[] weights, List<String> notes) {

    public Weights {
        names = List.copyOf(names);
        weights = weights.clone();
        notes = List.copyOf(notes);
        if (names.size() != weights.length) {
            throw new IllegalArgumentException("one weight per name");
        }
    }

    /** A model's weights of one stage, in points, by indicator code: what calibrated weights are shown beside. */
    public static Weights ofModel(ScoreModel model, Stage stage) {
        double[] points = model.indicators().stream().mapToDouble(i -> i.weight(stage)).toArray();
        return new Weights(model.indicatorCodes(), points, List.of());
    }

    @Override
    public double[] weights() {
        return weights.clone();
    }

    /** The weight of a criterion. */
    public double weight(String name) {
        int j = names.indexOf(name);
        if (j < 0) {
            throw new IllegalArgumentException("no criterion " + name);
        }
        return weights[j];
    }

    public double weight(int j) {
        return weights[j];
    }

    /**
     * α·subjective + (1 − α)·objective, criterion by criterion (matched by name, in this order of names); both
     * are normalised to sum 1 first so that weights on different scales (points, fractions) combine fairly.
     *
     * @param alpha the subjective share, within [0, 1]
     */
    public static Weights combine(Weights subjective, Weights objective, double alpha) {
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new CalibrationException("组合系数 α 须在 0 到 1 之间，实际为 " + alpha, "alpha must be within [0, 1], got " + alpha);
        }
        if (!List.copyOf(subjective.names).stream().sorted().toList().equals(objective.names.stream().sorted().toList())) {
            throw new CalibrationException("主观权重与客观权重的指标不一致", "subjective and objective weights name different criteria");
        }
        double s = sum(subjective.weights);
        double o = sum(objective.weights);
        double[] combined = new double[subjective.weights.length];
        for (int j = 0; j < combined.length; j++) {
            double sub = s == 0 ? 0 : subjective.weights[j] / s;
            double obj = o == 0 ? 0 : objective.weight(subjective.names.get(j)) / o;
            combined[j] = alpha * sub + (1 - alpha) * obj;
        }
        double total = sum(combined);
        if (total == 0) {
            throw new CalibrationException("组合后的权重全部为 0", "the combined weights are all zero");
        }
        for (int j = 0; j < combined.length; j++) {
            combined[j] /= total;
        }
        return new Weights(subjective.names, combined, List.of());
    }

    /** Divides by the sum; the caller guarantees a positive sum. */
    static double[] normalised(double[] w) {
        double s = sum(w);
        double[] out = new double[w.length];
        for (int j = 0; j < w.length; j++) {
            out[j] = w[j] / s;
        }
        return out;
    }

    static double sum(double[] v) {
        double s = 0;
        for (double x : v) {
            s += x;
        }
        return s;
    }
}
