package cn.gov.panyu.points.platform.contest;

/** An action refused for a reason the user can act on; the message is Chinese and shown as it is. */
class ContestException extends RuntimeException {

    ContestException(String message) {
        super(message, null, false, false);
    }
}
