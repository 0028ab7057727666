/**
 * 企业门户 (积分查询与展示): an enterprise user's own published scores, comparison with its stage, what-if
 * advice, declarations and objections — always scoped to the signed-in user's USCC.
 *
 * <p>May depend on account (the user's USCC scopes every page), collection, declaration, enterprise (the
 * enterprise's profile and published scores), evaluation (公示 results and objections) and audit.
 */
@ApplicationModule(displayName = "企业门户",
        allowedDependencies = {"account", "audit", "collection", "declaration", "enterprise", "evaluation", "table"})
package cn.gov.panyu.points.platform.portal;

import org.springframework.modulith.ApplicationModule;
