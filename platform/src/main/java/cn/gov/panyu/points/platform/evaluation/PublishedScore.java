package cn.gov.panyu.points.platform.evaluation;

import java.math.BigDecimal;
import java.time.LocalDateTime;

import org.springframework.modulith.NamedInterface;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * One enterprise's result in the published run of a year, as {@link PublishedResults} hands it out.
 * Name, town and industry are those the run scored (the registry may have changed since).
 *
 * @param rank       rank within the stage; null when the enterprise was not eligible (vetoed)
 * @param tier       领跑/竞跑/进取, or null when the enterprise is on no list
 * @param computedAt when the run finished computing: data changed after it is not in these points
 */
@NamedInterface("published-scores")
public record PublishedScore(int year, long runId, long modelId, String uscc, String name, String town,
                             String industry, Stage stage, BigDecimal core, BigDecimal bonus, BigDecimal deduction,
                             BigDecimal total, Integer rank, Tier tier, boolean eligible, IndicatorPoints points,
                             LocalDateTime computedAt, LocalDateTime publishedAt) {
}
