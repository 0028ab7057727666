/**
 * The 番禺区企业创新积分智能评价平台 web application, one sub-package per feature
 * (collect → evaluate → publish → use), each owning its controllers, services, templates and tables.
 */
package cn.gov.panyu.points.platform;
