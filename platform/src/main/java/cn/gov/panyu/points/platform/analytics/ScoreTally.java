package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;


import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * How many published results of a year share a stage, tier, town and industry, and the sum of their
 * totals (a run snapshot's tally, {@link RunSnapshots}).
 *
 * @param tier null for the results on no list (not listed or not eligible)
 */
public record ScoreTally(Stage stage, Tier tier, String town, String industry, long count, BigDecimal totalSum) {
}
