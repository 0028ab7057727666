package cn.gov.panyu.points.engine.calibration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/**
 * AHP on textbook matrices. Expected figures were computed apart from this code, with numpy's general
 * eigen-solver ({@code v, V = np.linalg.eig(A)}; w = the column of the largest eigenvalue normalised to sum 1,
 * λ_max that eigenvalue, CI = (λ − n)/(n − 1), CR = CI/RI), and a consistent matrix is checked against its
 * exactly known answer.
 */
class AhpTests {

    private static final double THIRD = 1 / 3.0;

    /** Saaty's classic 3×3 (e.g. Saaty 1980, ch. 2): 1 3 5 / 1/3 1 3 / 1/5 1/3 1. */
    @Test
    void textbookThreeByThree() {
        Ahp.Result r = Ahp.analyse(new double[][]{{1, 3, 5}, {THIRD, 1, 3}, {0.2, THIRD, 1}});
        assertThat(r.weights()).containsExactly(new double[]{0.63698557, 0.25828499, 0.10472943}, within(1e-8));
        assertThat(r.lambdaMax()).isCloseTo(3.0385110905581727, within(1e-9));
        assertThat(r.ci()).isCloseTo(0.01925554527908635, within(1e-9));
        assertThat(r.cr()).isCloseTo(0.03319921599842474, within(1e-9)); // CI / 0.58
        assertThat(r.consistent()).isTrue();
    }

    /** Saaty's 4×4 example: 1 1/3 1/9 1/5 / 3 1 1 1 / 9 1 1 3 / 5 1 1/3 1. */
    @Test
    void textbookFourByFour() {
        Ahp.Result r = Ahp.analyse(new double[][]{{1, THIRD, 1 / 9.0, 0.2}, {3, 1, 1, 1}, {9, 1, 1, 3}, {5, 1, THIRD, 1}});
        assertThat(r.weights()).containsExactly(new double[]{0.05759632, 0.26632442, 0.45462607, 0.22145318}, within(1e-8));
        assertThat(r.lambdaMax()).isCloseTo(4.18734663558499, within(1e-9));
        assertThat(r.ci()).isCloseTo(0.06244887852832992, within(1e-9));
        assertThat(r.cr()).isCloseTo(0.06938764280925547, within(1e-9)); // CI / 0.90
        assertThat(r.consistent()).isTrue();
    }

    /** a_ij = w_i / w_j for w = 8 : 4 : 2 : 1 is perfectly consistent: w exactly, λ = n, CI = CR = 0. */
    @Test
    void aConsistentMatrixGivesItsWeightsExactly() {
        double[] w = {8, 4, 2, 1};
        double[][] a = new double[4][4];
        for (int i = 0; i < 4; i++) {
            for (int j = 0; j < 4; j++) {
                a[i][j] = w[i] / w[j];
            }
        }
        Ahp.Result r = Ahp.analyse(a);
        assertThat(r.weights()).containsExactly(new double[]{8 / 15.0, 4 / 15.0, 2 / 15.0, 1 / 15.0}, within(1e-12));
        assertThat(r.lambdaMax()).isCloseTo(4, within(1e-12));
        assertThat(r.cr()).isCloseTo(0, within(1e-12));
    }

    /** The consistent 8:4:2:1 matrix with a_14 reversed (1/8 for 8): that judgement is named first. */
    @Test
    void anInconsistentMatrixNamesTheJudgementThatDeviatesMost() {
        Ahp.Result r = Ahp.analyse(new double[][]{{1, 2, 4, 0.125}, {0.5, 1, 2, 4}, {0.25, 0.5, 1, 2}, {8, 0.25, 0.5, 1}});
        assertThat(r.cr()).isCloseTo(1.0128324450324449, within(1e-9));
        assertThat(r.consistent()).isFalse();
        Ahp.Judgement worst = r.mostInconsistent().get(0);
        assertThat(worst.row()).isZero();
        assertThat(worst.column()).isEqualTo(3);
        assertThat(worst.given()).isEqualTo(0.125);
        assertThat(worst.implied()).isCloseTo(0.6596746724171226, within(1e-8));
        assertThat(r.mostInconsistent()).hasSize(6); // every pair above the diagonal, worst first
    }

    @Test
    void twoCriteriaAreAlwaysConsistent() {
        Ahp.Result r = Ahp.analyse(new double[][]{{1, 3}, {THIRD, 1}});
        assertThat(r.weights()).containsExactly(new double[]{0.75, 0.25}, within(1e-12));
        assertThat(r.cr()).isZero();
        assertThat(Ahp.analyse(new double[][]{{1}}).weights()).containsExactly(1.0);
    }

    @Test
    void typedReciprocalsPassWithinOneMillionth() {
        // 0.333333 and 0.111111 stand for 1/3 and 1/9
        Ahp.Result r = Ahp.analyse(new double[][]{{1, 3, 9}, {0.333333, 1, 3}, {0.111111, 0.333333, 1}});
        assertThat(r.weights()).containsExactly(new double[]{9 / 13.0, 3 / 13.0, 1 / 13.0}, within(1e-6));
    }

    @Test
    void matricesThatAreNotSquarePositiveAndReciprocalAreRefusedWithTheirCell() {
        assertThatThrownBy(() -> Ahp.analyse(new double[][]{{1, 2, 3}, {0.5, 1, 2}}))
                .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.messageZh()).contains("方阵"));
        assertThatThrownBy(() -> Ahp.analyse(new double[][]{{1, 0}, {2, 1}}))
                .isInstanceOfSatisfying(CalibrationException.class, e -> {
                    assertThat(e.row()).isZero();
                    assertThat(e.column()).isEqualTo(1);
                    assertThat(e.messageZh()).contains("正数");
                });
        assertThatThrownBy(() -> Ahp.analyse(new double[][]{{1, 3, 5}, {0.5, 1, 3}, {0.2, THIRD, 1}}))
                .isInstanceOfSatisfying(CalibrationException.class, e -> {
                    assertThat(e.row()).isEqualTo(1);
                    assertThat(e.column()).isZero();
                    assertThat(e.messageZh()).contains("互反").contains("a21");
                });
        assertThatThrownBy(() -> Ahp.analyse(new double[][]{{2, 1}, {1, 1}}))
                .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.messageZh()).contains("对角线"));
        assertThatThrownBy(() -> Ahp.analyse(new double[11][11]))
                .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.messageZh()).contains("最多 10 阶"));
    }

    @Test
    void judgementsAreNumbersOrFractions() {
        assertThat(Ahp.parseJudgement("3")).isEqualTo(3);
        assertThat(Ahp.parseJudgement(" 1/3 ")).isEqualTo(1 / 3.0);
        assertThat(Ahp.parseJudgement("0.5")).isEqualTo(0.5);
        assertThat(Ahp.parseJudgement("1/0")).isInfinite(); // refused by analyse as not finite
        assertThat(Ahp.parseJudgement("-3")).isNaN();
        assertThat(Ahp.parseJudgement("a")).isNaN();
        assertThat(Ahp.parseJudgement("")).isNaN();
    }
}
