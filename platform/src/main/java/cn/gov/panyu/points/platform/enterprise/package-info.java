/**
 * 企业名录与企业详情: the staff workspace's search over all enterprises (filters, sortable and exportable
 * list) and one enterprise's page with its data by year and source, score breakdown and history.
 *
 * <p>May depend on collection (the data by year and source), the published-scores read model of evaluation
 * (results and history), scoremodel (the model a result was computed with), audit (reads of an enterprise's
 * data are recorded) and table.
 */
@ApplicationModule(displayName = "企业名录与企业详情",
        allowedDependencies = {"audit", "collection", "evaluation :: published-scores", "scoremodel", "table"})
package cn.gov.panyu.points.platform.enterprise;

import org.springframework.modulith.ApplicationModule;
