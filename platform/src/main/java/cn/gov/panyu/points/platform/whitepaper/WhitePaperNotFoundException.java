package cn.gov.panyu.points.platform.whitepaper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.ResponseStatus;

/** A year that has no published run, or no stored document: 404, whatever the year looks like. */
@ResponseStatus(HttpStatus.NOT_FOUND)
class WhitePaperNotFoundException extends RuntimeException {

    WhitePaperNotFoundException(int year) {
        super("no white paper for year " + year);
    }
}
