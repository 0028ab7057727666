package cn.gov.panyu.points.platform.evaluation;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.platform.PointsPlatformApplication;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.bankapi.ApiCredentials;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/**
 * Benchmark, not a test (the build never runs it): the bank API's white-list over N published enterprises that
 * all consented to one bank with one lenient product, over HTTP on loopback as a bank's system calls it
 * (docs/benchmarks.md). Two loads: one client copying the whole white-list page by page (size 200), then
 * {@code threads} clients reading pages of 50 from random cursors for 20 s. Run from platform/ as
 * EvaluationBenchmark is run:
 * <pre>
 *   java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *        cn.gov.panyu.points.platform.evaluation.BankApiBenchmark [enterprises] [threads] [pages of the walk]
 * </pre>
 */
public final class BankApiBenchmark {

    private static final Pattern CURSOR = Pattern.compile("\"nextCursor\":\"([0-9A-Z]{18})\"");
    private static final Pattern USCC = Pattern.compile("\"uscc\":\"");

    private BankApiBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        // the walk may stop after so many pages: on a busy machine the whole list takes longer than the sample needs
        int maxPages = args.length > 2 ? Integer.parseInt(args[2]) : Integer.MAX_VALUE;
        Path dir = Files.createTempDirectory("points-benchmark");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PointsPlatformApplication.class)
                .run("--points.data-dir=" + dir, "--points.demo.enabled=false", "--server.port=0",
                        "--logging.level.root=WARN", "--points.bank-api.requests-per-minute=1000000")) {
            PlatformUser staff = new PlatformUser("benchmark", "", "基准测试", Role.STAFF, null, null, true, false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            long t = System.nanoTime();
            DistrictFixture.load(jdbc, 20251, 2025, enterprises);
            EvaluationRuns runs = context.getBean(EvaluationRuns.class);
            long run = runs.runNow(2025, context.getBean(ScoreModels.class).activeModelId(), "benchmark");
            runs.putOnNotice(run, LocalDate.now(), "benchmark");
            NoticePeriods.endedYesterday(jdbc, run);
            runs.publish(run, "benchmark");
            Timestamp now = Timestamp.valueOf(LocalDateTime.now());
            jdbc.update("insert into bank (code, name) values ('BENCH', '基准测试银行')");
            jdbc.update("insert into consent (uscc, bank_code, granted_by, granted_at, expires_on) "
                    + "select uscc, 'BENCH', 'benchmark', ?, ? from enterprise", now, LocalDate.now().plusYears(1));
            // every stage and list, no minimum, nothing excluded, base 100 万 per tier
            jdbc.update("""
                    insert into credit_product (bank_code, name, description, stages, lowest_tier, minimum_total,
                        required_qualifications, excluded_qualifications, excluded_negatives, minimum_years, base_lead,
                        base_run, base_rise, bands, line_cap, term_months, rate_ceiling, valid_from, valid_to,
                        updated_by, updated_at)
                    values ('BENCH', '基准积分贷', '基准测试', 'STARTUP;GROWTH;MATURE', 'RISE', null, '', '', '', 0, 100,
                        100, 100, '', 1000, 12, 4.35, ?, ?, 'benchmark', ?)""",
                    LocalDate.now().minusDays(1), LocalDate.now().plusYears(1), now);
            String key = "Bearer " + context.getBean(ApiCredentials.class).issue(staff, "BENCH", "基准测试").orElseThrow().token();
            System.out.printf(Locale.ROOT, "%,d enterprises published and consented in %.1f s (setup)%n", enterprises,
                    (System.nanoTime() - t) / 1e9);
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            String base = "http://127.0.0.1:" + port + "/api/v1/bank/whitelist";

            for (int i = 0; i < 20; i++) {
                get(client, base + "?size=50", key); // warm-up
            }
            List<Long> walk = new ArrayList<>();
            int listed = 0;
            String cursor = null;
            long walkStart = System.nanoTime();
            do {
                long s = System.nanoTime();
                String body = get(client, base + "?size=200" + (cursor == null ? "" : "&cursor=" + cursor), key);
                walk.add(System.nanoTime() - s);
                listed += count(body);
                Matcher m = CURSOR.matcher(body);
                cursor = m.find() ? m.group(1) : null;
            } while (cursor != null && walk.size() < maxPages);
            report((cursor == null ? "whole white-list" : "first " + walk.size() + " pages of the white-list")
                    + ", size 200, one client", walk, System.nanoTime() - walkStart);
            System.out.printf(Locale.ROOT, "  %,d enterprises listed%n", listed);

            List<String> usccs = jdbc.queryForList("select uscc from enterprise order by uscc", String.class);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            long end = System.nanoTime() + 20_000_000_000L;
            long loadStart = System.nanoTime();
            List<Future<List<Long>>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    List<Long> times = new ArrayList<>();
                    while (System.nanoTime() < end) {
                        String from = usccs.get(ThreadLocalRandom.current().nextInt(usccs.size())).trim();
                        long s = System.nanoTime();
                        get(client, base + "?size=50&cursor=" + from, key);
                        times.add(System.nanoTime() - s);
                    }
                    return times;
                }));
            }
            List<Long> all = new ArrayList<>();
            for (Future<List<Long>> f : futures) {
                all.addAll(f.get());
            }
            pool.shutdown();
            report("random pages, size 50, " + threads + " clients", all, System.nanoTime() - loadStart);
        }
    }

    private static String get(HttpClient client, String url, String key) throws Exception {
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", key).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) {
            throw new IllegalStateException(url + " → " + r.statusCode() + " " + r.body());
        }
        return r.body();
    }

    private static int count(String body) {
        Matcher m = USCC.matcher(body);
        int n = 0;
        while (m.find()) {
            n++;
        }
        return n;
    }

    private static void report(String what, List<Long> nanos, long wallNanos) {
        List<Long> sorted = new ArrayList<>(nanos);
        Collections.sort(sorted);
        System.out.printf(Locale.ROOT, "%s: %,d requests, p50 %.1f ms, p99 %.1f ms, max %.1f ms, %.0f requests/s%n", what,
                sorted.size(), sorted.get(sorted.size() / 2) / 1e6, sorted.get((int) (sorted.size() * 0.99)) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6, sorted.size() / (wallNanos / 1e9));
    }
}
