/**
 * 账户与权限: sign-in, roles and each user's data scope (an enterprise's USCC, a bank).
 *
 * <p>May depend on audit (sign-ins, lockouts and account changes are recorded) and table (the user and
 * registration lists). Audit must not depend back: it learns roles through audit's AuditRoles, which this
 * module implements. Implements collection's RegistryReferences too (an enterprise with an account stays in
 * the registry).
 */
@ApplicationModule(displayName = "账户与权限",
        allowedDependencies = {"audit", "collection :: registry-references", "table"})
package cn.gov.panyu.points.platform.account;

import org.springframework.modulith.ApplicationModule;
