package cn.gov.panyu.points.engine.calibration;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Set;

import static java.lang.Math.log;
import static java.lang.Math.sqrt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * Entropy and CRITIC weights on 4×3 matrices worked out by hand below (and cross-checked with numpy:
 * {@code P = X / X.sum(0); e = -(P*log P).sum(0)/log 4}, {@code np.corrcoef}, {@code std(ddof=1)}).
 */
class ObjectiveWeightsTests {

    private static final List<String> NAMES = List.of("a", "b", "c");

    static CriteriaMatrix matrix(double[][] rows) {
        double[][] columns = new double[rows[0].length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        return CriteriaMatrix.ofColumns(NAMES.subList(0, columns.length), columns);
    }

    /** a = 1,2,3,4 (Σ 10); b = 2,2,2,6 (Σ 12); c = 0,1,1,2 (Σ 4, with a 0 to check 0·ln 0 = 0). */
    static final double[][] X = {{1, 2, 0}, {2, 2, 1}, {3, 2, 1}, {4, 6, 2}};

    static double plnp(double... p) {
        double s = 0;
        for (double v : p) {
            s += v == 0 ? 0 : v * log(v);
        }
        return s;
    }

    @Test
    void entropyWeightsOfAFourByThreeMatrix() {
        double ea = -plnp(0.1, 0.2, 0.3, 0.4) / log(4);                 // 0.923220
        double eb = -plnp(1 / 6.0, 1 / 6.0, 1 / 6.0, 0.5) / log(4);     // 0.896241
        double ec = -plnp(0, 0.25, 0.25, 0.5) / log(4);                 // = 1.5 ln 2 / 2 ln 2 = 0.75
        double sum = (1 - ea) + (1 - eb) + (1 - ec);
        Weights w = EntropyWeights.compute(matrix(X));
        assertThat(w.weight("a")).isCloseTo((1 - ea) / sum, within(1e-12)).isCloseTo(0.17833507, within(1e-8));
        assertThat(w.weight("b")).isCloseTo((1 - eb) / sum, within(1e-12)).isCloseTo(0.24099839, within(1e-8));
        assertThat(w.weight("c")).isCloseTo((1 - ec) / sum, within(1e-12)).isCloseTo(0.58066654, within(1e-8));
        assertThat(w.notes()).isEmpty();
    }

    @Test
    void entropyAfterMinMaxNormalisation() {
        // a → 0, 1/3, 2/3, 1 (Σ 2); b → 0, 0, 0, 1 (Σ 1, e = 0); c → 0, 1/2, 1/2, 1 (Σ 2)
        double ea = -plnp(0, 1 / 6.0, 2 / 6.0, 3 / 6.0) / log(4);
        double eb = 0;
        double ec = -plnp(0, 0.25, 0.25, 0.5) / log(4);
        double sum = 3 - ea - eb - ec;
        Weights w = EntropyWeights.compute(matrix(X), Normalisation.MINMAX, Set.of());
        assertThat(w.weights()).containsExactly(new double[]{(1 - ea) / sum, (1 - eb) / sum, (1 - ec) / sum}, within(1e-12));
        assertThat(w.weights()).containsExactly(new double[]{0.17786202, 0.65771039, 0.1644276}, within(1e-8));
    }

    @Test
    void aZeroSumColumnGetsWeightZeroAndANote() {
        Weights w = EntropyWeights.compute(matrix(new double[][]{{1, 0, 2}, {2, 0, 2}, {3, 0, 1}, {4, 0, 5}}));
        assertThat(w.weight("b")).isZero();
        assertThat(w.weight("a") + w.weight("c")).isCloseTo(1, within(1e-12));
        assertThat(w.notes()).singleElement().asString().contains("「b」").contains("全部为 0").contains("权重记为 0");
    }

    @Test
    void aNegativeValueIsRefusedAtItsRowAndColumn() {
        assertThatThrownBy(() -> EntropyWeights.compute(matrix(new double[][]{{1, 0, 2}, {2, 1, 2}, {3, -1, 1}, {4, 0, 5}})))
                .isInstanceOfSatisfying(CalibrationException.class, e -> {
                    assertThat(e.row()).isEqualTo(2);
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.columnName()).isEqualTo("b");
                    assertThat(e.messageZh()).contains("不能为负");
                });
        // min-max accepts negative values: they are shifted
        assertThat(EntropyWeights.compute(matrix(new double[][]{{1, 0, 2}, {2, 1, 2}, {3, -1, 1}, {4, 0, 5}}),
                Normalisation.MINMAX, Set.of()).weights()).hasSize(3);
    }

    @Test
    void costCriteriaNeedMinMaxAndMustNameAColumn() {
        assertThatThrownBy(() -> EntropyWeights.compute(matrix(X), Normalisation.SUM, Set.of("a")))
                .isInstanceOf(CalibrationException.class).hasMessageContaining("min-max");
        assertThatThrownBy(() -> CriticWeights.compute(matrix(X), Set.of("d")))
                .isInstanceOf(CalibrationException.class).hasMessageContaining("'d'");
    }

    /** CRITIC on a = 1,2,3,4; b = 2,2,4,6; c = 5,1,1,2 with c a cost criterion. */
    @Test
    void criticWeightsOfAFourByThreeMatrixWithACostCriterion() {
        // min-max: a → 0, 1/3, 2/3, 1; b → 0, 0, 1/2, 1; c reversed (5 − x)/4 → 0, 1, 1, 3/4
        double[] a = {0, 1 / 3.0, 2 / 3.0, 1};
        double[] b = {0, 0, 0.5, 1};
        double[] c = {0, 1, 1, 0.75};
        double sa = sqrt(sumSquares(a) / 3);       // 0.430331
        double sb = sqrt(sumSquares(b) / 3);       // 0.478714
        double sc = sqrt(sumSquares(c) / 3);       // 0.473242
        double rab = products(a, b) / sqrt(sumSquares(a) * sumSquares(b));  // 0.943880
        double rac = products(a, c) / sqrt(sumSquares(a) * sumSquares(c));  // 0.613795
        double rbc = products(b, c) / sqrt(sumSquares(b) * sumSquares(c));  // 0.321860
        double ca = sa * ((1 - rab) + (1 - rac));
        double cb = sb * ((1 - rab) + (1 - rbc));
        double cc = sc * ((1 - rac) + (1 - rbc));
        double sum = ca + cb + cc;
        Weights w = CriticWeights.compute(matrix(new double[][]{{1, 2, 5}, {2, 2, 1}, {3, 4, 1}, {4, 6, 2}}), Set.of("c"));
        assertThat(w.weights()).containsExactly(new double[]{ca / sum, cb / sum, cc / sum}, within(1e-12));
        assertThat(w.weights()).containsExactly(new double[]{0.18205574, 0.33619016, 0.4817541}, within(1e-8));
        // without the cost reversal c's correlations change sign, and so do the weights
        assertThat(CriticWeights.compute(matrix(new double[][]{{1, 2, 5}, {2, 2, 1}, {3, 4, 1}, {4, 6, 2}}), Set.of()).weights())
                .containsExactly(new double[]{0.25965806, 0.23835436, 0.50198757}, within(1e-8));
    }

    @Test
    void aConstantCriterionGetsNoCriticWeight() {
        Weights w = CriticWeights.compute(matrix(new double[][]{{1, 3, 5}, {2, 3, 1}, {3, 3, 1}, {4, 3, 2}}), Set.of());
        assertThat(w.weight("b")).isZero();
        assertThat(w.notes()).singleElement().asString().contains("「b」");
    }

    @Test
    void nothingThatVariesIsRefused() {
        assertThatThrownBy(() -> EntropyWeights.compute(matrix(new double[][]{{1, 2}, {1, 2}, {1, 2}, {1, 2}})))
                .isInstanceOf(CalibrationException.class);
        assertThatThrownBy(() -> CriticWeights.compute(matrix(new double[][]{{1, 2}, {1, 2}, {1, 2}, {1, 2}}), Set.of()))
                .isInstanceOf(CalibrationException.class);
    }

    /** Centred sums (all three columns above are centred by their mean first). */
    private static double sumSquares(double[] v) {
        return products(v, v);
    }

    private static double products(double[] u, double[] v) {
        double mu = (u[0] + u[1] + u[2] + u[3]) / 4;
        double mv = (v[0] + v[1] + v[2] + v[3]) / 4;
        double s = 0;
        for (int i = 0; i < 4; i++) {
            s += (u[i] - mu) * (v[i] - mv);
        }
        return s;
    }
}
