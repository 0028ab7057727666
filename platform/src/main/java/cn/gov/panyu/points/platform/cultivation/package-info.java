/**
 * 高企/科小培育: the 科技型中小企业 and 高新技术企业 pre-assessment of every enterprise of a year (the engine's
 * {@code cultivation} rules on the merged records, each condition explained with its figure, threshold, source
 * and the gap in money or people), the reserve pools staff build by editable rules, review and export per
 * version, their movements year on year, and the enterprise's own view in its portal.
 *
 * <p>May depend on account (the signed-in enterprise's code, who decided), audit, collection (a year's merged
 * records with the cultivation columns; implements its RegistryReferences: a pool member stays in the registry),
 * enterprise (filter options: towns and industries by name) and table.
 */
@ApplicationModule(displayName = "高企/科小培育", allowedDependencies = {"account", "audit", "collection",
        "collection :: registry-references", "enterprise", "table"})
package cn.gov.panyu.points.platform.cultivation;

import org.springframework.modulith.ApplicationModule;
