package cn.gov.panyu.points.platform.collection;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An import, import job or data conflict that a URL names and that does not exist: the not-found page.
 * Not an {@link ImportRefusedException}, which the import pages show as a refusal of an action on
 * something that exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class CollectionNotFoundException extends RuntimeException {

    CollectionNotFoundException(String what) {
        super("not found: " + what, null, false, false);
    }
}
