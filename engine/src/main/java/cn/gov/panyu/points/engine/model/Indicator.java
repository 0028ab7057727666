package cn.gov.panyu.points.engine.model;

/**
 * A second-level indicator (二级指标): what it reads, how it transforms, and its weight (points) per stage.
 *
 * @param weights points per stage, indexed by {@link Stage#ordinal()}
 */
public record Indicator(String code, String category, String name, ValueKey value, Transform transform,
                        double[] weights) {

    public Indicator {
        weights = weights.clone();
    }

    public double weight(Stage stage) {
        return weights[stage.ordinal()];
    }

    public boolean isPercentile() {
        return transform instanceof Transform.Percentile;
    }
}
