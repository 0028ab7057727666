package cn.gov.panyu.points.platform.evaluation;

import org.springframework.modulith.NamedInterface;

/**
 * A run became its year's published run. Published when the publishing transaction commits, so that a
 * listener reading the published results sees the new run (e.g. the dashboard reading it ahead of its
 * first request).
 */
@NamedInterface("published-scores")
public record RunPublished(int year, long runId) {
}
