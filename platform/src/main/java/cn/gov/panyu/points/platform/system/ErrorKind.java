package cn.gov.panyu.points.platform.system;

import org.springframework.http.HttpStatus;

/** The few kinds of error page a user can meet, each with its own Chinese title and advice. */
public enum ErrorKind {

    NOT_FOUND("notFound"),
    FORBIDDEN("forbidden"),
    SERVER("server"),
    OTHER("other");

    private final String key;

    ErrorKind(String key) {
        this.key = key;
    }

    static ErrorKind of(HttpStatus status) {
        if (status == HttpStatus.NOT_FOUND) {
            return NOT_FOUND;
        }
        if (status == HttpStatus.FORBIDDEN || status == HttpStatus.UNAUTHORIZED) {
            return FORBIDDEN;
        }
        return status.is5xxServerError() ? SERVER : OTHER;
    }

    public String titleKey() {
        return "error." + key + ".title";
    }

    public String adviceKey() {
        return "error." + key + ".advice";
    }
}
