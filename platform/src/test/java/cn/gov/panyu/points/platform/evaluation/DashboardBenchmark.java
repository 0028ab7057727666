package cn.gov.panyu.points.platform.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.platform.PointsPlatformApplication;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.analytics.DashboardFilter;
import cn.gov.panyu.points.platform.analytics.DistrictDashboard;
import cn.gov.panyu.points.platform.analytics.SnapshotWarmUp;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Benchmark, not a test (the build never runs it): the 统计看板's work per request over N synthetic
 * enterprises in three published years, on H2 or an embedded PostgreSQL (docs/benchmarks.md,
 * docs/adr/0013-dashboard-aggregation.md). Lives beside {@link EvaluationBenchmark} for the fixtures that
 * write a district and publish its runs. Run from platform/ as EvaluationBenchmark is run:
 * <pre>
 *   java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *        cn.gov.panyu.points.platform.evaluation.DashboardBenchmark h2|postgres [enterprises]
 * </pre>
 */
public final class DashboardBenchmark {

    private DashboardBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int enterprises = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        Path dir = Files.createTempDirectory("points-benchmark");
        EmbeddedPostgres postgres = null;
        List<String> settings = new ArrayList<>(List.of("--points.data-dir=" + dir, "--points.demo.enabled=false",
                "--server.port=0", "--logging.level.root=WARN"));
        if (database.startsWith("p")) {
            postgres = EmbeddedPostgres.builder().start();
            settings.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres")
                    + "&reWriteBatchedInserts=true", "--spring.datasource.username=postgres", "--spring.datasource.password="));
        }
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PointsPlatformApplication.class)
                .run(settings.toArray(String[]::new))) {
            PlatformUser staff = new PlatformUser("benchmark", "", "基准测试", Role.STAFF, null, null, true, false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EvaluationRuns runs = context.getBean(EvaluationRuns.class);
            long model = context.getBean(ScoreModels.class).activeModelId();
            for (int year = 2023; year <= 2025; year++) {
                long t = System.nanoTime();
                DistrictFixture.load(jdbc, 20251, year, enterprises);
                long run = runs.runNow(year, model, "benchmark");
                runs.putOnNotice(run, LocalDate.now(), "benchmark");
                NoticePeriods.endedYesterday(jdbc, run);
                runs.publish(run, "benchmark");
                System.out.printf(Locale.ROOT, "%s: %d published with %,d enterprises in %.1f s (setup)%n", database, year,
                        enterprises, (System.nanoTime() - t) / 1e9);
            }
            // a user opens the dashboard after the publication's warm-up has read the years: timing the first
            // request while the warm-up still reads 3 × 100,000 lines on the same cores would time the warm-up
            long waited = System.nanoTime();
            if (!context.getBean(SnapshotWarmUp.class).awaitIdle(Duration.ofMinutes(30))) {
                throw new IllegalStateException("the dashboard's warm-up did not finish in 30 minutes");
            }
            System.out.printf(Locale.ROOT, "%s: waited %.1f s for the dashboard's warm-up%n", database,
                    (System.nanoTime() - waited) / 1e9);
            DistrictDashboard dashboard = context.getBean(DistrictDashboard.class);
            String town = jdbc.queryForObject("select min(town) from enterprise", String.class);
            String industry = jdbc.queryForObject("select min(industry) from enterprise", String.class);
            time(database, "whole district, latest year", () -> dashboard.view(DashboardFilter.none()));
            System.out.printf(Locale.ROOT, "%s: used heap after full GCs (snapshots, qualifications, H2 caches) ≈ %.0f MB%n",
                    database, usedHeap() / 1e6);
            time(database, "one stage and town, 2024", () -> dashboard.view(new DashboardFilter(2024, "GROWTH", town, null)));
            time(database, "one industry, 2025", () -> dashboard.view(new DashboardFilter(2025, null, null, industry)));
            // a qualification filter reads each year's qualifications (once per stamp) and tallies per request
            time(database, "one qualification (高企), 2025", () -> dashboard.view(new DashboardFilter(2025, null, null, null, "HTE")));
            time(database, "one stage and qualification, 2024",
                    () -> dashboard.view(new DashboardFilter(2024, "GROWTH", null, null, "TSME")));
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * Used heap after full GCs. (The three snapshots' share is no longer told apart: the warm-up reads them
     * while the years are published.)
     */
    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    /**
     * The first call and then p50 / p95 / max of 50 calls. The snapshots are read by then (the warm-up); the
     * first call of a filter pays its indicator figures (kept per run and filter) and a cold JIT.
     */
    private static void time(String database, String what, Supplier<?> call) {
        long start = System.nanoTime();
        call.get();
        double first = (System.nanoTime() - start) / 1e6;
        int n = 50;
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            long t = System.nanoTime();
            call.get();
            ms[i] = (System.nanoTime() - t) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(Locale.ROOT, "%s dashboard, %-30s first %.0f ms, p50 %.1f ms, p95 %.1f ms, max %.1f ms%n",
                database, what, first, ms[n / 2], ms[(int) Math.ceil(n * 0.95) - 1], ms[n - 1]);
    }
}
