/** 账户与权限: sign-in, roles and each user's data scope (an enterprise's USCC, a bank). */
package cn.gov.panyu.points.platform.account;
