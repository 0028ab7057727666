package cn.gov.panyu.points.platform.evaluation;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A run id that no run has, e.g. a typed or stale URL: the not-found page rather than a server error when
 * no caller catches it. Still an {@link EvaluationException}, so forms that show refusals show this one too.
 */
@ResponseStatus(HttpStatus.NOT_FOUND)
public class RunNotFoundException extends EvaluationException {

    public RunNotFoundException(long runId) {
        super("评价批次 " + runId + " 不存在。");
    }
}
