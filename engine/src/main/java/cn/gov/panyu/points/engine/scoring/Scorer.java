package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.TierRule;
import cn.gov.panyu.points.engine.model.Transform;

import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

/**
 * Scores a cohort of enterprise records against a model (spec §2–§6). A pure function: no I/O, no
 * clock, no randomness — the same records in any order give the same scores.
 *
 * <p>Work is column-wise (one indicator over all enterprises at a time) because percentiles are
 * relative; indicators are independent, so they are computed in parallel.
 */
public final class Scorer {

    private static final int STAGES = Stage.values().length;

    private Scorer() {
    }

    public static Evaluation score(ScoreModel model, List<EnterpriseRecord> records) {
        int n = records.size();
        EnterpriseRecord[] rs = records.toArray(EnterpriseRecord[]::new);
        byte[] stage = new byte[n];
        int[][] members = new int[STAGES][n];
        int[] memberCount = new int[STAGES];
        for (int i = 0; i < n; i++) {
            int s = model.stageOf(rs[i].value(InputField.REVENUE_Y0)).ordinal();
            stage[i] = (byte) s;
            members[s][memberCount[s]++] = i;
        }

        List<Indicator> indicators = model.indicators();
        double[][] points = new double[indicators.size()][];
        IntStream.range(0, indicators.size()).parallel().forEach(j ->
                points[j] = indicatorPoints(model, indicators.get(j), rs, stage, members, memberCount));

        double[] core = new double[n];
        double[] bonus = new double[n];
        double[] deduction = new double[n];
        double[] total = new double[n];
        long[] totalCents = new long[n];
        boolean[] eligible = new boolean[n];
        IntStream.range(0, n).parallel().forEach(i -> {
            double c = 0;
            for (double[] p : points) {
                c += p[i]; // in model order, so the sum is the same on every run
            }
            core[i] = c;
            bonus[i] = bonus(model, rs[i]);
            deduction[i] = deduction(model, rs[i]);
            total[i] = total(c, bonus[i], deduction[i]);
            totalCents[i] = Rounding.cents(total[i]);
            eligible[i] = !vetoed(model, rs[i]);
        });

        int[] rank = new int[n];
        byte[] tier = new byte[n];
        Arrays.fill(tier, (byte) -1);
        int[] eligibleCount = new int[STAGES];
        for (int s = 0; s < STAGES; s++) {
            eligibleCount[s] = rankStage(model, members[s], memberCount[s], eligible, totalCents, rank, tier);
        }
        return new Evaluation(model, List.of(rs), stage, points, core, bonus, deduction, total, totalCents,
                eligible, rank, tier, eligibleCount);
    }

    private static double[] indicatorPoints(ScoreModel model, Indicator indicator, EnterpriseRecord[] rs,
                                            byte[] stage, int[][] members, int[] memberCount) {
        int n = rs.length;
        double[] weight = new double[STAGES];
        for (Stage s : Stage.values()) {
            weight[s.ordinal()] = indicator.weight(s);
        }
        double[] points = new double[n];
        if (indicator.isPercentile()) {
            double[] values = new double[n];
            for (int i = 0; i < n; i++) {
                values[i] = indicator.value().extract(rs[i], model);
            }
            for (int s = 0; s < STAGES; s++) {
                Cohort cohort = Cohort.of(values, members[s], memberCount[s]);
                for (int k = 0; k < memberCount[s]; k++) {
                    int i = members[s][k];
                    points[i] = weight[s] * cohort.fraction(values[i]);
                }
            }
        } else {
            for (int i = 0; i < n; i++) {
                points[i] = weight[stage[i]] * absoluteFraction(model, indicator, rs[i]);
            }
        }
        return points;
    }

    /** Fraction of a bands or set indicator: it depends on the record alone. */
    static double absoluteFraction(ScoreModel model, Indicator indicator, EnterpriseRecord r) {
        Transform t = indicator.transform();
        if (t instanceof Transform.Bands bands) {
            return bands.fraction(indicator.value().extract(r, model));
        }
        if (t instanceof Transform.SetMembers set) {
            return set.fraction(indicator.value().members(r));
        }
        throw new IllegalArgumentException(indicator.code() + " is relative");
    }

    static double bonus(ScoreModel model, EnterpriseRecord r) {
        double sum = 0;
        for (BonusItem b : model.bonusItems()) {
            if (b.applies(b.value().extract(r, model))) {
                sum += b.points();
            }
        }
        return Math.min(model.bonusCap(), sum);
    }

    static double deduction(ScoreModel model, EnterpriseRecord r) {
        double sum = 0;
        for (NegativeItem item : model.negatives()) {
            if (item.effect() == NegativeItem.Effect.DEDUCT && r.has(item.code())) {
                sum += item.points();
            }
        }
        return sum;
    }

    static boolean vetoed(ScoreModel model, EnterpriseRecord r) {
        for (NegativeItem item : model.negatives()) {
            if (item.isVeto() && r.has(item.code())) {
                return true;
            }
        }
        return false;
    }

    static double total(double core, double bonus, double deduction) {
        return Math.max(0, core + bonus - deduction);
    }

    /**
     * Ranks the eligible members of one stage by published total, descending; equal totals share a rank
     * and the next rank skips (1, 2, 2, 4). Assigns tiers by the model's cut-offs.
     *
     * @return m, the number of eligible enterprises in the stage
     */
    private static int rankStage(ScoreModel model, int[] members, int count, boolean[] eligible,
                                 long[] totalCents, int[] rank, byte[] tier) {
        long[] keys = new long[count];
        int m = 0;
        for (int k = 0; k < count; k++) {
            int i = members[k];
            if (eligible[i]) {
                // descending total in the high half, index in the low half: one primitive sort does it
                keys[m++] = ((Integer.MAX_VALUE - totalCents[i]) << 32) | i;
            }
        }
        Arrays.sort(keys, 0, m);
        long previous = Long.MIN_VALUE;
        int currentRank = 0;
        for (int pos = 0; pos < m; pos++) {
            int i = (int) keys[pos];
            if (totalCents[i] != previous) {
                currentRank = pos + 1;
                previous = totalCents[i];
            }
            rank[i] = currentRank;
            tier[i] = (byte) tierOf(model, currentRank, m);
        }
        return m;
    }

    /** Ordinal of the tier for a rank among m eligible, or -1 for none. */
    static int tierOf(ScoreModel model, long rank, long m) {
        for (TierRule rule : model.tiers()) {
            if (rank <= rule.cutOff(m)) {
                return rule.tier().ordinal();
            }
        }
        return -1;
    }
}
