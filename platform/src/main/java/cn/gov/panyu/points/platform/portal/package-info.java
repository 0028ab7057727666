/**
 * 企业门户 (积分查询与展示): an enterprise user's own published scores, comparison with its stage, what-if
 * advice, declarations and objections — always scoped to the signed-in user's USCC.
 */
package cn.gov.panyu.points.platform.portal;
