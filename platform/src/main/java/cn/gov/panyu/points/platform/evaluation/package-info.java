/**
 * 量化评价: evaluation runs (year + model version → stored, reproducible results), 公示 with objections,
 * atomic publishing, and the tier lists (榜单).
 *
 * <p>Owner of the published-scores read model ({@link cn.gov.panyu.points.platform.evaluation.PublishedResults},
 * docs/adr/0007-published-scores-read-model.md): the modules that show published results read them through
 * its named interface {@code evaluation :: published-scores}, never through this module's tables, and this
 * module depends on none of them. May depend on account (who runs and publishes), audit, collection (a year's
 * merged records, the input of a run), scoremodel (the model version a run uses) and table, and implements
 * collection's RegistryReferences (an enterprise with results stays in the registry).
 */
@ApplicationModule(displayName = "量化评价", allowedDependencies = {"account", "audit", "collection",
        "collection :: registry-references", "scoremodel", "table"})
package cn.gov.panyu.points.platform.evaluation;

import org.springframework.modulith.ApplicationModule;
