/**
 * 智能评价 — the methods that help the bureau choose and defend a model's weights with evidence (issue 13):
 * objective weights from a year's data ({@link cn.gov.panyu.points.engine.calibration.EntropyWeights},
 * {@link cn.gov.panyu.points.engine.calibration.CriticWeights}), subjective weights from pairwise judgements
 * ({@link cn.gov.panyu.points.engine.calibration.Ahp}), their combination and scaling into a draft model
 * ({@link cn.gov.panyu.points.engine.calibration.Weights}, {@link cn.gov.panyu.points.engine.calibration.Reweighting}),
 * rank correlation ({@link cn.gov.panyu.points.engine.calibration.RankCorrelation}) and the sensitivity of a
 * draft model against the active one ({@link cn.gov.panyu.points.engine.calibration.Sensitivity}) and the
 * back-test of two models against what later happened to the enterprises they ranked
 * ({@link cn.gov.panyu.points.engine.calibration.BackTest}).
 *
 * <p>Pure computation like scoring: no files, no command line, no clock; inputs that a method cannot use are
 * refused with a {@link cn.gov.panyu.points.engine.calibration.CalibrationException} that names the row and
 * column. The formulas and choices are in {@code docs/calibration-methods.md}.
 */
package cn.gov.panyu.points.engine.calibration;
