package cn.gov.panyu.points.platform.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.PointsPlatformApplication;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.enterprise.EnterpriseDirectory;
import cn.gov.panyu.points.platform.enterprise.EnterpriseFilter;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TableQuery;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * End-to-end benchmark, not a test (the build never runs it): an evaluation run over N synthetic
 * enterprises — load from the database → score → store → 公示 → publish — on a fresh H2 file database or
 * an embedded PostgreSQL. The district is written straight into enterprise / enterprise_year first
 * (not timed). Run from platform/ after {@code mvn -pl platform -am test-compile}:
 * <pre>
 *   mvn -q -pl platform dependency:build-classpath -Dmdep.outputFile=target/cp.txt
 *   java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *        cn.gov.panyu.points.platform.evaluation.EvaluationBenchmark h2|postgres [enterprises] [repeats]
 * </pre>
 */
public final class EvaluationBenchmark {

    private EvaluationBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        String database = args.length > 0 ? args[0] : "h2";
        int enterprises = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        int repeats = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path dir = Files.createTempDirectory("points-benchmark");
        EmbeddedPostgres postgres = null;
        // command-line arguments: they outrank application.yaml, unlike the builder's default properties
        List<String> settings = new ArrayList<>(List.of("--points.data-dir=" + dir, "--points.demo.enabled=false",
                "--server.port=0", "--logging.level.root=WARN",
                "--logging.level.cn.gov.panyu.points.platform.evaluation=INFO"));
        if (database.startsWith("p")) {
            postgres = EmbeddedPostgres.builder().start();
            settings.addAll(List.of("--spring.datasource.url=" + postgres.getJdbcUrl("postgres", "postgres")
                    + "&reWriteBatchedInserts=true", "--spring.datasource.username=postgres", "--spring.datasource.password="));
        }
        SpringApplicationBuilder app = new SpringApplicationBuilder(PointsPlatformApplication.class);
        try (ConfigurableApplicationContext context = app.run(settings.toArray(String[]::new))) {
            PlatformUser staff = new PlatformUser("benchmark", "", "基准测试", Role.STAFF, null, null, true, false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            EvaluationRuns runs = context.getBean(EvaluationRuns.class);
            long model = context.getBean(ScoreModels.class).activeModelId();
            int year = 2025;

            long t = System.nanoTime();
            DistrictFixture.load(jdbc, 20251, year, enterprises);
            System.out.printf(Locale.ROOT, "%s: %,d enterprises written in %.1f s (setup, not timed)%n", database,
                    enterprises, (System.nanoTime() - t) / 1e9);

            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                long run = runs.runNow(year, model, "benchmark");
                long computed = System.nanoTime();
                runs.putOnNotice(run, LocalDate.now(), "benchmark");
                NoticePeriods.endedYesterday(jdbc, run);
                runs.publish(run, "benchmark");
                long published = System.nanoTime();
                System.out.printf(Locale.ROOT, "%s run %d: load+score+store %.2f s, notice+publish %.3f s, total %.2f s (hash %s)%n",
                        database, i + 1, (computed - start) / 1e9, (published - computed) / 1e9, (published - start) / 1e9,
                        runs.summary(run).shortHash());
            }
            readModel(context, year);
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }

    /**
     * The published-scores read model over the published district: the lookups every page makes (one
     * enterprise's result and history, a tier list page, tier counts) and the staff directory filtered by
     * stage and sorted by total — each timed as the mean of repeated calls after a warm-up. The tier counts
     * repeat one query, which H2 answers from its result cache while the tables do not change.
     */
    private static void readModel(ConfigurableApplicationContext context, int year) {
        PublishedResults published = context.getBean(PublishedResults.class);
        EnterpriseDirectory directory = context.getBean(EnterpriseDirectory.class);
        List<String> usccs = context.getBean(JdbcTemplate.class)
                .queryForList("select uscc from score_result order by uscc limit 500", String.class);
        EnterpriseFilter growthByTotal = new EnterpriseFilter(null, null, null, "GROWTH", null, null, year);
        Map<String, Runnable> reads = new LinkedHashMap<>();
        int[] i = {0};
        reads.put("result of one enterprise", () -> published.of(usccs.get(i[0]++ % usccs.size()).trim(), year));
        reads.put("history of one enterprise", () -> published.history(usccs.get(i[0]++ % usccs.size()).trim()));
        // pages vary: H2 hands back a cached result for a repeated identical query
        reads.put("tier list page (stage, tier)", () -> published.page(ScoreFilter.tierList(year, Stage.GROWTH, Tier.RUN),
                TableQuery.of(1 + i[0]++ % 20, 20, null, null)));
        reads.put("tier counts of the year", () -> published.tierCounts(year));
        reads.put("staff directory page (stage filter, by total)", () -> directory.page(growthByTotal,
                TableQuery.of(1 + i[0]++ % 200, 20, "total", "desc")));
        for (Map.Entry<String, Runnable> read : reads.entrySet()) {
            for (int w = 0; w < 20; w++) {
                read.getValue().run();
            }
            int n = 100;
            long start = System.nanoTime();
            for (int k = 0; k < n; k++) {
                read.getValue().run();
            }
            System.out.printf(Locale.ROOT, "read model: %-48s %.2f ms%n", read.getKey(), (System.nanoTime() - start) / 1e6 / n);
        }
    }
}
