/**
 * 信息公开: what anyone may read without signing in — the published tier lists (names, towns and
 * industries only, see docs/adr/0006-public-lists.md) and the points model's methodology.
 */
package cn.gov.panyu.points.platform.disclosure;
