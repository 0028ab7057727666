package cn.gov.panyu.points.platform.evaluation;

import java.time.LocalDateTime;

/** The run whose results are public for a year, and the model version that computed them. */
public record PublishedRun(int year, long runId, long modelId, LocalDateTime publishedAt) {
}
