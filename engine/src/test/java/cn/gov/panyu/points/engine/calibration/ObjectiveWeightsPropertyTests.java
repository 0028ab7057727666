package cn.gov.panyu.points.engine.calibration;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The invariants of the objective weights over random matrices with ties, zeros and constant columns. */
class ObjectiveWeightsPropertyTests {

    private static final List<String> NAMES = List.of("a", "b", "c", "d", "e");

    @Property(tries = 300)
    void weightsAreNonNegativeAndSumToOne(@ForAll("matrices") double[][] rows) {
        for (Weights w : computable(rows)) {
            assertThat(Weights.sum(w.weights())).isCloseTo(1, within(1e-12));
            for (double v : w.weights()) {
                assertThat(v).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Property(tries = 300)
    void theOrderOfTheRowsDoesNotMatter(@ForAll("matrices") double[][] rows, @ForAll long seed) {
        List<double[]> shuffled = new ArrayList<>(List.of(rows));
        Collections.shuffle(shuffled, new Random(seed));
        List<Weights> before = computable(rows);
        List<Weights> after = computable(shuffled.toArray(double[][]::new));
        assertThat(after).hasSameSizeAs(before);
        for (int k = 0; k < before.size(); k++) {
            assertThat(after.get(k).weights()).containsExactly(before.get(k).weights(), within(1e-12));
        }
    }

    @Property(tries = 300)
    void scalingAColumnDoesNotChangeEntropyWeights(@ForAll("matrices") double[][] rows,
                                                    @ForAll @IntRange(min = 0, max = 4) int column,
                                                    @ForAll @DoubleRange(min = 0.01, max = 1000) double factor) {
        Assume.that(column < rows[0].length);
        Weights before = entropy(rows);
        Assume.that(before != null);
        double[][] scaled = copy(rows);
        for (double[] row : scaled) {
            row[column] *= factor;
        }
        assertThat(EntropyWeights.compute(matrix(scaled)).weights()).containsExactly(before.weights(), within(1e-9));
    }

    @Property(tries = 300)
    void criticIsInvariantToAPositiveAffineChangeOfAColumn(@ForAll("matrices") double[][] rows,
                                                           @ForAll @IntRange(min = 0, max = 4) int column,
                                                           @ForAll @DoubleRange(min = 0.01, max = 100) double factor,
                                                           @ForAll @DoubleRange(min = -1000, max = 1000) double shift) {
        Assume.that(column < rows[0].length);
        Weights before = critic(rows);
        Assume.that(before != null);
        double[][] changed = copy(rows);
        for (double[] row : changed) {
            row[column] = row[column] * factor + shift;
        }
        assertThat(CriticWeights.compute(matrix(changed), Set.of()).weights()).containsExactly(before.weights(), within(1e-9));
    }

    /** 2–30 rows of 1–5 criteria, values on a coarse grid (ties and zeros are common). */
    @Provide
    Arbitrary<double[][]> matrices() {
        return Arbitraries.integers().between(1, 5).flatMap(k ->
                Arbitraries.integers().between(0, 20).map(i -> i * 0.5)
                        .array(double[].class).ofSize(k)
                        .array(double[][].class).ofMinSize(2).ofMaxSize(30));
    }

    /** Entropy and CRITIC weights of the matrix, each left out where the method (rightly) refuses it. */
    private static List<Weights> computable(double[][] rows) {
        List<Weights> out = new ArrayList<>();
        Weights e = entropy(rows);
        if (e != null) {
            out.add(e);
        }
        Weights c = critic(rows);
        if (c != null) {
            out.add(c);
        }
        return out;
    }

    private static Weights entropy(double[][] rows) {
        try {
            return EntropyWeights.compute(matrix(rows));
        } catch (CalibrationException e) {
            return null; // nothing varies
        }
    }

    private static Weights critic(double[][] rows) {
        try {
            return CriticWeights.compute(matrix(rows), Set.of());
        } catch (CalibrationException e) {
            return null;
        }
    }

    private static CriteriaMatrix matrix(double[][] rows) {
        double[][] columns = new double[rows[0].length][rows.length];
        for (int i = 0; i < rows.length; i++) {
            for (int j = 0; j < rows[0].length; j++) {
                columns[j][i] = rows[i][j];
            }
        }
        return CriteriaMatrix.ofColumns(NAMES.subList(0, columns.length), columns);
    }

    private static double[][] copy(double[][] rows) {
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i].clone();
        }
        return c;
    }
}
