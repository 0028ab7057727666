package cn.gov.panyu.points.platform.quality;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.platform.PointsPlatformApplication;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.evaluation.DistrictFixture;

/**
 * End-to-end benchmark of a data-quality detection, not a test (the build never runs it): N synthetic
 * enterprises in a fresh H2 file database, this year and last year (last year = this year's records with
 * 上年营业收入 as revenue and R&amp;D staff scaled by 0.8), then {@link QualityReviews#detect} — both years read
 * from the database, the four rules, the open flags replaced — timed. Run from platform/ like
 * {@code EvaluationBenchmark}:
 * <pre>
 *   java -Xmx2g -cp target/test-classes:target/classes:$(cat target/cp.txt) \
 *        cn.gov.panyu.points.platform.quality.QualityBenchmark [enterprises] [repeats]
 * </pre>
 */
public final class QualityBenchmark {

    private QualityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int enterprises = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        Path dir = Files.createTempDirectory("points-quality-benchmark");
        List<String> settings = List.of("--points.data-dir=" + dir, "--points.demo.enabled=false", "--server.port=0",
                "--logging.level.root=WARN");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(PointsPlatformApplication.class)
                .run(settings.toArray(String[]::new))) {
            PlatformUser staff = new PlatformUser("benchmark", "", "基准测试", Role.STAFF, null, null, true, false);
            SecurityContextHolder.getContext().setAuthentication(
                    UsernamePasswordAuthenticationToken.authenticated(staff, null, staff.getAuthorities()));
            JdbcTemplate jdbc = context.getBean(JdbcTemplate.class);
            int year = 2025;
            long t = System.nanoTime();
            List<EnterpriseRecord> records = DistrictFixture.load(jdbc, 20251, year, enterprises);
            List<EnterpriseRecord> lastYear = new ArrayList<>();
            for (EnterpriseRecord r : records) {
                double staffBefore = r.value(InputField.RD_STAFF);
                lastYear.add(r.with(InputField.REVENUE_Y0, r.value(InputField.REVENUE_Y1))
                        .with(InputField.RD_STAFF, Double.isNaN(staffBefore) ? staffBefore : Math.round(staffBefore * 0.8)));
            }
            DistrictFixture.replace(jdbc, year - 1, lastYear);
            System.out.printf(Locale.ROOT, "%,d enterprises, two years written in %.1f s (setup, not timed)%n", enterprises,
                    (System.nanoTime() - t) / 1e9);
            QualityReviews reviews = context.getBean(QualityReviews.class);
            for (int i = 0; i < repeats; i++) {
                long start = System.nanoTime();
                QualityReviews.Detection d = reviews.detect(year, "benchmark");
                System.out.printf(Locale.ROOT, "detection %d: %.2f s, %,d enterprises, %,d flags raised%n", i + 1,
                        (System.nanoTime() - start) / 1e9, d.enterprises(), d.raised());
            }
        }
    }
}
