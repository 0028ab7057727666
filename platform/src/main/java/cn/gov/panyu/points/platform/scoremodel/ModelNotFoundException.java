package cn.gov.panyu.points.platform.scoremodel;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A model version id that no version has (a typed or stale URL): the not-found page. Not a
 * {@link ModelRejectedException}, which the pages catch to show why an action was refused on a version
 * that exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class ModelNotFoundException extends RuntimeException {

    ModelNotFoundException(long id) {
        super("no model version " + id, null, false, false);
    }
}
