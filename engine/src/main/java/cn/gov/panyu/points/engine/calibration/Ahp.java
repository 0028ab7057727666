package cn.gov.panyu.points.engine.calibration;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The analytic hierarchy process for one pairwise comparison matrix (Saaty's 1–9 scale): a_ij says how much
 * more important criterion i is than j, a_ji = 1/a_ij. Weights are the principal eigenvector, found by power
 * iteration until no component moves by 1e-12, normalised to sum 1; λ_max, CI = (λ_max − n)/(n − 1) and
 * CR = CI/RI with Saaty's random index. A matrix with CR ≥ 0.10 is too inconsistent to use.
 */
public final class Ahp {

    /** Saaty's random consistency index RI for n = 0..10 (n ≤ 2 is always consistent). */
    private static final double[] RANDOM_INDEX = {0, 0, 0, 0.58, 0.90, 1.12, 1.24, 1.32, 1.41, 1.45, 1.49};
    /** The largest matrix Saaty's table gives an RI for. */
    public static final int MAX_SIZE = RANDOM_INDEX.length - 1;
    /** CR at or above this refuses the judgements. */
    public static final double CR_LIMIT = 0.10;
    /** How close a_ij must be to 1/a_ji (and a_ii to 1): a typed 0.333333 stands for 1/3. */
    public static final double RECIPROCAL_TOLERANCE = 1e-6;
    private static final double CONVERGENCE = 1e-12;
    private static final int MAX_ITERATIONS = 1_000_000;
    private static final Pattern JUDGEMENT = Pattern.compile("\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*(?:/\\s*(\\d+(?:\\.\\d*)?|\\.\\d+)\\s*)?");

    private Ahp() {
    }

    /**
     * One judgement: {@code a_ij} as given, the ratio w_i/w_j the weights imply, and how far apart they are on
     * the scale's own (multiplicative) terms, |ln(a_ij · w_j / w_i)|. Indices are 0-based.
     */
    public record Judgement(int row, int column, double given, double implied, double deviation) {
    }

    /**
     * @param weights           w_i, summing to 1
     * @param mostInconsistent  the judgements above the diagonal, the one deviating most from the weights first
     */
    public record Result(double[] weights, double lambdaMax, double ci, double cr, List<Judgement> mostInconsistent) {

        public Result {
            weights = weights.clone();
            mostInconsistent = List.copyOf(mostInconsistent);
        }

        @Override
        public double[] weights() {
            return weights.clone();
        }

        /** CR &lt; 0.10: the judgements are consistent enough to use. */
        public boolean consistent() {
            return cr < CR_LIMIT;
        }
    }

    /**
     * Parses one judgement as staff type it: a positive number or a fraction such as {@code 1/3}.
     *
     * @return the value, or NaN when the text is neither (the caller names the cell)
     */
    public static double parseJudgement(String text) {
        Matcher m = JUDGEMENT.matcher(text);
        if (!m.matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(m.group(1));
        return m.group(2) == null ? value : value / Double.parseDouble(m.group(2));
    }

    /**
     * @param a the full matrix, {@code a[i][j]}
     * @throws CalibrationException (0-based row and column) for a matrix that is not square, has more than
     *                              {@value #MAX_SIZE} rows, or is not positive and reciprocal
     */
    public static Result analyse(double[][] a) {
        int n = a.length;
        if (n == 0) {
            throw new CalibrationException("判断矩阵为空", "the matrix is empty");
        }
        if (n > MAX_SIZE) {
            throw new CalibrationException("判断矩阵最多 " + MAX_SIZE + " 阶（Saaty 随机一致性指标 RI 只给到 " + MAX_SIZE + " 阶），实际为 " + n
                    + " 阶；指标较多时请分层比较", "at most " + MAX_SIZE + " criteria (Saaty's RI table), got " + n);
        }
        for (int i = 0; i < n; i++) {
            if (a[i].length != n) {
                throw new CalibrationException(i, -1, null, "判断矩阵须为方阵：共 " + n + " 行，此行有 " + a[i].length + " 个数",
                        "the matrix must be square: " + n + " rows, this row has " + a[i].length + " values");
            }
        }
        checkPositiveAndReciprocal(a);
        double[] w = principalEigenvector(a);
        double[] aw = multiply(a, w);
        double lambda = 0;
        for (int i = 0; i < n; i++) {
            lambda += aw[i] / w[i];
        }
        lambda /= n;
        double ci = n <= 2 ? 0 : (lambda - n) / (n - 1);
        double cr = n <= 2 ? 0 : ci / RANDOM_INDEX[n];
        List<Judgement> judgements = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                double implied = w[i] / w[j];
                judgements.add(new Judgement(i, j, a[i][j], implied, Math.abs(Math.log(a[i][j] / implied))));
            }
        }
        judgements.sort(Comparator.comparingDouble(Judgement::deviation).reversed());
        return new Result(w, lambda, ci, cr, judgements);
    }

    private static void checkPositiveAndReciprocal(double[][] a) {
        int n = a.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                if (!(a[i][j] > 0) || !Double.isFinite(a[i][j])) {
                    throw new CalibrationException(i, j, null, "判断值须为正数，实际为 " + a[i][j],
                            "a judgement must be positive, got " + a[i][j]);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (Math.abs(a[i][i] - 1) > RECIPROCAL_TOLERANCE) {
                throw new CalibrationException(i, i, null, "对角线上的判断值须为 1，实际为 " + a[i][i],
                        "a diagonal judgement must be 1, got " + a[i][i]);
            }
            for (int j = i + 1; j < n; j++) {
                // the smaller of the pair against the reciprocal of the larger: 1/9 typed as 0.111111 passes,
                // while comparing 9 with 1/0.111111 would magnify the typing error ninefold
                double small = Math.min(a[i][j], a[j][i]);
                double large = Math.max(a[i][j], a[j][i]);
                if (Math.abs(small - 1 / large) > RECIPROCAL_TOLERANCE) {
                    throw new CalibrationException(j, i, null, "判断矩阵须互反：a" + (j + 1) + (i + 1) + " 应为 1/a" + (i + 1) + (j + 1)
                            + " = " + 1 / a[i][j] + "，实际为 " + a[j][i],
                            "the matrix must be reciprocal: a" + (j + 1) + (i + 1) + " should be 1/a" + (i + 1) + (j + 1)
                                    + " = " + 1 / a[i][j] + ", got " + a[j][i]);
                }
            }
        }
    }

    /** Power iteration from the uniform vector; a positive matrix has a unique positive principal eigenvector. */
    private static double[] principalEigenvector(double[][] a) {
        int n = a.length;
        double[] w = new double[n];
        java.util.Arrays.fill(w, 1.0 / n);
        for (int iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
            double[] next = multiply(a, w);
            double sum = Weights.sum(next);
            double change = 0;
            for (int i = 0; i < n; i++) {
                next[i] /= sum;
                change = Math.max(change, Math.abs(next[i] - w[i]));
            }
            w = next;
            if (change < CONVERGENCE) {
                break;
            }
        }
        return w;
    }

    private static double[] multiply(double[][] a, double[] w) {
        int n = a.length;
        double[] out = new double[n];
        for (int i = 0; i < n; i++) {
            double s = 0;
            for (int j = 0; j < n; j++) {
                s += a[i][j] * w[j];
            }
            out[i] = s;
        }
        return out;
    }
}
