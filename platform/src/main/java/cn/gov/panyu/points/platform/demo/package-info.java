/**
 * 演示数据: on the first start of a demo installation, a generated district of a few thousand enterprises
 * with three years of department data, a few self-declarations and one published evaluation.
 */
package cn.gov.panyu.points.platform.demo;
