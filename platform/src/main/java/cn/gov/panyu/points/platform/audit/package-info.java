/**
 * 审计日志: the trail of logins, reads and exports of confidential enterprise data, and every change to
 * data, models and runs.
 *
 * <p>May depend on table (the log's list and export) only. Every feature records through this module, so it
 * must depend on none of them: the roles it records come through {@link AuditRoles}, implemented by account.
 */
@ApplicationModule(displayName = "审计日志", allowedDependencies = {"table"})
package cn.gov.panyu.points.platform.audit;

import org.springframework.modulith.ApplicationModule;
