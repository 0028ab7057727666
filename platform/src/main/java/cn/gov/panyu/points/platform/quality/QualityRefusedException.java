package cn.gov.panyu.points.platform.quality;

/** An action on an existing flag that cannot be done (already decided by someone else): said on the page. */
class QualityRefusedException extends RuntimeException {

    QualityRefusedException(String message) {
        super(message, null, false, false);
    }
}
