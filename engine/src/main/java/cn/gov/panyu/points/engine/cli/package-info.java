/** The {@code bin/points} command line: evaluate, generate, validate-model, template. */
package cn.gov.panyu.points.engine.cli;
