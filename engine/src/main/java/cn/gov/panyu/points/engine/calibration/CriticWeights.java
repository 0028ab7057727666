package cn.gov.panyu.points.engine.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * CRITIC (Diakoulaki et al. 1995): a criterion weighs more when it varies more (contrast) and agrees less with
 * the others (conflict). Columns are min-max normalised (cost criteria reversed); σ_j is the sample standard
 * deviation (n − 1), r_jk Pearson's correlation, C_j = σ_j Σ_k (1 − r_jk), w_j ∝ C_j.
 */
public final class CriticWeights {

    private CriticWeights() {
    }

    /**
     * @param cost criteria where less is better
     * @throws CalibrationException when a cost criterion is not a column, or when no criterion varies
     */
    public static Weights compute(CriteriaMatrix m, Set<String> cost) {
        MinMax.checkCost(m, cost);
        int k = m.criteria();
        int n = m.rows();
        double[][] z = new double[k][];
        double[] sd = new double[k];
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String name = m.names().get(j);
            z[j] = MinMax.normalise(m.column(j), cost.contains(name));
            double mean = Weights.sum(z[j]) / n;
            double ss = 0;
            for (double v : z[j]) {
                ss += (v - mean) * (v - mean);
            }
            // centred in place: the correlations below need only the deviations
            for (int i = 0; i < n; i++) {
                z[j][i] -= mean;
            }
            sd[j] = Math.sqrt(ss / (n - 1));
            if (sd[j] == 0) {
                notes.add("指标「" + name + "」的数值全部相同，没有信息量，权重为 0");
            }
        }
        double[] c = new double[k];
        for (int j = 0; j < k; j++) {
            for (int l = j + 1; l < k; l++) {
                // a constant column correlates with nothing: r = 0 (its own C is 0 through σ = 0 anyway)
                double r = sd[j] == 0 || sd[l] == 0 ? 0 : Moments.pearsonOfCentred(z[j], z[l]);
                c[j] += 1 - r;
                c[l] += 1 - r;
            }
        }
        for (int j = 0; j < k; j++) {
            c[j] *= sd[j];
        }
        if (Weights.sum(c) == 0) {
            throw new CalibrationException("所有指标在各评价对象上都没有差异（或只有一个指标且无冲突信息），CRITIC 法无法确定权重",
                    "no criterion carries contrast and conflict; CRITIC weights are undefined");
        }
        return new Weights(m.names(), Weights.normalised(c), notes);
    }
}
