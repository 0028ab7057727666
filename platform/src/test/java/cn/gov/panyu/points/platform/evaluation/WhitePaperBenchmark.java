package cn.gov.panyu.points.platform.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.platform.PointsPlatformApplication;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.whitepaper.WhitePaper;
import cn.gov.panyu.points.platform.whitepaper.WhitePapers;

/**
 * Benchmark, not a test (the build never runs it): generating the latest year's 白皮书 over N synthetic
 * enterprises in three published years on H2 (docs/benchmarks.md, docs/adr/0016-white-paper.md) — time from the
 * request to the stored PDF and HTML, and the heap used meanwhile. Beside {@link DashboardBenchmark} for the
 * fixtures that write a district and publish its runs; run from platform/ as it is:
 * <pre>
 *   java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *        cn.gov.panyu.points.platform.evaluation.WhitePaperBenchmark [enterprises]
 * </pre>
 */
public final class WhitePaperBenchmark {

    private WhitePaperBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        Path dir = Files.createTempDirectory("points-benchmark");
        // no warm-up: the first generation pays the snapshots' read, as right after a restart
        List<String> settings = List.of("--points.data-dir=" + dir, "--points.demo.enabled=false", "--server.port=0",
                "--logging.level.root=WARN", "--points.analytics.warm-up=false");
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
                System.out.printf(Locale.ROOT, "%d published with %,d enterprises in %.1f s (setup)%n", year, enterprises,
                        (System.nanoTime() - t) / 1e9);
            }
            WhitePapers papers = context.getBean(WhitePapers.class);
            generate(papers, "first (reads the three years' snapshots)");
            generate(papers, "second (snapshots in memory)");
            generate(papers, "third");
        }
    }

    private static void generate(WhitePapers papers, String what) throws InterruptedException {
        long base = usedHeap();
        AtomicLong peak = new AtomicLong(base);
        long start = System.nanoTime();
        papers.generate(2025, "benchmark");
        WhitePaper p = papers.paper(2025).orElseThrow();
        while (p.running()) {
            Thread.sleep(50);
            Runtime rt = Runtime.getRuntime();
            peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
            p = papers.paper(2025).orElseThrow();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        int pdf = papers.pdf(2025).content().length;
        System.out.printf(Locale.ROOT, "white paper, %-42s %s in %.1f s; PDF %,d bytes; heap before %.0f MB, highest seen %.0f MB%n",
                what, p.status(), seconds, pdf, base / 1e6, peak.get() / 1e6);
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
