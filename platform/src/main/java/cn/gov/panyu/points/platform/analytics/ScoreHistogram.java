package cn.gov.panyu.points.platform.analytics;

import java.util.List;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * How a stage's published totals of a year spread over bins of equal width ({@link DistrictDashboard#histograms}):
 * the white paper's score distribution. Bins run without gaps from the lowest total's bin to the highest's, so
 * an empty bin between two full ones shows as empty rather than vanishing.
 *
 * @param evaluated enterprises of the stage, the sum of the bins' counts
 */
public record ScoreHistogram(Stage stage, long evaluated, List<Bin> bins) {

    /** Totals {@code from} ≤ total &lt; {@code to}, in whole points. */
    public record Bin(long from, long to, long count) {

        public String label() {
            return from + "–" + to;
        }
    }

    /** The largest bin's count (0 without enterprises): the chart's scale. */
    public long largest() {
        return bins.stream().mapToLong(Bin::count).max().orElse(0);
    }
}
