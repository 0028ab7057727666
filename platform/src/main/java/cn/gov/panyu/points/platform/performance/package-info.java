/**
 * 预算绩效: the bureau's own 部门整体预算绩效目标 — declared (imported from the budget system's export of the
 * 申报表, as text or .xlsx, and edited by staff), monitored during the year (each indicator's actual from a
 * platform measure or entered by hand with evidence, completion and status by the time-proportional rule,
 * monthly snapshots for the trend) and self-evaluated after it (自评: scores by weight and completion,
 * budget execution rate, grade, narrative), each exported as an Excel form; the declaration and the 自评报告
 * also as PDF.
 *
 * <p>The measures read the merged yearly records through collection's {@code YearRecords} only, never its
 * tables; may also use account (the signed-in user), audit, table (the exports) and pdf (the PDF forms).
 */
@ApplicationModule(displayName = "预算绩效", allowedDependencies = {"account", "audit", "collection", "table", "pdf"})
package cn.gov.panyu.points.platform.performance;

import org.springframework.modulith.ApplicationModule;
