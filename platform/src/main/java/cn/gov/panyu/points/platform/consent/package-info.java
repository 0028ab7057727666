/**
 * 授权管理: an enterprise lets chosen banks see its detailed report until a date, revocable at any time,
 * with the whole history kept; banks read through the active consents only.
 */
package cn.gov.panyu.points.platform.consent;
