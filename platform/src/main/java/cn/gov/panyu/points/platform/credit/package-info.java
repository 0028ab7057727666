/**
 * 科技信贷: what a bank officer sees — the enterprises that consented to the officer's bank, and their
 * detailed points reports, each read audited — and the 积分贷 products banks publish (staff manage every
 * bank's, an officer their own bank's), whose rules decide eligibility and the pre-approved line
 * ({@link cn.gov.panyu.points.platform.credit.CreditRules}, plain Java; docs/adr/0012-credit-products-and-lines.md);
 * the enterprise's 金融超市 and applications, the bank's white-lists, inbox and loans, and the staff's totals
 * ({@link cn.gov.panyu.points.platform.credit.CreditApplications}, {@link cn.gov.panyu.points.platform.credit.Loans},
 * {@link cn.gov.panyu.points.platform.credit.Whitelists} (pages and API alike), {@link cn.gov.panyu.points.platform.credit.CreditTotals} — the
 * services the open API calls too; docs/adr/0014-credit-applications.md). Other features read loans only
 * through {@link cn.gov.panyu.points.platform.credit.LoanHistory} (named interface {@code loan-history}): who got a
 * loan when, for the back-test of a model.
 *
 * <p>May depend on account (the officer's bank and the enterprise's USCC scope every read), consent (active
 * consents only, the partner banks, the consent an application grants and its revocation), enterprise (the detailed report), the published-scores read model of evaluation (credit lines follow
 * the latest published result only), collection (the enterprise's record of that year: revenue, establishment,
 * qualifications, negatives), audit and table.
 */
@ApplicationModule(displayName = "科技信贷", allowedDependencies = {"account", "audit", "collection", "consent", "enterprise",
        "evaluation :: published-scores", "table"})
package cn.gov.panyu.points.platform.credit;

import org.springframework.modulith.ApplicationModule;
