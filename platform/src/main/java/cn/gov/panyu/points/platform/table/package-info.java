/**
 * 列表: what every list page shares — server-side paging (20/50/100), sorting by a whitelisted column,
 * and "导出Excel" of exactly the filtered rows.
 */
package cn.gov.panyu.points.platform.table;
