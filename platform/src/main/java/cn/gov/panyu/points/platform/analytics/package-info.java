/**
 * 统计分析: the staff's district dashboard (统计看板) and the leader view (领导视图) of a published year —
 * counts, tiers by stage, town and industry, the trend over the published years and the largest risers and
 * fallers, each chart drilling down to the staff's enterprise list and exporting its data.
 *
 * <p>Reads published scores only through evaluation's read model ({@code evaluation :: published-scores},
 * docs/adr/0007-published-scores-read-model.md), never through tables, and links to the enterprise list by
 * URL rather than calling it. May also use collection (the qualifications of a year's merged records, which the
 * results do not carry), scoremodel (the indicators' names and weights of a run's model version), credit and
 * cultivation (the year's credit totals and pool sizes, through their services) and table (the xlsx export).
 */
@ApplicationModule(displayName = "统计分析", allowedDependencies = {"collection", "credit", "cultivation", "evaluation :: published-scores", "scoremodel", "table"})
package cn.gov.panyu.points.platform.analytics;

import org.springframework.modulith.ApplicationModule;
