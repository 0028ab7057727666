/**
 * The platform's frame and housekeeping: page layout and navigation, the home dashboard, error pages
 * and what the platform knows about itself (engine, model, database).
 *
 * <p>May depend on account only (the navigation shown depends on the user's role); no feature depends on
 * this module.
 */
@ApplicationModule(displayName = "平台框架", allowedDependencies = {"account"})
package cn.gov.panyu.points.platform.system;

import org.springframework.modulith.ApplicationModule;
