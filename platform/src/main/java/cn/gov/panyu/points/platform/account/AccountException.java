package cn.gov.panyu.points.platform.account;

/**
 * An account request the rules refuse, with a Chinese message for the user and the form field it is
 * about (null when it concerns the whole form), so the page can show it next to that field.
 */
public class AccountException extends RuntimeException {

    private final String field;

    public AccountException(String field, String message) {
        super(message);
        this.field = field;
    }

    public AccountException(String message) {
        this(null, message);
    }

    public String field() {
        return field;
    }
}
