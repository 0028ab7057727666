package cn.gov.panyu.points.engine.calibration;

import java.util.Set;

/** Min-max normalisation shared by the entropy option and CRITIC. */
final class MinMax {

    private MinMax() {
    }

    /**
     * (x − min)/(max − min), or (max − x)/(max − min) for a cost criterion (less is better); a constant column
     * becomes all 0 — it tells the alternatives apart in no way.
     */
    static double[] normalise(double[] x, boolean cost) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (double v : x) {
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        double range = max - min;
        double[] out = new double[x.length];
        if (range == 0) {
            return out;
        }
        for (int i = 0; i < x.length; i++) {
            out[i] = cost ? (max - x[i]) / range : (x[i] - min) / range;
        }
        return out;
    }

    /** Cost criteria must name columns of the matrix: a misspelt name would silently reverse nothing. */
    static void checkCost(CriteriaMatrix m, Set<String> cost) {
        for (String name : cost) {
            if (m.indexOf(name) < 0) {
                throw new CalibrationException("成本型指标「" + name + "」不在数据的表头中",
                        "cost criterion '" + name + "' is not a column of the data");
            }
        }
    }
}
