package cn.gov.panyu.points.platform.declaration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * No such declaration or attachment within the user's scope. Another enterprise's id gets this too, so
 * that a probe cannot even tell whether the id exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DeclarationNotFoundException extends RuntimeException {

    DeclarationNotFoundException() {
        super("not found", null, false, false);
    }
}
