/**
 * 列表: what every list page shares — server-side paging (20/50/100), sorting by a whitelisted column,
 * "导出Excel" of exactly the filtered rows, and how pages write numbers (the templates' {@code #fmt}, and
 * {@link cn.gov.panyu.points.platform.table.DecimalPattern} for the features' own texts).
 *
 * <p>Depends on no other module: every list page of every feature uses it.
 */
@ApplicationModule(displayName = "列表", allowedDependencies = {})
package cn.gov.panyu.points.platform.table;

import org.springframework.modulith.ApplicationModule;
