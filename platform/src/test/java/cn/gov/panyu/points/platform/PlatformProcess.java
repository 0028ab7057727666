package cn.gov.panyu.points.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The platform in a child JVM on a data folder of the test's choosing, for tests of what survives a
 * crash: {@link #kill()} is SIGKILL ({@link Process#destroyForcibly()}), so no shutdown hook runs and H2
 * is not closed — what is on disk at that moment is all the next start finds.
 *
 * <p>The child runs {@link PointsPlatformApplication} from the test's own class path (the repackaged
 * jar does not exist yet while {@code mvn verify} runs the tests), with the default configuration
 * (application.yaml: embedded H2, demo accounts) and no demo district. Its output goes to a log file
 * beside the data folder, named in every failure.
 */
public final class PlatformProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final Process process;
    private final Path log;
    private final URI base;
    private final HttpClient http;
    /** Whether closing this stops the platform: false for {@link #anotherBrowser()}. */
    private final boolean owner;

    private PlatformProcess(Process process, Path log, URI base, CookieManager cookies, boolean owner) {
        this.owner = owner;
        this.process = process;
        this.log = log;
        this.base = base;
        this.http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /**
     * Starts the platform on {@code dataDir} and waits until it answers.
     *
     * @param extraArgs further Spring Boot options ({@code --name=value})
     */
    public static PlatformProcess start(Path dataDir, String... extraArgs) {
        return start(dataDir, new CookieManager(), extraArgs);
    }

    /**
     * Starts the platform with a browser's cookie jar of the test's choosing: platforms started with the
     * same jar are one browser talking to several instances (cookies are kept by host, not by port).
     * {@code extraArgs} replace the defaults of the same name.
     */
    public static PlatformProcess start(Path dataDir, CookieManager cookies, String... extraArgs) {
        try {
            Files.createDirectories(dataDir);
            int port = freePort();
            Path log = dataDir.resolveSibling(dataDir.getFileName() + "-" + UUID.randomUUID().toString().substring(0, 8) + ".log");
            // the class path can exceed a command line's limits: java reads it from an argument file
            Path argFile = Files.createTempFile(dataDir.getParent(), "classpath-", ".args");
            Files.writeString(argFile, "-cp \"" + System.getProperty("java.class.path").replace("\\", "\\\\") + "\"");
            List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx384m", "-XX:TieredStopAtLevel=1", "-Xshare:auto", "-Dfile.encoding=UTF-8",
                    "@" + argFile, PointsPlatformApplication.class.getName()));
            // a property given twice on Spring Boot's command line becomes a list: an extra argument replaces its default
            Map<String, String> options = new LinkedHashMap<>();
            for (String option : List.of("--server.port=" + port, "--points.data-dir=" + dataDir.toAbsolutePath(),
                    "--points.demo.enabled=true", "--points.demo.enterprises=0", "--spring.main.banner-mode=off")) {
                options.put(option.substring(0, option.indexOf('=')), option);
            }
            for (String option : extraArgs) {
                options.put(option.contains("=") ? option.substring(0, option.indexOf('=')) : option, option);
            }
            command.addAll(options.values());
            Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            PlatformProcess platform = new PlatformProcess(process, log, URI.create("http://127.0.0.1:" + port), cookies, true);
            try {
                platform.awaitStarted();
            } finally {
                Files.deleteIfExists(argFile);
            }
            return platform;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void awaitStarted() {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + log);
            }
            try {
                if (http.send(HttpRequest.newBuilder(base.resolve("/login")).timeout(Duration.ofSeconds(5)).build(),
                        HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            sleep(100);
        }
        process.destroyForcibly();
        throw new IllegalStateException("the platform did not start within " + START_TIMEOUT + "; see " + log);
    }

    /**
     * Waits until the readiness probe says the platform takes traffic: after the start-up work that
     * follows the server's start (first-start accounts, the demo district).
     */
    public PlatformProcess awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("the platform exited with " + process.exitValue() + "; see " + log);
            }
            if (get("/actuator/health/readiness").statusCode() == 200) {
                return this;
            }
            sleep(250);
        }
        throw new IllegalStateException("the platform was not ready within " + timeout + "; see " + log);
    }

    /** The same platform seen by another browser: a cookie jar of its own. Closing it does not stop the platform. */
    public PlatformProcess anotherBrowser() {
        return new PlatformProcess(process, log, base, new CookieManager(), false);
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** A normal stop (SIGTERM: Spring closes the database): returns once the process is gone. */
    public void stop() {
        process.destroy();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** SIGKILL, as a crash or {@code kill -9}: returns once the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        if (owner) {
            kill();
        }
    }

    public Path log() {
        return log;
    }

    /**
     * Waits until the log holds {@code line}. Background work logs after it commits, so a state a test reads in the
     * database can come a moment before the line that reports it.
     */
    /** Polls {@code current} every 100 ms until it equals {@code expected}; fails naming {@code what} and its value. */
    public static void awaitValue(String what, Supplier<String> current, String expected, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        String now;
        while (!(now = current.get()).equals(expected)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError(what + " does not reach " + expected + " within " + timeout + ": " + now);
            }
            sleep(100);
        }
    }

    public void awaitLog(String line, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!readLog().contains(line)) {
            if (System.nanoTime() >= deadline) {
                throw new AssertionError("the log " + log + " does not say \"" + line + "\" within " + timeout);
            }
            sleep(100);
        }
    }

    private String readLog() {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Signs in through the login form as a browser does. */
    public PlatformProcess signIn(String username, String password) {
        HttpResponse<String> response = postForm("/login", "/login", Map.of("username", username, "password", password));
        String location = response.headers().firstValue("Location").orElse("");
        if (response.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("sign-in as " + username + " failed: " + response.statusCode() + " " + location);
        }
        return this;
    }

    public HttpResponse<String> get(String path) {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    /** The page's body; fails on anything but 200. */
    public String page(String path) {
        HttpResponse<String> response = get(path);
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + path + ": " + response.statusCode() + "; see " + log);
        }
        return response.body();
    }

    /** Posts a form with the CSRF token of {@code formPage}, as the browser submits that page's form. */
    public HttpResponse<String> postForm(String formPage, String path, Map<String, String> fields) {
        return postWithToken(path, csrf(formPage), fields);
    }

    /** Posts a multipart form with one file, with the CSRF token of {@code formPage}. */
    public HttpResponse<String> postFile(String formPage, String path, Map<String, String> fields, String fileField,
                                         String fileName, byte[] content) {
        String boundary = "----points" + UUID.randomUUID().toString().replace("-", "");
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf(formPage));
        List<byte[]> parts = new ArrayList<>();
        for (Map.Entry<String, String> e : all.entrySet()) {
            parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + e.getKey() + "\"\r\n\r\n"
                    + e.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        parts.add(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField + "\"; filename=\"" + fileName
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        parts.add(content);
        parts.add(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(parts)));
    }

    /**
     * Posts a form with a CSRF token the caller read elsewhere (e.g. on a page another instance rendered
     * for the same session).
     */
    public HttpResponse<String> postWithToken(String path, String csrf, Map<String, String> fields) {
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrf);
        return send(HttpRequest.newBuilder(base.resolve(path)).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(formBody(all))));
    }

    private static String formBody(Map<String, String> fields) {
        return fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    /** The CSRF token of the form on {@code formPage}. */
    public String csrf(String formPage) {
        Matcher m = CSRF.matcher(page(formPage));
        if (!m.find()) {
            throw new IllegalStateException("no CSRF token on " + formPage);
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("request to the platform failed; see " + log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
