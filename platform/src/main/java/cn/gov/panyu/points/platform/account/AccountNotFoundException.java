package cn.gov.panyu.points.platform.account;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No account (or registration request) of that user name: the not-found page. Deliberately not an
 * {@link AccountException}, which forms catch to show the refusal next to the form, because a user name
 * that names nothing is a wrong URL rather than a refused request.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class AccountNotFoundException extends RuntimeException {

    AccountNotFoundException(String username) {
        // no stack trace: it is an answer to a wrong URL, not a fault to investigate
        super("no account " + username, null, false, false);
    }
}
