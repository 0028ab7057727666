/**
 * 银行接口: the open REST API that banks' own systems call under {@code /api/v1/bank/**} — its machine
 * credentials (API keys per bank, issued, rotated and revoked by staff, stored hashed), the stateless security
 * chain that checks them, per-key rate limits, an audit entry per call, Idempotency-Key replays and RFC 9457
 * problem details for every error; documented by the OpenAPI document at {@code /api/v1/openapi.json}
 * (docs/adr/0015-bank-api-credentials.md).
 *
 * <p>The endpoints are thin: each answers through the services behind the bank officer's pages (credit), as
 * the API key's bank, so the consent and scope rules are those of the pages. May depend on account (an API
 * key acts as a bank user of its bank), audit, consent (the partner banks), credit (white-list, reports,
 * products), enterprise (the records of the report credit answers with, mapped to the API's own) and table.
 */
@ApplicationModule(displayName = "银行接口", allowedDependencies = {"account", "audit", "consent", "credit", "enterprise", "table"})
package cn.gov.panyu.points.platform.bankapi;

import org.springframework.modulith.ApplicationModule;
