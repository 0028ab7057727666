/**
 * 审计日志: the trail of logins, reads and exports of confidential enterprise data, and every change to
 * data, models and runs.
 */
package cn.gov.panyu.points.platform.audit;
