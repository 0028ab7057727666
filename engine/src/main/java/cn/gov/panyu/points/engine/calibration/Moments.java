package cn.gov.panyu.points.engine.calibration;

/** Pearson's correlation, shared by CRITIC and Spearman's ρ. */
final class Moments {

    private Moments() {
    }

    /** The values minus their mean (a new array). */
    static double[] centred(double[] x) {
        double mean = Weights.sum(x) / x.length;
        double[] out = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            out[i] = x[i] - mean;
        }
        return out;
    }

    /** Pearson's r of two centred columns; NaN when either is constant. */
    static double pearsonOfCentred(double[] a, double[] b) {
        double ab = 0;
        double aa = 0;
        double bb = 0;
        for (int i = 0; i < a.length; i++) {
            ab += a[i] * b[i];
            aa += a[i] * a[i];
            bb += b[i] * b[i];
        }
        if (aa == 0 || bb == 0) {
            return Double.NaN;
        }
        // clamped: rounding may put a perfect correlation a hair beyond ±1
        return Math.max(-1, Math.min(1, ab / Math.sqrt(aa * bb)));
    }
}
