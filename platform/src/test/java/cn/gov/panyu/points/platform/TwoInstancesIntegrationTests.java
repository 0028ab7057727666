package cn.gov.panyu.points.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.evaluation.SlowResultStore;

/**
 * Two instances of the platform, each in its own JVM, on one PostgreSQL database and one data folder, as
 * production runs them behind a load balancer (docs/adr/0017). One browser talks to both: signed in on
 * A, it goes on on B, CSRF-protected forms included; four simultaneous 开始计算 over both start one run; an
 * administrator on B ends a session opened on A; when A is killed while computing, B takes the run over
 * once its lease expires, and the year's next run on B finishes. Started together on the empty database
 * with demo mode on, they load the demo district once and log no error.
 */
class TwoInstancesIntegrationTests {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase().start();
    private static final Duration LEASE = Duration.ofSeconds(3);
    private static final int YEAR = LocalDate.now().getYear() - 1;
    private static final String INTERRUPTED = "平台重启导致计算中断，请重新计算。";

    private final JdbcClient db = JdbcClient.create(POSTGRES.dataSource());

    @AfterAll
    static void stopDatabase() {
        POSTGRES.close();
    }

    @Test
    void twoInstancesShareSessionsRunsAndTheDemoAndOneTakesOverTheRunsOfTheOtherWhenItDies() throws Exception {
        Path data = Path.of("target", "two-instances", UUID.randomUUID().toString().substring(0, 8), "data").toAbsolutePath();
        CookieManager browser = new CookieManager();
        String[] common = concat(POSTGRES.platformArgs(), SlowResultStore.args(Duration.ofSeconds(4)),
                "--points.runs.lease=" + LEASE.toMillis() + "ms", "--points.demo.enterprises=120");
        // both start at once on the empty database: Flyway, the accounts and the demo district race
        CompletableFuture<PlatformProcess> startingA = CompletableFuture.supplyAsync(() -> PlatformProcess.start(data, browser, common));
        CompletableFuture<PlatformProcess> startingB = CompletableFuture.supplyAsync(() -> PlatformProcess.start(data, browser,
                concat(common, "--logging.structured.format.console=ecs")));
        try (PlatformProcess a = startingA.join(); PlatformProcess b = startingB.join()) {
            a.awaitReady(Duration.ofMinutes(4));
            b.awaitReady(Duration.ofMinutes(4));

            theDemoDistrictWasLoadedOnceWithoutErrors(a, b);
            signedInOnAGoesOnOnBWithItsCsrfToken(a, b);
            anAdministratorOnBEndsASessionOpenedOnA(a, b);
            fourSimultaneousStartsOverBothInstancesStartOneRun(a, b);
            theRunOfAKilledInstanceIsTakenOverAndTheNextRunFinishesOnTheOther(a, b);
            assertThat(problems(b)).as("errors or stack traces in the log of B, " + b.log()).isEmpty();
        }
    }

    private void theDemoDistrictWasLoadedOnceWithoutErrors(PlatformProcess a, PlatformProcess b) {
        assertThat(problems(a)).as("errors or stack traces in " + a.log()).isEmpty();
        assertThat(problems(b)).as("errors or stack traces in " + b.log()).isEmpty();
        long loaded = List.of(a, b).stream().filter(p -> read(p.log()).contains("演示数据加载完成")).count();
        assertThat(loaded).as("instances that loaded the demo district").isEqualTo(1);
        assertThat(db.sql("select count(*) from data_import").query(Long.class).single())
                .as("department files of the demo district: 3 years × 6 departments").isEqualTo(18);
        assertThat(db.sql("select count(*) from evaluation_run where status = 'PUBLISHED'").query(Long.class).single())
                .isEqualTo(3);
        assertThat(db.sql("select count(*) from app_user where username in ('admin', 'staff', 'bank', 'expert', 'ent')")
                .query(Long.class).single()).isEqualTo(5);
        assertThat(read(b.log())).as("B logs structured (ECS) when asked to").contains("\"@timestamp\"", "\"log\":{\"level\":\"INFO\"");
    }

    private void signedInOnAGoesOnOnBWithItsCsrfToken(PlatformProcess a, PlatformProcess b) {
        a.signIn("staff", SignIn.DEMO_PASSWORD);
        assertThat(b.page("/evaluation/runs")).as("B knows the session A opened").contains("开始计算");
        String tokenFromA = a.csrf("/evaluation/runs");
        HttpResponse<String> onB = b.postWithToken("/evaluation/notice/objections", tokenFromA, Map.of());
        assertThat(onB.statusCode()).as("a form of A's page posted to B passes the CSRF check").isEqualTo(302);
        assertThat(onB.headers().firstValue("Location").orElse("")).endsWith("/evaluation/notice");
        assertThat(b.postWithToken("/evaluation/notice/objections", "forged", Map.of()).statusCode())
                .as("a wrong token is still refused").isEqualTo(403);
    }

    private void anAdministratorOnBEndsASessionOpenedOnA(PlatformProcess a, PlatformProcess b) {
        PlatformProcess expertOnA = a.anotherBrowser().signIn("expert", SignIn.DEMO_PASSWORD);
        assertThat(expertOnA.get("/account/password").statusCode()).isEqualTo(200);
        PlatformProcess adminOnB = b.anotherBrowser().signIn("admin", SignIn.DEMO_PASSWORD);
        assertThat(adminOnB.postForm("/admin/users/expert", "/admin/users/expert/disable", Map.of()).statusCode()).isEqualTo(302);

        HttpResponse<String> after = expertOnA.get("/account/password");
        assertThat(after.statusCode()).isEqualTo(302);
        assertThat(after.headers().firstValue("Location").orElse("")).endsWith("/login?expired");
    }

    private void fourSimultaneousStartsOverBothInstancesStartOneRun(PlatformProcess a, PlatformProcess b) throws Exception {
        long before = latestRun();
        String token = a.csrf("/evaluation/runs");
        Map<String, String> form = Map.of("year", String.valueOf(YEAR), "modelId", activeModel());
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<HttpResponse<String>>> starts = new ArrayList<>();
        for (PlatformProcess instance : List.of(a, b, a, b)) {
            starts.add(CompletableFuture.supplyAsync(() -> {
                await(go);
                return instance.postWithToken("/evaluation/runs", token, form);
            }));
        }
        go.countDown();
        List<String> locations = starts.stream().map(CompletableFuture::join)
                .map(r -> r.statusCode() + " " + r.headers().firstValue("Location").orElse("")).toList();

        List<Long> started = db.sql("select id from evaluation_run where id > ? order by id").param(before).query(Long.class).list();
        assertThat(started).as("runs started by " + locations).hasSize(1);
        assertThat(locations).filteredOn(l -> l.endsWith("/evaluation/runs/" + started.get(0))).hasSize(1);
        assertThat(locations).filteredOn(l -> l.endsWith("/evaluation/runs")).hasSize(3);
        awaitStatus(started.get(0), "DRAFT", Duration.ofSeconds(90));
    }

    private void theRunOfAKilledInstanceIsTakenOverAndTheNextRunFinishesOnTheOther(PlatformProcess a, PlatformProcess b) {
        Map<String, String> form = Map.of("year", String.valueOf(YEAR), "modelId", activeModel());
        HttpResponse<String> onA = a.postWithToken("/evaluation/runs", a.csrf("/evaluation/runs"), form);
        long run = Long.parseLong(onA.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        awaitStatus(run, "RUNNING", Duration.ofSeconds(30));
        a.kill(); // while its results are being saved (the store waits 4 s first)

        awaitStatus(run, "FAILED", Duration.ofSeconds(30));
        assertThat(db.sql("select message from evaluation_run where id = ?").param(run).query(String.class).single())
                .isEqualTo(INTERRUPTED);
        assertThat(db.sql("select count(*) from score_result where run_id = ?").param(run).query(Long.class).single())
                .as("the taken-over run's results are removed").isZero();
        // B logs the takeover after its update commits: the FAILED status can be seen a moment earlier
        b.awaitLog("Took over evaluation run " + run, Duration.ofSeconds(10));

        // the same browser, its session opened on the dead instance, starts the year again on B
        HttpResponse<String> onB = b.postWithToken("/evaluation/runs", b.csrf("/evaluation/runs"), form);
        assertThat(onB.headers().firstValue("Location").orElse("")).matches(".*/evaluation/runs/\\d+");
        long retry = Long.parseLong(onB.headers().firstValue("Location").orElseThrow().replaceAll(".*/", ""));
        awaitStatus(retry, "DRAFT", Duration.ofSeconds(90));
        assertThat(b.page("/evaluation/runs/" + retry)).contains("待公示");
    }

    // ---- helpers ----

    private long latestRun() {
        return db.sql("select coalesce(max(id), 0) from evaluation_run").query(Long.class).single();
    }

    private String activeModel() {
        return db.sql("select id from score_model where status = 'ACTIVE'").query(Long.class).single().toString();
    }

    private void awaitStatus(long run, String status, Duration timeout) {
        PlatformProcess.awaitValue("run " + run, () -> db.sql("select status from evaluation_run where id = ?").param(run)
                .query(String.class).single().strip(), status, timeout);
    }

    /** Lines of an error, plain or structured (ECS), and stack traces. */
    private static List<String> problems(PlatformProcess platform) {
        return read(platform.log()).lines()
                .filter(l -> l.contains(" ERROR ") || l.contains("\"level\":\"ERROR\"") || l.startsWith("\tat ")
                        || l.contains("\"stack_trace\"") || l.contains("Exception:"))
                .toList();
    }

    private static String read(Path log) {
        try {
            return Files.readString(log, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String[] concat(String[] first, String... more) {
        String[] all = new String[first.length + more.length];
        System.arraycopy(first, 0, all, 0, first.length);
        System.arraycopy(more, 0, all, first.length, more.length);
        return all;
    }

    private static String[] concat(String[] first, String[] second, String... more) {
        return concat(concat(first, second), more);
    }
}
