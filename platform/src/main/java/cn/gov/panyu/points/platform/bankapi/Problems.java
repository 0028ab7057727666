package cn.gov.panyu.points.platform.bankapi;

import java.io.IOException;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details of the bank API, in Chinese: one title per status and a default detail, so that
 * an error raised anywhere — a controller, a service, the security chain, the servlet container — reads the
 * same to the bank's system, and never as a stack trace or an HTML page.
 */
final class Problems {

    static final MediaType PROBLEM_JSON = MediaType.APPLICATION_PROBLEM_JSON;
    private static final URI ABOUT_BLANK = URI.create("about:blank");

    private Problems() {
    }

    /** A problem of {@code status}; its detail the status's default when {@code detail} is null. */
    static ProblemDetail of(HttpStatusCode status, String detail) {
        ProblemDetail problem = ProblemDetail.forStatus(status);
        // RFC 9457: no more specific type than the status itself
        problem.setType(ABOUT_BLANK);
        problem.setTitle(title(status.value()));
        problem.setDetail(detail == null ? defaultDetail(status.value()) : detail);
        return problem;
    }

    /** Writes a problem as the whole response (filters, entry points), with the request's path as its instance. */
    static void write(HttpServletRequest request, HttpServletResponse response, JsonMapper json, ProblemDetail problem)
            throws IOException {
        problem.setInstance(URI.create(request.getRequestURI()));
        response.setStatus(problem.getStatus());
        response.setContentType(PROBLEM_JSON.toString());
        response.setCharacterEncoding("UTF-8");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", problem.getType().toString());
        body.put("title", problem.getTitle());
        body.put("status", problem.getStatus());
        body.put("detail", problem.getDetail());
        body.put("instance", problem.getInstance().toString());
        if (problem.getProperties() != null) {
            body.putAll(problem.getProperties());
        }
        json.writeValue(response.getWriter(), body);
    }

    static String title(int status) {
        return switch (status) {
            case 400 -> "请求无效";
            case 401 -> "未认证";
            case 403 -> "无权访问";
            case 404 -> "未找到";
            case 405 -> "请求方法不支持";
            case 406 -> "无法提供所需格式";
            case 409 -> "请求冲突";
            case 413 -> "请求体过大";
            case 415 -> "内容类型不支持";
            case 422 -> "请求无法处理";
            case 429 -> "请求过于频繁";
            default -> status >= 500 ? "服务器内部错误" : "请求失败";
        };
    }

    static String defaultDetail(int status) {
        return switch (status) {
            case 400 -> "请求格式或参数有误，请对照接口文档检查。";
            case 401 -> "缺少有效的接口密钥：请在请求头 Authorization 中以 Bearer 方式提供平台签发的密钥。";
            case 403 -> "该接口密钥无权访问此接口。";
            case 404 -> "请求的资源不存在。";
            case 405 -> "该接口不支持此请求方法，请对照接口文档使用正确的方法。";
            case 406 -> "接口只提供 JSON 格式（application/json）的响应。";
            case 409 -> "相同 Idempotency-Key 的请求正在处理中，请稍后重试。";
            case 413 -> "请求体过大。";
            case 415 -> "请求体的内容类型不受支持，请使用 application/json。";
            case 422 -> "请求无法处理。";
            case 429 -> "请求过于频繁，请在 Retry-After 指定的秒数后重试。";
            default -> status >= 500 ? "服务器处理请求时出错，请稍后重试；如持续出现请联系平台管理员。" : "请求失败。";
        };
    }

    static HttpStatus statusOf(int code) {
        HttpStatus status = HttpStatus.resolve(code);
        return status == null ? HttpStatus.INTERNAL_SERVER_ERROR : status;
    }
}
