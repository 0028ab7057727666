/**
 * 积分模型: the versions of the points model (YAML text, validated by the engine) — list, view, copy,
 * edit, validate and activate, with exactly one active version and used versions frozen.
 */
package cn.gov.panyu.points.platform.scoremodel;
