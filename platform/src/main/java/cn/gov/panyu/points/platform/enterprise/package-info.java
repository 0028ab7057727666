/**
 * 企业名录与企业详情: the staff workspace's search over all enterprises (filters, sortable and exportable
 * list) and one enterprise's page with its data by year and source, score breakdown and history.
 */
package cn.gov.panyu.points.platform.enterprise;
