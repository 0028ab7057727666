/**
 * 积分模型: the versions of the points model (YAML text, validated by the engine) — list, view, copy,
 * edit, validate and activate, with exactly one active version and used versions frozen.
 *
 * <p>May depend on account (who edits and activates), audit and table.
 */
@ApplicationModule(displayName = "积分模型", allowedDependencies = {"account", "audit", "table"})
package cn.gov.panyu.points.platform.scoremodel;

import org.springframework.modulith.ApplicationModule;
