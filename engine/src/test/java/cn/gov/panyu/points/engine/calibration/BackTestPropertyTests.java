package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.calibration.BackTest.Outcome;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Properties of a back-test on random cohorts: any stages, tiers (or none) and outcomes (or unknown). */
class BackTestPropertyTests {

    /** A random cohort: per enterprise a stage and tier under each model and its outcomes, many unknown. */
    private record Cohort(BackTest.Tiering a, BackTest.Tiering b, BackTest.Outcomes outcomes) {

        static Cohort random(int n, long seed) {
            Random random = new Random(seed);
            Stage[] sa = new Stage[n];
            Stage[] sb = new Stage[n];
            Tier[] ta = new Tier[n];
            Tier[] tb = new Tier[n];
            BackTest.Outcomes o = new BackTest.Outcomes(n);
            for (int i = 0; i < n; i++) {
                sa[i] = Stage.values()[random.nextInt(Stage.values().length)];
                sb[i] = random.nextInt(4) == 0 ? Stage.values()[random.nextInt(Stage.values().length)] : sa[i];
                ta[i] = tier(random);
                tb[i] = tier(random);
                for (Outcome outcome : Outcome.values()) {
                    for (int h = 1; h <= BackTest.HORIZONS; h++) {
                        int v = random.nextInt(3);
                        o.set(i, outcome, h, v == 2 ? null : v == 1);
                    }
                }
            }
            return new Cohort(new BackTest.Tiering("a", sa, ta), new BackTest.Tiering("b", sb, tb), o);
        }

        private static Tier tier(Random random) {
            int t = random.nextInt(BackTest.ROWS);
            return t == BackTest.NO_TIER ? null : Tier.values()[t];
        }

        /** The same enterprises in the order {@code order}. */
        Cohort permuted(List<Integer> order) {
            int n = order.size();
            Stage[] sa = new Stage[n];
            Stage[] sb = new Stage[n];
            Tier[] ta = new Tier[n];
            Tier[] tb = new Tier[n];
            BackTest.Outcomes o = new BackTest.Outcomes(n);
            for (int k = 0; k < n; k++) {
                int i = order.get(k);
                sa[k] = a.stages()[i];
                sb[k] = b.stages()[i];
                ta[k] = a.tiers()[i];
                tb[k] = b.tiers()[i];
                for (Outcome outcome : Outcome.values()) {
                    for (int h = 1; h <= BackTest.HORIZONS; h++) {
                        byte v = outcomes.get(i, outcome, h);
                        o.set(k, outcome, h, v == BackTest.Outcomes.UNKNOWN ? null : v == BackTest.Outcomes.YES);
                    }
                }
            }
            return new Cohort(new BackTest.Tiering("a", sa, ta), new BackTest.Tiering("b", sb, tb), o);
        }

        BackTest.Report report() {
            return BackTest.compare(a, b, outcomes);
        }
    }

    @Property(tries = 200)
    void sharesAreProportionsAndCountsAddUpToTheCohort(@ForAll @IntRange(min = 0, max = 80) int n, @ForAll long seed) {
        BackTest.Report r = Cohort.random(n, seed).report();
        assertThat(r.cohort()).isEqualTo(n);
        for (BackTest.ModelResult m : r.models()) {
            int enterprises = 0;
            for (BackTest.StageResult s : m.stages()) {
                enterprises += s.enterprises();
                assertThat(s.rows().stream().mapToInt(BackTest.Row::enterprises).sum()).isEqualTo(s.enterprises());
                for (Outcome o : Outcome.values()) {
                    for (int h = 1; h <= BackTest.HORIZONS; h++) {
                        int observed = 0;
                        for (BackTest.Row row : s.rows()) {
                            BackTest.Cell c = row.cell(o, h);
                            assertThat(c.yes()).isBetween(0, c.observed());
                            assertThat(c.observed()).isBetween(0, row.enterprises());
                            assertThat(c.unknown(row.enterprises())).isEqualTo(row.enterprises() - c.observed());
                            if (c.observed() == 0) {
                                assertThat(c.share()).isNaN();
                            } else {
                                assertThat(c.share()).isBetween(0.0, 1.0);
                            }
                            observed += c.observed();
                        }
                        BackTest.Separation sep = s.separation(o, h);
                        assertThat(sep.observed()).isEqualTo(observed);
                        if (!Double.isNaN(sep.topMinusBottom())) {
                            assertThat(sep.topMinusBottom()).isBetween(-1.0, 1.0);
                        }
                        if (!Double.isNaN(sep.kendallTauB())) {
                            assertThat(sep.kendallTauB()).isBetween(-1.0, 1.0);
                        }
                    }
                }
            }
            assertThat(enterprises).isEqualTo(n);
        }
    }

    @Property(tries = 100)
    void theOrderOfTheRecordsDoesNotMatter(@ForAll @IntRange(min = 0, max = 60) int n, @ForAll long seed) {
        Cohort cohort = Cohort.random(n, seed);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            order.add(i);
        }
        Collections.shuffle(order, new Random(seed + 1));
        assertThat(cohort.permuted(order).report()).isEqualTo(cohort.report());
    }

    @Property(tries = 200)
    void theTablesTauIsKendallsTauBOfTheExpandedData(@ForAll @IntRange(min = 2, max = 60) int n, @ForAll long seed) {
        Random random = new Random(seed);
        long[][] table = new long[BackTest.ROWS][2];
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            int row = random.nextInt(BackTest.ROWS);
            int yes = random.nextInt(2);
            table[row][yes]++;
            x[i] = BackTest.ROWS - row; // better rows higher
            y[i] = yes;
        }
        double expected = RankCorrelation.kendallTauB(x, y);
        if (Double.isNaN(expected)) {
            assertThat(BackTest.kendallTauB(table)).isNaN();
        } else {
            assertThat(BackTest.kendallTauB(table)).isCloseTo(expected, within(1e-12));
        }
    }
}
