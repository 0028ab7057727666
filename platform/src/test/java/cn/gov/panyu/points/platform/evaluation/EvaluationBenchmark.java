package cn.gov.panyu.points.platform.evaluation;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.platform.PointsPlatformApplication;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

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
                runs.publish(run, "benchmark");
                long published = System.nanoTime();
                System.out.printf(Locale.ROOT, "%s run %d: load+score+store %.2f s, notice+publish %.3f s, total %.2f s (hash %s)%n",
                        database, i + 1, (computed - start) / 1e9, (published - computed) / 1e9, (published - start) / 1e9,
                        runs.summary(run).shortHash());
            }
        } finally {
            if (postgres != null) {
                postgres.close();
            }
        }
    }
}
