package cn.gov.panyu.points.engine.cultivation;

import java.math.BigDecimal;

/**
 * A ratio scored by bands: percent thresholds, highest first, each inclusive, with the points of each;
 * below the last threshold 0 points.
 */
final class Bands {

    private final String name;
    private final BigDecimal[] percents;
    private final int[] points;
    private final String description;

    Bands(String name, double[] percents, int[] points) {
        this.name = name;
        this.percents = new BigDecimal[percents.length];
        for (int i = 0; i < percents.length; i++) {
            this.percents[i] = BigDecimal.valueOf(percents[i]);
        }
        this.points = points.clone();
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < percents.length; i++) {
            sb.append('≥').append(Exact.plain(this.percents[i])).append(" % ").append(points[i]).append(" · ");
        }
        this.description = sb.append("否则 0").toString();
    }

    int top() {
        return points[0];
    }

    /** The points for num / den (0 when den is 0). */
    int score(double num, double den) {
        int i = band(num, den);
        return i < 0 ? 0 : points[i];
    }

    int scoreAt(BigDecimal percent) {
        for (int i = 0; i < percents.length; i++) {
            if (percents[i].compareTo(percent) == 0) {
                return points[i];
            }
        }
        throw new IllegalArgumentException(percent + " is no threshold of " + name);
    }

    /** The threshold of the next better band, or null at the top. */
    BigDecimal next(double num, double den) {
        int i = band(num, den);
        if (i == 0) {
            return null;
        }
        return percents[i < 0 ? percents.length - 1 : i - 1];
    }

    private int band(double num, double den) {
        for (int i = 0; i < percents.length; i++) {
            if (Exact.atLeast(num, den, percents[i])) {
                return i;
            }
        }
        return -1;
    }

    /** e.g. "≥30 % 20 · ≥25 % 16 · … · 否则 0". */
    String describe() {
        return description;
    }
}
