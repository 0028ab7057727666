/**
 * 模型校准: objective (entropy, CRITIC) and subjective (AHP) weights of a stage computed from a year's data
 * beside the active model's, a draft model version made from a chosen combination, and the sensitivity
 * report of a draft against the active model before it is activated, and the back-test (回测) of two versions
 * against what later happened to the enterprises they ranked. The methods are the engine's
 * ({@code cn.gov.panyu.points.engine.calibration}); this feature only gathers their input and shows them.
 *
 * <p>May depend on account (who creates a draft), collection (a year's merged records), evaluation (which
 * years have data) and scoremodel (the active model, and the draft mechanism: a calibrated model becomes an
 * ordinary draft that validates and activates like any other), evaluation's published runs (the model a year
 * was published with, model A of a back-test by default) and credit's loan history (who got a loan when: an
 * outcome the back-test follows), and table (the export). Links to enterprise pages by URL only.
 */
@ApplicationModule(displayName = "模型校准", allowedDependencies = {"account", "collection",
        "credit :: loan-history", "evaluation", "evaluation :: published-scores", "scoremodel", "table"})
package cn.gov.panyu.points.platform.calibration;

import org.springframework.modulith.ApplicationModule;
