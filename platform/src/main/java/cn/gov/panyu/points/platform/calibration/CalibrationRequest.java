package cn.gov.panyu.points.platform.calibration;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * What staff chose on the calibration page.
 *
 * @param alpha the subjective share α of the combination α·subjective + (1 − α)·objective
 * @param ahp   the AHP judgements between the model's indicator categories as typed, {@code ahp[i][j]} for
 *              i &lt; j (the rest is implied by reciprocity); null when no AHP matrix was entered, and then the
 *              active model's weights are the subjective side
 */
public record CalibrationRequest(int year, Stage stage, ObjectiveMethod method, double alpha, String[][] ahp) {

    public boolean hasAhp() {
        return ahp != null;
    }
}
