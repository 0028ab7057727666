/** Writes evaluation results in the columns of scoring-spec §7, as CSV or XLSX, safe to open in Excel. */
package cn.gov.panyu.points.engine.output;
