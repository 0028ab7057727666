/**
 * 演示数据: on the first start of a demo installation, a generated district of a few thousand enterprises
 * with three years of department data, a few self-declarations and a published evaluation of each year.
 *
 * <p>May depend on the modules whose own services it drives to build the district (account, collection,
 * consent, credit, declaration, evaluation, performance, scoremodel), the published-scores read model (to pick the demo enterprise
 * from the published lists) and table; no module may depend on this one.
 */
@ApplicationModule(displayName = "演示数据", allowedDependencies = {"account", "collection", "consent", "credit", "declaration",
        "evaluation", "evaluation :: published-scores", "performance", "scoremodel", "table"})
package cn.gov.panyu.points.platform.demo;

import org.springframework.modulith.ApplicationModule;
