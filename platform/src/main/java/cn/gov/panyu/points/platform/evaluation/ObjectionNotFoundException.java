package cn.gov.panyu.points.platform.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * An objection id in a URL that no objection has: the not-found page. Not an {@link EvaluationException},
 * which the notice page shows as a refusal of an action on an objection that exists.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
class ObjectionNotFoundException extends RuntimeException {

    ObjectionNotFoundException(long id) {
        super("no objection " + id, null, false, false);
    }
}
