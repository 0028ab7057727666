package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDateTime;

import org.springframework.modulith.NamedInterface;

/** The run whose results are public for a year, and the model version that computed them. */
@NamedInterface("published-scores")
public record PublishedRun(int year, long runId, long modelId, LocalDateTime publishedAt) {
}
