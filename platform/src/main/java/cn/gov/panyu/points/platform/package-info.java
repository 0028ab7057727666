/**
 * The 番禺区企业创新积分智能评价平台 web application, one sub-package per feature
 * (collect → evaluate → publish → use), each owning its controllers, services, templates and tables.
 *
 * <p>Each feature package is a Spring Modulith application module: its package-info lists the modules it
 * may depend on, and ModularityTests fails the build on any other dependency or a cycle. A feature's API
 * is its base package; a sub-package would be internal to it.
 */
package cn.gov.panyu.points.platform;
