package cn.gov.panyu.points.platform.collection;

/** An import action that cannot be done as asked; the message is for the user, in Chinese. */
public class ImportRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public ImportRefusedException(String message) {
        super(message);
    }
}
