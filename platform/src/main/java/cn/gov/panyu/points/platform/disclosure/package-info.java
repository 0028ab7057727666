/**
 * 信息公开: what anyone may read without signing in — the published tier lists (names, towns and
 * industries only, see docs/adr/0006-public-lists.md) and the points model's methodology.
 *
 * <p>May depend on the published-scores read model of evaluation (the lists), scoremodel (the methodology) and
 * table only; not on account, since nothing here needs a signed-in user.
 */
@ApplicationModule(displayName = "信息公开",
        allowedDependencies = {"evaluation :: published-scores", "scoremodel", "table"})
package cn.gov.panyu.points.platform.disclosure;

import org.springframework.modulith.ApplicationModule;
