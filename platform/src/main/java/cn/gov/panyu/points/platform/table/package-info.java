/**
 * 列表: what every list page shares — server-side paging (20/50/100), sorting by a whitelisted column,
 * and "导出Excel" of exactly the filtered rows.
 *
 * <p>Depends on no other module: every list page of every feature uses it.
 */
@ApplicationModule(displayName = "列表", allowedDependencies = {})
package cn.gov.panyu.points.platform.table;

import org.springframework.modulith.ApplicationModule;
