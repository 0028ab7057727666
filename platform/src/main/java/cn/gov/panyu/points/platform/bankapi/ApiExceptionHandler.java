package cn.gov.panyu.points.platform.bankapi;

import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.validation.BindingResult;
import org.springframework.web.ErrorResponse;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

import java.net.URI;

import cn.gov.panyu.points.platform.credit.CreditException;

/**
 * Problem details, in Chinese, for whatever an API endpoint throws: bad JSON, bad fields (each named), bad
 * parameters, unknown ids (404 from the services), refused method calls and anything unexpected (500, logged
 * here and never described to the caller). Errors before a controller is chosen are {@link ApiErrorFilter}'s.
 */
@RestControllerAdvice(annotations = BankApiEndpoint.class)
class ApiExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(Exception.class)
    ResponseEntity<ProblemDetail> handle(Exception e, HttpServletRequest request) {
        ProblemDetail problem = problem(e);
        problem.setInstance(URI.create(request.getRequestURI()));
        return ResponseEntity.status(problem.getStatus()).contentType(Problems.PROBLEM_JSON).body(problem);
    }

    private static ProblemDetail problem(Exception e) {
        if (e instanceof ApiProblem p) {
            return Problems.of(p.status(), p.getMessage());
        }
        if (e instanceof CreditException c) {
            // inputs named by the service's own rules, as the officer's form shows them; otherwise a step the
            // application's state does not allow
            if (!c.problems().isEmpty()) {
                return withErrors(c.problems().entrySet().stream()
                        .map(p -> Map.of("field", p.getKey(), "detail", p.getValue())).toList());
            }
            return Problems.of(HttpStatus.CONFLICT, c.getMessage());
        }
        if (e instanceof HttpMessageNotReadableException) {
            return Problems.of(HttpStatus.BAD_REQUEST, "请求体不是有效的 JSON，或其中某个值的类型不对，请对照接口文档检查。");
        }
        if (e instanceof MethodArgumentTypeMismatchException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "参数 " + m.getName() + " 的值「" + m.getValue() + "」无效。");
        }
        if (e instanceof TypeMismatchException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "参数 " + m.getPropertyName() + " 的值「" + m.getValue() + "」无效。");
        }
        if (e instanceof MissingServletRequestParameterException m) {
            return Problems.of(HttpStatus.BAD_REQUEST, "缺少必填参数 " + m.getParameterName() + "。");
        }
        if (e instanceof MethodArgumentNotValidException m) {
            return fieldProblem(m.getBindingResult());
        }
        if (e instanceof HandlerMethodValidationException m) {
            List<Map<String, String>> errors = m.getParameterValidationResults().stream()
                    .flatMap(r -> r.getResolvableErrors().stream().map(error -> Map.of(
                            "field", r.getMethodParameter().getParameterName() == null ? "" : r.getMethodParameter().getParameterName(),
                            "detail", String.valueOf(error.getDefaultMessage()))))
                    .toList();
            return withErrors(errors);
        }
        if (e instanceof AccessDeniedException) {
            return Problems.of(HttpStatus.FORBIDDEN, null);
        }
        if (e instanceof ErrorResponse r) {
            HttpStatusCode status = r.getStatusCode();
            return Problems.of(status, null);
        }
        LOG.error("bank API: unexpected error", e);
        return Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, null);
    }

    private static ProblemDetail fieldProblem(BindingResult result) {
        return withErrors(result.getFieldErrors().stream()
                .map(error -> Map.of("field", error.getField(), "detail", String.valueOf(error.getDefaultMessage())))
                .toList());
    }

    /** 400 naming every field that is wrong: {@code errors: [{field, detail}]}. */
    private static ProblemDetail withErrors(List<Map<String, String>> errors) {
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "请求中有 " + errors.size() + " 处字段不符合要求："
                + String.join("；", errors.stream().map(err -> err.get("field") + " " + err.get("detail")).toList()) + "。");
        problem.setProperty("errors", errors);
        return problem;
    }
}
