package cn.gov.panyu.points.engine.calibration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Spearman's ρ and Kendall's τ-b with ties, worked by hand; the O(n log n) τ-b against the O(n²) definition. */
class RankCorrelationTests {

    /** x = 1, 2, 2, 3, 4 and y = 2, 1, 3, 3, 5: one tie in each. */
    private static final double[] X = {1, 2, 2, 3, 4};
    private static final double[] Y = {2, 1, 3, 3, 5};

    @Test
    void averageRanksShareTies() {
        assertThat(RankCorrelation.averageRanks(X)).containsExactly(1, 2.5, 2.5, 4, 5);
        assertThat(RankCorrelation.averageRanks(new double[]{5, 5, 5, 1})).containsExactly(3, 3, 3, 1);
        assertThat(RankCorrelation.averageRanks(new double[]{-0.0, 0.0})).containsExactly(1.5, 1.5);
    }

    @Test
    void spearmanWithTies() {
        // ranks x: 1 2.5 2.5 4 5, ranks y: 2 1 3.5 3.5 5; both centred on 3:
        // dx = −2 −.5 −.5 1 2, dy = −1 −2 .5 .5 2; Σdxdy = 2 + 1 − .25 + .5 + 4 = 7.25; Σdx² = Σdy² = 9.5
        assertThat(RankCorrelation.spearman(X, Y)).isCloseTo(7.25 / 9.5, within(1e-15));
    }

    @Test
    void kendallTauBWithTies() {
        // the 10 pairs: concordant 7, discordant 1 ((1,2)-(2,1)), tied in x 1, tied in y 1:
        // τ-b = (7 − 1) / √((10 − 1)(10 − 1)) = 6/9
        assertThat(RankCorrelation.kendallTauB(X, Y)).isCloseTo(6 / 9.0, within(1e-15));
        // x = 1 1 2 3 3 3, y = 1 2 2 2 3 1 (scipy.stats.kendalltau: 0.27272727): C 5, D 2, x-ties 4, y-ties 4, none in both
        // → (5 − 2) / √((15 − 4)(15 − 4)) = 3/11
        assertThat(RankCorrelation.kendallTauB(new double[]{1, 1, 2, 3, 3, 3}, new double[]{1, 2, 2, 2, 3, 1}))
                .isCloseTo(3 / 11.0, within(1e-15));
    }

    @Test
    void aConstantVariableHasNoCorrelation() {
        assertThat(RankCorrelation.spearman(new double[]{1, 1, 1}, new double[]{1, 2, 3})).isNaN();
        assertThat(RankCorrelation.kendallTauB(new double[]{1, 2, 3}, new double[]{4, 4, 4})).isNaN();
    }

    @Test
    void perfectAgreementAndReversal() {
        double[] a = {3, 1, 4, 1.5, 9, 2.6};
        double[] reversed = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            reversed[i] = -a[i];
        }
        assertThat(RankCorrelation.kendallTauB(a, a)).isEqualTo(1);
        assertThat(RankCorrelation.kendallTauB(a, reversed)).isEqualTo(-1);
        assertThat(RankCorrelation.spearman(a, reversed)).isCloseTo(-1, within(1e-15));
    }

    @Property(tries = 300)
    void knightsMethodAgreesWithTheDefinition(@ForAll("pairs") List<double[]> pairs) {
        double[] x = pairs.stream().mapToDouble(p -> p[0]).toArray();
        double[] y = pairs.stream().mapToDouble(p -> p[1]).toArray();
        double expected = naiveTauB(x, y);
        double actual = RankCorrelation.kendallTauB(x, y);
        if (Double.isNaN(expected)) {
            assertThat(actual).isNaN();
        } else {
            assertThat(actual).isCloseTo(expected, within(1e-12));
        }
    }

    /** Few distinct values, so that ties in x, in y and in both are common. */
    @Provide
    Arbitrary<List<double[]>> pairs() {
        Arbitrary<Double> v = Arbitraries.integers().between(-4, 4).map(i -> i / 2.0);
        return v.list().ofSize(2).map(l -> new double[]{l.get(0), l.get(1)}).list().ofMinSize(2).ofMaxSize(200);
    }

    /** τ-b straight from its definition: every pair classified. */
    static double naiveTauB(double[] x, double[] y) {
        long concordant = 0;
        long discordant = 0;
        long tiedX = 0;
        long tiedY = 0;
        long pairs = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                pairs++;
                double dx = Math.signum(x[i] - x[j]);
                double dy = Math.signum(y[i] - y[j]);
                tiedX += dx == 0 ? 1 : 0;
                tiedY += dy == 0 ? 1 : 0;
                if (dx * dy > 0) {
                    concordant++;
                } else if (dx * dy < 0) {
                    discordant++;
                }
            }
        }
        double d = Math.sqrt((double) (pairs - tiedX) * (pairs - tiedY));
        return d == 0 ? Double.NaN : (concordant - discordant) / d;
    }
}
