/** The {@code bin/points} command line: evaluate, cultivation, generate, validate-model, template. */
package cn.gov.panyu.points.engine.cli;
