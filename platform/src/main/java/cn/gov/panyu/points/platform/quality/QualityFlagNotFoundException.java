package cn.gov.panyu.points.platform.quality;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A flag that a URL names and that does not exist: the not-found page. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class QualityFlagNotFoundException extends RuntimeException {

    QualityFlagNotFoundException(long id) {
        super("not found: quality flag " + id, null, false, false);
    }
}
