package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * What publishing a draft model would change, before it is published: both models score the same year's
 * records with the engine's scorer, and per stage the report gives the tier transitions, the rank
 * correlation of the totals, the enterprises that move most with the indicator that moved them, and which
 * weights of the draft matter most (one at a time ±10 %).
 *
 * <p>Enterprises are grouped by their stage under the active model; a draft made by calibration changes only
 * weights, so the stage is the same under both. An enterprise is <em>compared</em> (correlations, movers)
 * when it is in the same stage and eligible (not vetoed) under both models.
 */
public final class Sensitivity {

    /** The relative change of one weight in the one-at-a-time analysis. */
    public static final double STEP = 0.10;
    /** Index of "on no list" in a transition matrix, after the tiers' ordinals. */
    public static final int NO_TIER = Tier.values().length;

    private Sensitivity() {
    }

    /** How a page heads a row or column of a transition matrix: 领跑, 竞跑, 进取, or 未上榜 for {@link #NO_TIER}. */
    public static String tierLabel(int index) {
        return index == NO_TIER ? "未上榜" : Tier.values()[index].label();
    }

    /**
     * The whole report.
     *
     * @param active          the model in force
     * @param draft           the candidate, same indicators by code (an indicator only in one of them counts
     *                        0 points on the other side)
     * @param records         one year's records
     * @param moversPerStage  how many of the biggest movers to list per stage
     * @param weightChanges   whether to run the one-at-a-time analysis (one more scoring, then 2 cheap re-weighings per indicator)
     */
    public static Report compare(ScoreModel active, ScoreModel draft, RecordColumns records, int moversPerStage,
                                 boolean weightChanges) {
        Evaluation before = Scorer.score(active, records);
        Evaluation after = Scorer.score(draft, records);
        List<StageComparison> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            stages.add(compareStage(before, after, s, moversPerStage));
        }
        List<WeightChange> changes = weightChanges ? weightChanges(draft, records, after) : List.of();
        return new Report(active.reference(), draft.reference(), stages, changes);
    }

    /**
     * @param activeModel   reference of the active model ({@code id@version})
     * @param draftModel    reference of the draft
     * @param stages        one comparison per stage, in stage order
     * @param weightChanges one-at-a-time changes, by stage, the most consequential first; empty when not asked
     */
    public record Report(String activeModel, String draftModel, List<StageComparison> stages,
                         List<WeightChange> weightChanges) {
        public Report {
            stages = List.copyOf(stages);
            weightChanges = List.copyOf(weightChanges);
        }

        public StageComparison stage(Stage s) {
            return stages.get(s.ordinal());
        }
    }

    /**
     * One stage.
     *
     * @param enterprises  enterprises in the stage under the active model
     * @param compared     of them, those eligible and in the same stage under both models
     * @param transitions  {@code transitions[from][to]}: enterprises by tier under the active model (rows) and
     *                     the draft (columns); index = {@link Tier#ordinal()}, {@link #NO_TIER} for none
     * @param tierChanges  enterprises whose tier differs (the matrix off its diagonal)
     * @param spearman     Spearman's ρ of the published totals of the compared enterprises (NaN if undefined)
     * @param kendallTauB  Kendall's τ-b of the same
     * @param movers       the compared enterprises whose rank moved most, the biggest move first
     */
    public record StageComparison(Stage stage, int enterprises, int compared, long[][] transitions, long tierChanges,
                                  double spearman, double kendallTauB, List<Mover> movers) {
        public StageComparison {
            transitions = copy(transitions);
            movers = List.copyOf(movers);
        }

        /** Enterprises on tier {@code from} under the active model and {@code to} under the draft (null = none). */
        public long transitions(Tier from, Tier to) {
            return transitions[index(from)][index(to)];
        }

        @Override
        public long[][] transitions() {
            return copy(transitions);
        }

        private static long[][] copy(long[][] m) {
            long[][] copy = new long[m.length][];
            for (int i = 0; i < m.length; i++) {
                copy[i] = m[i].clone();
            }
            return copy;
        }
    }

    /**
     * One enterprise whose rank moved.
     *
     * @param row             index of the enterprise in the records
     * @param rankBefore      rank in the stage under the active model
     * @param rankAfter       rank under the draft
     * @param tierBefore      null when on no list
     * @param indicatorCode   the indicator whose points changed most in the direction of the move
     * @param indicatorChange that indicator's points under the draft minus under the active model
     */
    public record Mover(int row, String uscc, String name, int rankBefore, int rankAfter, Tier tierBefore,
                       Tier tierAfter, double totalBefore, double totalAfter, String indicatorCode,
                       String indicatorName, double indicatorChange) {

        /** Positive when the enterprise moved up (to a better, smaller rank). */
        public int rankGain() {
            return rankBefore - rankAfter;
        }
    }

    /**
     * One weight of the draft changed by {@code change} (±0.10) in one stage, the stage's other weights scaled
     * so that they still sum to the model's total.
     *
     * @param tierChanges enterprises of the stage whose tier differs from the draft's
     * @param spearman    Spearman's ρ of the stage's totals against the draft's (1 = same order)
     */
    public record WeightChange(Stage stage, String indicatorCode, String indicatorName, double change,
                               double weightBefore, double weightAfter, long tierChanges, double spearman) {
    }

    private static int index(Tier t) {
        return t == null ? NO_TIER : t.ordinal();
    }

    private static StageComparison compareStage(Evaluation before, Evaluation after, Stage s, int moversPerStage) {
        long[][] transitions = new long[NO_TIER + 1][NO_TIER + 1];
        int enterprises = 0;
        int[] compared = new int[before.size()];
        int count = 0;
        for (int i = 0; i < before.size(); i++) {
            if (before.stage(i) != s) {
                continue;
            }
            enterprises++;
            transitions[index(before.tier(i))][index(after.tier(i))]++;
            if (after.stage(i) == s && before.eligible(i) && after.eligible(i)) {
                compared[count++] = i;
            }
        }
        long changes = 0;
        for (int a = 0; a <= NO_TIER; a++) {
            for (int b = 0; b <= NO_TIER; b++) {
                changes += a == b ? 0 : transitions[a][b];
            }
        }
        double[] x = new double[count];
        double[] y = new double[count];
        for (int k = 0; k < count; k++) {
            x[k] = before.totalCents(compared[k]);
            y[k] = after.totalCents(compared[k]);
        }
        double rho = count < 2 ? Double.NaN : RankCorrelation.spearman(x, y);
        double tau = count < 2 ? Double.NaN : RankCorrelation.kendallTauB(x, y);
        return new StageComparison(s, enterprises, count, transitions, changes, rho, tau,
                movers(before, after, compared, count, moversPerStage));
    }

    /** The biggest rank moves: a bounded heap keeps the best {@code limit} without sorting the whole stage. */
    private static List<Mover> movers(Evaluation before, Evaluation after, int[] rows, int count, int limit) {
        // bigger move first; then bigger change of total; then record order, so the list is deterministic
        Comparator<Integer> biggestFirst = Comparator
                .comparingInt((Integer i) -> Math.abs(before.rank(i) - after.rank(i)))
                .thenComparingDouble(i -> Math.abs(after.total(i) - before.total(i)))
                .thenComparing(Comparator.<Integer>naturalOrder().reversed())
                .reversed();
        PriorityQueue<Integer> smallestOnTop = new PriorityQueue<>(biggestFirst.reversed());
        for (int k = 0; k < count && limit > 0; k++) {
            int i = rows[k];
            if (before.rank(i) == after.rank(i)) {
                continue;
            }
            smallestOnTop.add(i);
            if (smallestOnTop.size() > limit) {
                smallestOnTop.poll();
            }
        }
        List<Integer> chosen = new ArrayList<>(smallestOnTop);
        chosen.sort(biggestFirst);
        List<Mover> movers = new ArrayList<>();
        for (int i : chosen) {
            movers.add(mover(before, after, i));
        }
        return movers;
    }

    private static Mover mover(Evaluation before, Evaluation after, int i) {
        // the direction of the move: up when the rank number fell; an indicator "moved" the enterprise when its
        // points changed in that direction, and the one that changed most is named
        int direction = Integer.signum(before.rank(i) - after.rank(i));
        List<Indicator> draft = after.model().indicators();
        List<Indicator> active = before.model().indicators();
        String code = null;
        String name = null;
        double change = 0;
        double best = Double.NEGATIVE_INFINITY;
        for (int j = 0; j < draft.size(); j++) {
            int a = before.model().indicatorCodes().indexOf(draft.get(j).code());
            double delta = after.points(i, j) - (a < 0 ? 0 : before.points(i, a));
            if (delta * direction > best) {
                best = delta * direction;
                code = draft.get(j).code();
                name = draft.get(j).name();
                change = delta;
            }
        }
        for (int a = 0; a < active.size(); a++) { // indicators the draft dropped
            if (!after.model().indicatorCodes().contains(active.get(a).code())) {
                double delta = -before.points(i, a);
                if (delta * direction > best) {
                    best = delta * direction;
                    code = active.get(a).code();
                    name = active.get(a).name();
                    change = delta;
                }
            }
        }
        return new Mover(i, before.columns().uscc(i), before.columns().name(i), before.rank(i), after.rank(i),
                before.tier(i), after.tier(i), before.total(i), after.total(i), code, name, change);
    }

    /**
     * One-at-a-time: each indicator's weight ×1.1 and ×0.9. Stages are scored independently (percentiles,
     * ranks and tiers are all within a stage), so one variant changes the indicator in every stage at once and
     * each stage is read on its own: two variants per indicator rather than six, each re-weighing the fractions
     * of one unit-weight scoring rather than scoring again.
     */
    private static List<WeightChange> weightChanges(ScoreModel draft, RecordColumns records, Evaluation base) {
        List<WeightChange> changes = new ArrayList<>();
        List<Indicator> indicators = draft.indicators();
        double total = draft.coreTotal();
        // the fractions once; each variant then only multiplies, sums and ranks
        Evaluation fractions = Scorer.score(Reweighting.unitWeights(draft), records);
        for (int j = 0; j < indicators.size(); j++) {
            for (double step : new double[]{STEP, -STEP}) {
                ScoreModel changed = Reweighting.withIndicators(draft, changedWeights(indicators, j, 1 + step, total),
                        total);
                Evaluation e = Scorer.reweighted(fractions, changed);
                for (Stage s : Stage.values()) {
                    double w = indicators.get(j).weight(s);
                    if (w == 0 || w == total) {
                        continue; // nothing to change, or nothing to take the change from
                    }
                    changes.add(stageChange(base, e, s, indicators.get(j), step, w));
                }
            }
        }
        changes.sort(Comparator.comparing(WeightChange::stage)
                .thenComparing(Comparator.comparingLong(WeightChange::tierChanges).reversed())
                .thenComparingDouble(WeightChange::spearman));
        return changes;
    }

    /** Indicator j's weight times {@code factor} in every stage, the others scaled to keep each stage's total. */
    private static List<Indicator> changedWeights(List<Indicator> indicators, int j, double factor, double total) {
        List<Indicator> out = new ArrayList<>();
        for (int l = 0; l < indicators.size(); l++) {
            Indicator ind = indicators.get(l);
            double[] w = new double[Stage.values().length];
            for (Stage s : Stage.values()) {
                double own = indicators.get(j).weight(s);
                double changed = own * factor;
                boolean applies = own > 0 && own < total;
                if (!applies) {
                    w[s.ordinal()] = ind.weight(s);
                } else if (l == j) {
                    w[s.ordinal()] = changed;
                } else {
                    w[s.ordinal()] = ind.weight(s) * (total - changed) / (total - own);
                }
            }
            out.add(new Indicator(ind.code(), ind.category(), ind.name(), ind.value(), ind.transform(), w));
        }
        return out;
    }

    private static WeightChange stageChange(Evaluation base, Evaluation changed, Stage s, Indicator indicator,
                                            double step, double weight) {
        long tierChanges = 0;
        int n = 0;
        for (int i = 0; i < base.size(); i++) {
            if (base.stage(i) == s) {
                tierChanges += base.tier(i) == changed.tier(i) ? 0 : 1;
                n += base.eligible(i) ? 1 : 0;
            }
        }
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0, k = 0; i < base.size(); i++) {
            if (base.stage(i) == s && base.eligible(i)) { // weights do not change eligibility or stage
                x[k] = base.totalCents(i);
                y[k++] = changed.totalCents(i);
            }
        }
        double rho = n < 2 ? Double.NaN : RankCorrelation.spearman(x, y);
        return new WeightChange(s, indicator.code(), indicator.name(), step, weight, weight * (1 + step), tierChanges, rho);
    }
}
