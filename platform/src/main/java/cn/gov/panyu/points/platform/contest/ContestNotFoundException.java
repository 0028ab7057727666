package cn.gov.panyu.points.platform.contest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A contest, entry or assignment that does not exist — or, for an expert, one that is not theirs: the answer
 * does not tell the two apart.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ContestNotFoundException extends RuntimeException {

    ContestNotFoundException(String what) {
        super("not found: " + what, null, false, false);
    }
}
