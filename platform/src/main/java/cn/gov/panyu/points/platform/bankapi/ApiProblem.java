package cn.gov.panyu.points.platform.bankapi;

import org.springframework.http.HttpStatus;

/** A refusal of a bank API call with a Chinese detail for the caller, answered as a problem detail. */
final class ApiProblem extends RuntimeException {

    private final HttpStatus status;

    ApiProblem(HttpStatus status, String detail) {
        super(detail);
        this.status = status;
    }

    HttpStatus status() {
        return status;
    }
}
