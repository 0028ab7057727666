package cn.gov.panyu.points.platform.calibration;

/** Input the calibration cannot use (no data, an inconsistent AHP matrix …): the page shows the Chinese message. */
public class CalibrationRefusedException extends RuntimeException {

    CalibrationRefusedException(String messageZh) {
        super(messageZh, null, false, false);
    }
}
