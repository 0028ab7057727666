/**
 * 使用帮助: the user guides of docs/guide (one per role), rendered as pages of the platform so that every
 * page can link to the section that explains it. The Markdown files are the one source: readers of the
 * repository see them as they are, users see them here.
 *
 * <p>Depends on no other feature.
 */
@ApplicationModule(displayName = "使用帮助", allowedDependencies = {})
package cn.gov.panyu.points.platform.help;

import org.springframework.modulith.ApplicationModule;
