/**
 * 量化评价: evaluation runs (year + model version → stored, reproducible results), 公示 with objections,
 * atomic publishing through the publication table, and the tier lists (榜单) read from it.
 */
package cn.gov.panyu.points.platform.evaluation;
