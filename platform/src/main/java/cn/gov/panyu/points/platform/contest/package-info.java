/**
 * 双创大赛: a contest (e.g. 番禺区青蓝国际创新创业大赛) with its groups and scoring criteria; entries imported from
 * Excel and matched to the registry; experts assigned to entries, who declare conflicts of interest and score
 * each criterion in their own workspace; the screening list that combines the experts' score with the
 * enterprise's published innovation points; and the awards, which feed the points model's contest bonus.
 *
 * <p>May depend on account (the experts and the signed-in user), audit, collection (its merged record takes
 * the awards: this module implements {@code collection :: contest-awards}, so collection never depends back),
 * enterprise (registry lookups for the matching), the published-scores read model of evaluation (the points
 * of the screening list, never its tables) and table.
 */
@ApplicationModule(displayName = "双创大赛", allowedDependencies = {"account", "audit", "collection",
        "collection :: contest-awards", "enterprise", "evaluation :: published-scores", "table"})
package cn.gov.panyu.points.platform.contest;

import org.springframework.modulith.ApplicationModule;
