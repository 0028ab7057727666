package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;


/**
 * The dashboard of one published year under the filters.
 *
 * @param filter       the filters with the year resolved
 * @param years        every published year, newest first (the year select)
 * @param previousYear the published year before {@code filter.year()}, null if none (no trend, no movers)
 * @param towns        the year's towns and {@code industries} its industry codes (the filter selects)
 * @param outcomes     the year's credit and cultivation figures (district-wide, whatever the filters)
 */
public record DashboardView(DashboardFilter filter, List<Integer> years, Integer previousYear, Figures figures,
                            List<Chart> charts, List<ScoreChange> risers, List<ScoreChange> fallers,
                            List<String> towns, List<String> industries, Outcomes outcomes) {

    public Optional<Chart> chart(String id) {
        return charts.stream().filter(c -> c.id().equals(id)).findFirst();
    }

    /** The charts of one kind, one per stage ({@code medians-}, {@code averages-}), in stage order. */
    public List<Chart> charts(String prefix) {
        return charts.stream().filter(c -> c.id().startsWith(prefix)).toList();
    }

    /**
     * The key figures.
     *
     * @param tiers           listed enterprises per tier, in {@code Tier} order (领跑, 竞跑, 进取)
     * @param previousAverage the previous year's average total under the same filters, null without one
     */
    public record Figures(long evaluated, long listed, List<Long> tiers, BigDecimal average, long previousEvaluated,
                          BigDecimal previousAverage) {

        /** The change of the average total against the previous year, null without one. */
        public BigDecimal averageChange() {
            return previousAverage == null || average == null ? null : average.subtract(previousAverage);
        }
    }
}
