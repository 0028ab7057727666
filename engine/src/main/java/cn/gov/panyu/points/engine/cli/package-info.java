/** The {@code bin/points} command line: evaluate, cultivation, generate, validate-model, template, and the
 * calibration methods weights, ahp, correlate. */
package cn.gov.panyu.points.engine.cli;
