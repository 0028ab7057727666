/**
 * 数据采集: the enterprise registry, department bulk imports (templates, validation, idempotent loading,
 * rollback) and the merge of department and self-declared data into one record per enterprise and year,
 * with the conflicts and anomalies it finds.
 *
 * <p>May depend on audit and table.
 */
@ApplicationModule(displayName = "数据采集", allowedDependencies = {"audit", "table"})
package cn.gov.panyu.points.platform.collection;

import org.springframework.modulith.ApplicationModule;
