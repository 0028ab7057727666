package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Back-testing: a model is judged by what happened to the enterprises it ranked. Given each enterprise's
 * stage and tier under two models for year Y and what happened to it by Y+1 and by Y+2 (became 高企, got a
 * loan, revenue grew, R&D expense grew), the report gives per model, stage and tier (领跑, 竞跑, 进取, 未上榜)
 * the number of enterprises and, per outcome and horizon, how many were observed and the share of those with
 * the outcome; and per stage, outcome and horizon how well the tier order separates the outcome: the top
 * tier's share minus the bottom's, and Kendall's τ-b of tier order against the outcome.
 *
 * <p>An outcome the data cannot tell (no record of the later year, or "became 高企" for one already 高企 in
 * Y) is {@link Outcomes#UNKNOWN}: left out of the share's denominator, never counted as a failure.
 */
public final class BackTest {

    /** Horizons Y+1 and Y+2. */
    public static final int HORIZONS = 2;
    /** Rows of a stage: the tiers by ordinal, then {@link #NO_TIER}. */
    public static final int ROWS = Tier.values().length + 1;
    /** Row of the enterprises on no list. */
    public static final int NO_TIER = Tier.values().length;

    private BackTest() {
    }

    /** What is followed after year Y. */
    public enum Outcome {
        HTE("成为高新技术企业"),
        LOAN("获得贷款"),
        REVENUE_GREW("营业收入增长"),
        RD_GREW("研发费用增长");

        private final String label;

        Outcome(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** 领跑, 竞跑, 进取, or 未上榜 for {@link #NO_TIER}. */
    public static String rowLabel(int row) {
        return Sensitivity.tierLabel(row);
    }

    /**
     * The outcomes of a cohort: per enterprise, outcome and horizon one of {@link #YES}, {@link #NO} or
     * {@link #UNKNOWN} (the default). One byte each, so that 100,000 enterprises take 800 kB.
     */
    public static final class Outcomes {
        public static final byte UNKNOWN = -1;
        public static final byte NO = 0;
        public static final byte YES = 1;
        private static final int PER_ENTERPRISE = Outcome.values().length * HORIZONS;

        private final byte[] values;

        public Outcomes(int enterprises) {
            values = new byte[enterprises * PER_ENTERPRISE];
            Arrays.fill(values, UNKNOWN);
        }

        public int size() {
            return values.length / PER_ENTERPRISE;
        }

        /** @param horizon 1 or 2 (Y+1, Y+2); {@code happened} null = unknown */
        public void set(int enterprise, Outcome o, int horizon, Boolean happened) {
            values[index(enterprise, o, horizon)] = happened == null ? UNKNOWN : happened ? YES : NO;
        }

        public byte get(int enterprise, Outcome o, int horizon) {
            return values[index(enterprise, o, horizon)];
        }

        private int index(int enterprise, Outcome o, int horizon) {
            if (horizon < 1 || horizon > HORIZONS) {
                throw new IllegalArgumentException("horizon " + horizon + " is not 1.." + HORIZONS);
            }
            return enterprise * PER_ENTERPRISE + o.ordinal() * HORIZONS + horizon - 1;
        }
    }

    /**
     * Per enterprise its stage and tier under one model.
     *
     * @param stages one per enterprise, none null
     * @param tiers  one per enterprise, null when on no list
     */
    public record Tiering(String model, Stage[] stages, Tier[] tiers) {
        public Tiering {
            if (stages.length != tiers.length) {
                throw new CalibrationException("阶段与榜单的企业数不同", "stages and tiers differ in length");
            }
            for (int i = 0; i < stages.length; i++) {
                if (stages[i] == null) {
                    throw new CalibrationException(i, 0, "stage", "没有发展阶段", "has no stage");
                }
            }
            stages = stages.clone();
            tiers = tiers.clone();
        }

        /** The stages and tiers an evaluation gave. */
        public static Tiering of(Evaluation e) {
            Stage[] stages = new Stage[e.size()];
            Tier[] tiers = new Tier[e.size()];
            for (int i = 0; i < e.size(); i++) {
                stages[i] = e.stage(i);
                tiers[i] = e.tier(i);
            }
            return new Tiering(e.model().reference(), stages, tiers);
        }

        int row(int i) {
            return tiers[i] == null ? NO_TIER : tiers[i].ordinal();
        }
    }

    /**
     * The outcomes of year Y's cohort from the later years' records and loans. For each horizon h (Y+1, Y+2):
     * <ul>
     * <li>became 高企: not 高企 in Y and 高企 in a record of Y+1 … Y+h; unknown for one already 高企 in Y;</li>
     * <li>got a loan: a loan granted in the calendar years Y+1 … Y+h;</li>
     * <li>revenue grew / R&amp;D grew: 本年营业收入 / 研发费用 of Y+h above that of Y; unknown when either is
     * missing.</li>
     * </ul>
     * An outcome that happened is yes even without the record of Y+h; one that did not is no only when the
     * enterprise has a record of Y+h (it was still followed then), else unknown.
     *
     * @param later     index h − 1: the records of year Y+h by USCC; null when the district has no data of that
     *                  year (every outcome of the horizon unknown)
     * @param borrowers index h − 1: the USCCs with a loan granted in calendar year Y+h (that year only)
     */
    public static Outcomes outcomes(RecordColumns cohort, List<Map<String, EnterpriseRecord>> later,
                                    List<Set<String>> borrowers) {
        if (later.size() != HORIZONS || borrowers.size() != HORIZONS) {
            throw new IllegalArgumentException("one map of records and one set of borrowers per horizon");
        }
        int hte = Qualification.HTE.ordinal();
        int revenue = InputField.REVENUE_Y0.numericIndex();
        int rd = InputField.RD_EXPENSE.numericIndex();
        Outcomes out = new Outcomes(cohort.size());
        for (int i = 0; i < cohort.size(); i++) {
            String uscc = cohort.uscc(i);
            boolean hteInY = (cohort.qualificationBits(i) & (1 << hte)) != 0;
            boolean becameHte = false;
            boolean borrowed = false;
            for (int h = 1; h <= HORIZONS; h++) {
                Map<String, EnterpriseRecord> records = later.get(h - 1);
                EnterpriseRecord then = records == null ? null : records.get(uscc);
                becameHte |= then != null && then.has(Qualification.HTE);
                borrowed |= borrowers.get(h - 1).contains(uscc);
                out.set(i, Outcome.HTE, h, hteInY ? null : known(becameHte, then != null));
                out.set(i, Outcome.LOAN, h, known(borrowed, then != null));
                out.set(i, Outcome.REVENUE_GREW, h, grew(cohort.number(i, revenue), then, revenue));
                out.set(i, Outcome.RD_GREW, h, grew(cohort.number(i, rd), then, rd));
            }
        }
        return out;
    }

    /** Yes when it happened; no when it did not and the enterprise was followed to the horizon; else unknown. */
    private static Boolean known(boolean happened, boolean followed) {
        return happened ? Boolean.TRUE : followed ? Boolean.FALSE : null;
    }

    private static Boolean grew(double before, EnterpriseRecord then, int field) {
        double after = then == null ? Double.NaN : then.number(field);
        return Double.isNaN(before) || Double.isNaN(after) ? null : after > before;
    }

    /** Scores the records with both models (the engine's scorer) and back-tests them. */
    public static Report run(ScoreModel a, ScoreModel b, RecordColumns records, Outcomes outcomes) {
        return compare(Tiering.of(Scorer.score(a, records)), Tiering.of(Scorer.score(b, records)), outcomes);
    }

    /** The report of two models' tierings of the same cohort (same enterprises in the same order). */
    public static Report compare(Tiering a, Tiering b, Outcomes outcomes) {
        if (a.stages().length != outcomes.size() || b.stages().length != outcomes.size()) {
            throw new CalibrationException("榜单与后续结果的企业数不同", "tierings and outcomes differ in size");
        }
        return new Report(outcomes.size(), List.of(of(a, outcomes), of(b, outcomes)));
    }

    /** The two models' results, A first; {@code cohort} is the number of enterprises. */
    public record Report(int cohort, List<ModelResult> models) {
        public Report {
            models = List.copyOf(models);
        }

        public ModelResult a() {
            return models.get(0);
        }

        public ModelResult b() {
            return models.get(1);
        }
    }

    /** One model: a result per stage, in stage order. */
    public record ModelResult(String model, List<StageResult> stages) {
        public ModelResult {
            stages = List.copyOf(stages);
        }

        public StageResult stage(Stage s) {
            return stages.get(s.ordinal());
        }
    }

    /**
     * One stage under one model.
     *
     * @param rows        one per tier, then 未上榜 (index = {@link Tier#ordinal()}, {@link #NO_TIER})
     * @param separations one per outcome and horizon, see {@link #separation}
     */
    public record StageResult(Stage stage, int enterprises, List<Row> rows, List<Separation> separations) {
        public StageResult {
            rows = List.copyOf(rows);
            separations = List.copyOf(separations);
        }

        public Row row(Tier t) {
            return rows.get(t == null ? NO_TIER : t.ordinal());
        }

        public Separation separation(Outcome o, int horizon) {
            return separations.get(o.ordinal() * HORIZONS + horizon - 1);
        }
    }

    /** One tier of a stage: its enterprises and per outcome and horizon a {@link Cell}. */
    public record Row(int row, int enterprises, List<Cell> cells) {
        public Row {
            cells = List.copyOf(cells);
        }

        public String label() {
            return rowLabel(row);
        }

        public Cell cell(Outcome o, int horizon) {
            return cells.get(o.ordinal() * HORIZONS + horizon - 1);
        }
    }

    /**
     * @param observed enterprises of the row whose outcome is known
     * @param yes      of them, those with the outcome
     */
    public record Cell(int observed, int yes) {
        /** yes / observed; NaN when nothing was observed. */
        public double share() {
            return observed == 0 ? Double.NaN : (double) yes / observed;
        }

        /** Known for none of the row's enterprises. */
        public int unknown(int enterprises) {
            return enterprises - observed;
        }
    }

    /**
     * How well a stage's tier order separates an outcome.
     *
     * @param topMinusBottom the share in 领跑 minus the share in 未上榜 (NaN when either observed none)
     * @param kendallTauB    Kendall's τ-b of the tier order (领跑 best) and the outcome (yes above no) over the
     *                       observed enterprises: positive when better tiers have the outcome more often (NaN
     *                       when either is constant)
     * @param observed       enterprises of the stage whose outcome is known
     */
    public record Separation(Outcome outcome, int horizon, double topMinusBottom, double kendallTauB, int observed) {
    }

    private static ModelResult of(Tiering t, Outcomes outcomes) {
        int outcomeCount = Outcome.values().length * HORIZONS;
        // counts[stage][row][outcome×horizon][no, yes] and the enterprises per stage and row
        int[][][][] counts = new int[Stage.values().length][ROWS][outcomeCount][2];
        int[][] enterprises = new int[Stage.values().length][ROWS];
        for (int i = 0; i < outcomes.size(); i++) {
            int s = t.stages()[i].ordinal();
            int r = t.row(i);
            enterprises[s][r]++;
            for (Outcome o : Outcome.values()) {
                for (int h = 1; h <= HORIZONS; h++) {
                    byte v = outcomes.get(i, o, h);
                    if (v != Outcomes.UNKNOWN) {
                        counts[s][r][o.ordinal() * HORIZONS + h - 1][v]++;
                    }
                }
            }
        }
        List<StageResult> stages = new ArrayList<>();
        for (Stage s : Stage.values()) {
            int[][][] c = counts[s.ordinal()];
            List<Row> rows = new ArrayList<>();
            int total = 0;
            for (int r = 0; r < ROWS; r++) {
                List<Cell> cells = new ArrayList<>();
                for (int k = 0; k < outcomeCount; k++) {
                    cells.add(new Cell(c[r][k][0] + c[r][k][1], c[r][k][1]));
                }
                rows.add(new Row(r, enterprises[s.ordinal()][r], cells));
                total += enterprises[s.ordinal()][r];
            }
            List<Separation> separations = new ArrayList<>();
            for (Outcome o : Outcome.values()) {
                for (int h = 1; h <= HORIZONS; h++) {
                    separations.add(separation(o, h, rows, c, o.ordinal() * HORIZONS + h - 1));
                }
            }
            stages.add(new StageResult(s, total, rows, separations));
        }
        return new ModelResult(t.model(), stages);
    }

    private static Separation separation(Outcome o, int h, List<Row> rows, int[][][] c, int k) {
        double gap = rows.get(0).cells().get(k).share() - rows.get(NO_TIER).cells().get(k).share();
        long[][] table = new long[ROWS][2];
        int observed = 0;
        for (int r = 0; r < ROWS; r++) {
            table[r][0] = c[r][k][0];
            table[r][1] = c[r][k][1];
            observed += c[r][k][0] + c[r][k][1];
        }
        return new Separation(o, h, gap, kendallTauB(table), observed);
    }

    /**
     * Kendall's τ-b of a table with rows in order best first (x = rank of the row, smaller better) and a
     * yes/no column, from the counts alone: a pair is concordant when the better row has yes and the other no,
     * discordant the other way round; pairs in one row are tied in x, pairs with the same answer in y.
     * Equal to {@link RankCorrelation#kendallTauB} on the expanded data (a property test checks it) but O(rows).
     */
    static double kendallTauB(long[][] table) {
        long concordantMinusDiscordant = 0;
        long n = 0;
        long tiedX = 0;
        long yes = 0;
        long no = 0;
        long yesAbove = 0;
        long noAbove = 0;
        for (long[] row : table) {
            concordantMinusDiscordant += yesAbove * row[0] - noAbove * row[1];
            yesAbove += row[1];
            noAbove += row[0];
            long size = row[0] + row[1];
            n += size;
            tiedX += size * (size - 1) / 2;
            yes += row[1];
            no += row[0];
        }
        long pairs = n * (n - 1) / 2;
        long tiedY = yes * (yes - 1) / 2 + no * (no - 1) / 2;
        double denominator = Math.sqrt((double) (pairs - tiedX) * (double) (pairs - tiedY));
        return denominator == 0 ? Double.NaN : Math.max(-1, Math.min(1, concordantMinusDiscordant / denominator));
    }
}
