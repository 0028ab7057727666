package cn.gov.panyu.points.engine.calibration;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The entropy weight method: a criterion whose values are spread unevenly over the alternatives tells them
 * apart and weighs more. p_ij = x_ij / Σ_i x_ij, e_j = −(1/ln n) Σ_i p_ij ln p_ij with 0·ln 0 = 0,
 * w_j ∝ 1 − e_j. A column summing to 0 has no proportions: it gets weight 0 and a note.
 */
public final class EntropyWeights {

    private EntropyWeights() {
    }

    /** With p = x/Σx on the values as they are. */
    public static Weights compute(CriteriaMatrix m) {
        return compute(m, Normalisation.SUM, Set.of());
    }

    /**
     * @param cost criteria where less is better; reversed by min-max normalisation, so only with
     *             {@link Normalisation#MINMAX} (p = x/Σx has no notion of direction)
     * @throws CalibrationException for a negative value under {@link Normalisation#SUM} (naming its row and
     *                              column), cost criteria without min-max, or when no criterion varies at all
     */
    public static Weights compute(CriteriaMatrix m, Normalisation normalisation, Set<String> cost) {
        MinMax.checkCost(m, cost);
        if (normalisation == Normalisation.SUM && !cost.isEmpty()) {
            throw new CalibrationException("成本型指标只能与极差（min-max）标准化一起使用",
                    "cost criteria need min-max normalisation");
        }
        int n = m.rows();
        int k = m.criteria();
        double lnN = Math.log(n);
        double[] divergence = new double[k];
        List<String> notes = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            String name = m.names().get(j);
            double[] x = m.column(j);
            if (normalisation == Normalisation.SUM) {
                for (int i = 0; i < n; i++) {
                    if (x[i] < 0) {
                        throw new CalibrationException(i, j, name, "熵权法按列求和归一（p = x/Σx）时数值不能为负，可改用极差（minmax）标准化",
                                "a value must not be negative for p = x/Σx; use min-max normalisation");
                    }
                }
            } else {
                x = MinMax.normalise(x, cost.contains(name));
            }
            double sum = Weights.sum(x);
            if (sum == 0) {
                notes.add(normalisation == Normalisation.SUM
                        ? "指标「" + name + "」的数值全部为 0，无法计算比重，权重记为 0"
                        : "指标「" + name + "」的数值全部相同，标准化后全部为 0，权重记为 0");
                continue;
            }
            double plnp = 0;
            for (int i = 0; i < n; i++) {
                if (x[i] > 0) { // 0·ln 0 = 0
                    double p = x[i] / sum;
                    plnp += p * Math.log(p);
                }
            }
            double e = -plnp / lnN;
            // an evenly spread column has e = 1 up to rounding; never let rounding make a weight negative
            divergence[j] = Math.max(0, 1 - e);
        }
        if (Weights.sum(divergence) == 0) {
            throw new CalibrationException("所有指标在各评价对象上都没有差异，熵权法无法确定权重",
                    "no criterion differs between the alternatives; entropy weights are undefined");
        }
        return new Weights(m.names(), Weights.normalised(divergence), notes);
    }
}
