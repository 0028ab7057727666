package cn.gov.panyu.points.platform.bankapi;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

import tools.jackson.databind.json.JsonMapper;

/**
 * Idempotency-Key for every state-changing call of the bank API (POST, PUT, PATCH, DELETE): the first request
 * with a key runs and its answer is kept; a retry with the same key and the same request gets that answer
 * again, marked {@code Idempotency-Replayed: true}, without running anything; the same key on a different
 * request is refused (422), as is a retry while the first request still runs (409). A server error keeps
 * nothing, so the bank's retry runs again. Keys belong to the calling API key: two banks never share one.
 * An endpoint needs nothing to take part — a request without the header simply runs.
 */
final class IdempotencyFilter extends OncePerRequestFilter {

    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotency-Replayed";
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");
    /** Visible ASCII, as UUIDs and the usual client libraries' keys are. */
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,64}");
    /** A bank API request body is a small JSON object; more is refused before it is read into memory. */
    static final int MAX_BODY = 256 * 1024;

    private final IdempotencyStore store;
    private final JsonMapper json;

    IdempotencyFilter(IdempotencyStore store, JsonMapper json) {
        this.store = store;
        this.json = json;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !CHANGING.contains(request.getMethod()) || request.getHeader(HEADER) == null;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String idemKey = request.getHeader(HEADER);
        Authentication auth = SecurityContextHolder.getContext().getAuthentication();
        if (!(auth instanceof ApiKeyAuthentication caller)) {
            chain.doFilter(request, response); // refused further on: no key, no kept answers
            return;
        }
        if (!KEY.matcher(idemKey).matches()) {
            Problems.write(request, response, json, Problems.of(HttpStatus.BAD_REQUEST,
                    "请求头 Idempotency-Key 应为 1 至 64 个可见 ASCII 字符（建议使用 UUID）。"));
            return;
        }
        if (request.getContentLengthLong() > MAX_BODY) {
            Problems.write(request, response, json, Problems.of(HttpStatus.CONTENT_TOO_LARGE, null));
            return;
        }
        byte[] body = readAtMost(request.getInputStream());
        if (body == null) {
            Problems.write(request, response, json, Problems.of(HttpStatus.CONTENT_TOO_LARGE, null));
            return;
        }
        String keyId = ApiCredentials.keyIdOf(caller.getPrincipal());
        String fingerprint = fingerprint(request, body);
        Optional<IdempotencyStore.Kept> kept = store.find(keyId, idemKey);
        if (kept.isEmpty() && !store.claim(keyId, idemKey, fingerprint)) {
            kept = store.find(keyId, idemKey); // claimed a moment ago by a simultaneous request
        }
        if (kept.isPresent()) {
            answerFromKept(request, response, kept.get(), fingerprint);
            return;
        }
        ContentCachingResponseWrapper recorder = new ContentCachingResponseWrapper(response);
        boolean done = false;
        try {
            chain.doFilter(new Replayable(request, body), recorder);
            done = recorder.getStatus() < 500;
        } finally {
            if (done) {
                store.keep(keyId, idemKey, recorder.getStatus(), recorder.getContentType(),
                        new String(recorder.getContentAsByteArray(), StandardCharsets.UTF_8));
            } else {
                store.release(keyId, idemKey);
            }
            recorder.copyBodyToResponse();
        }
    }

    private void answerFromKept(HttpServletRequest request, HttpServletResponse response, IdempotencyStore.Kept kept,
                                String fingerprint) throws IOException {
        if (!kept.fingerprint().equals(fingerprint)) {
            Problems.write(request, response, json, Problems.of(HttpStatus.UNPROCESSABLE_CONTENT,
                    "该 Idempotency-Key 已用于另一个不同的请求；每个新请求请使用新的 Idempotency-Key。"));
            return;
        }
        if (kept.status() == null) {
            Problems.write(request, response, json, Problems.of(HttpStatus.CONFLICT, null));
            return;
        }
        response.setStatus(kept.status());
        response.setHeader(REPLAYED, "true");
        if (kept.contentType() != null) {
            response.setContentType(kept.contentType());
        }
        byte[] bytes = kept.body() == null ? new byte[0] : kept.body().getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
    }

    /** The body, or null when it is longer than {@link #MAX_BODY} (a request without a length header). */
    private static byte[] readAtMost(InputStream in) throws IOException {
        byte[] bytes = in.readNBytes(MAX_BODY + 1);
        return bytes.length > MAX_BODY ? null : bytes;
    }

    /** The same request: method, path, query and body; a retry that changed any of them is another request. */
    static String fingerprint(HttpServletRequest request, byte[] body) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update((request.getMethod() + " " + request.getRequestURI() + "?"
                    + (request.getQueryString() == null ? "" : request.getQueryString()) + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest.digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The request with its body read once already, for the controller to read again. */
    private static final class Replayable extends HttpServletRequestWrapper {

        private final byte[] body;

        Replayable(HttpServletRequest request, byte[] body) {
            super(request);
            this.body = body;
        }

        @Override
        public ServletInputStream getInputStream() {
            ByteArrayInputStream in = new ByteArrayInputStream(body);
            return new ServletInputStream() {
                @Override
                public boolean isFinished() {
                    return in.available() == 0;
                }

                @Override
                public boolean isReady() {
                    return true;
                }

                @Override
                public void setReadListener(ReadListener listener) {
                    throw new UnsupportedOperationException("the body is in memory; read it synchronously");
                }

                @Override
                public int read() {
                    return in.read();
                }

                @Override
                public int read(byte[] b, int off, int len) {
                    return in.read(b, off, len);
                }
            };
        }

        @Override
        public BufferedReader getReader() {
            String charset = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
            return new BufferedReader(new InputStreamReader(getInputStream(), Charset.forName(charset)));
        }

        @Override
        public int getContentLength() {
            return body.length;
        }

        @Override
        public long getContentLengthLong() {
            return body.length;
        }
    }
}
