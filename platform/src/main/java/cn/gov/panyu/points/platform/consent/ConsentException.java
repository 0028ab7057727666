package cn.gov.panyu.points.platform.consent;

/** A grant or revocation refused for a reason the user can act on; the message is Chinese. */
public class ConsentException extends RuntimeException {

    public ConsentException(String message) {
        super(message);
    }
}
