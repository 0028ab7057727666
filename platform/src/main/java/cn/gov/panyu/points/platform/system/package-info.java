/**
 * The platform's frame and housekeeping: page layout and navigation, the home page (the staff's work
 * queue), error pages and what the platform knows about itself (engine, model, database; 系统信息).
 *
 * <p>May depend on account (the navigation shown depends on the user's role; pending registrations) and on
 * the count methods of collection, declaration, evaluation and quality for the work queue, never on their tables;
 * no feature depends on this module.
 */
@ApplicationModule(displayName = "平台框架",
        allowedDependencies = {"account", "collection", "declaration", "evaluation", "quality"})
package cn.gov.panyu.points.platform.system;

import org.springframework.modulith.ApplicationModule;
