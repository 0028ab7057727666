package cn.gov.panyu.points.platform.calibration;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A sensitivity report asked for a version that is not a draft (the active or a retired version): there is
 * no "draft" of that id, so the not-found page, like for an unknown id.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class DraftNotFoundException extends RuntimeException {

    DraftNotFoundException(long id) {
        super("model version " + id + " is not a draft", null, false, false);
    }
}
