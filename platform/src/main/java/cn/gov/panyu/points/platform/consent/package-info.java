/**
 * 授权管理: an enterprise lets chosen banks see its detailed report until a date, revocable at any time,
 * with the whole history kept; banks read through the active consents only.
 *
 * <p>May depend on account (the signed-in enterprise's USCC scopes every grant), audit and table.
 */
@ApplicationModule(displayName = "授权管理", allowedDependencies = {"account", "audit", "table"})
package cn.gov.panyu.points.platform.consent;

import org.springframework.modulith.ApplicationModule;
