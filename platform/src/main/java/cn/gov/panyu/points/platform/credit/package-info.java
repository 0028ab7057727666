/**
 * 科技信贷: what a bank officer sees — the enterprises that consented to the officer's bank, and their
 * detailed points reports, each read audited.
 *
 * <p>May depend on account (the officer's bank scopes every read), consent (active consents only), enterprise
 * (the detailed report), the published-scores read model of evaluation, audit and table.
 */
@ApplicationModule(displayName = "科技信贷",
        allowedDependencies = {"account", "audit", "consent", "enterprise", "evaluation :: published-scores", "table"})
package cn.gov.panyu.points.platform.credit;

import org.springframework.modulith.ApplicationModule;
