/**
 * 科技信贷: what a bank officer sees — the enterprises that consented to the officer's bank, and their
 * detailed points reports, each read audited — and the 积分贷 products banks publish (staff manage every
 * bank's, an officer their own bank's), whose rules decide eligibility and the pre-approved line
 * ({@link cn.gov.panyu.points.platform.credit.CreditRules}, plain Java; docs/adr/0012-credit-products-and-lines.md).
 *
 * <p>May depend on account (the officer's bank scopes every read), consent (active consents only, the partner
 * banks), enterprise (the detailed report), the published-scores read model of evaluation (credit lines follow
 * the latest published result only), collection (the enterprise's record of that year: revenue, establishment,
 * qualifications, negatives), audit and table.
 */
@ApplicationModule(displayName = "科技信贷", allowedDependencies = {"account", "audit", "collection", "consent", "enterprise",
        "evaluation :: published-scores", "table"})
package cn.gov.panyu.points.platform.credit;

import org.springframework.modulith.ApplicationModule;
