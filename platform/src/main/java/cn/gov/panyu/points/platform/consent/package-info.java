/**
 * 授权管理: an enterprise lets chosen banks see its detailed report until a date, revocable at any time,
 * with the whole history kept; banks read through the active consents only. Filing a 积分贷 application grants
 * the product's bank a consent that ends with the application (credit calls {@code grantForApplication} /
 * {@code endForApplication}; a revocation is told back through {@code ApplicationConsentRevoked}).
 *
 * <p>May depend on account (the signed-in enterprise's USCC scopes every grant), audit and table, and implements
 * collection's RegistryReferences (an enterprise with a consent stays in the registry).
 */
@ApplicationModule(displayName = "授权管理",
        allowedDependencies = {"account", "audit", "collection :: registry-references", "table"})
package cn.gov.panyu.points.platform.consent;

import org.springframework.modulith.ApplicationModule;
