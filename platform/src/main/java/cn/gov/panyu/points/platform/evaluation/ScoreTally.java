package cn.gov.panyu.points.platform.evaluation;

import java.math.BigDecimal;

import org.springframework.modulith.NamedInterface;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * How many published results of a year share a stage, tier, town and industry, and the sum of their
 * totals ({@link PublishedResults#tally}).
 *
 * @param tier null for the results on no list (not listed or not eligible)
 */
@NamedInterface("published-scores")
public record ScoreTally(Stage stage, Tier tier, String town, String industry, long count, BigDecimal totalSum) {
}
