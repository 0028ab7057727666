package cn.gov.panyu.points.platform.collection;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Random;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;
import cn.gov.panyu.points.platform.EmbeddedPostgresDatabase;

/**
 * Benchmark, not a test: a 100,000-row XLSX department import (市场监管, creating 100,000 enterprises,
 * then 税务 for all of them), each timed end to end — read, validate, store, merge, checks. Not run by
 * {@code mvn verify} (the class name matches no test pattern); run it on its own, with the heap limit
 * under test:
 *
 * <pre>
 * mvn -q -pl platform -am verify -Denforcer.skip -Dtest=DepartmentImportBenchmark \
 *     -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m
 * </pre>
 *
 * It uses a database of its own without demo data: an H2 file in target/benchmark-data (delete the folder
 * first for a fresh one), or with {@code -Dbenchmark.database=postgres} an embedded PostgreSQL server. With
 * {@code -Dbenchmark.warm-up=20000} an untimed pair of 20,000-row files goes first, so that the timed pair
 * measures the import in a server that has run it before rather than in a JVM that compiles it meanwhile.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE,
        properties = {"points.data-dir=target/benchmark-data", "points.demo.enabled=false"})
class DepartmentImportBenchmark {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        if ("postgres".equals(System.getProperty("benchmark.database"))) {
            POSTGRES.register(registry);
        }
    }

    @AfterAll
    static void stopDatabase() {
        POSTGRES.close();
    }

    private static final int ROWS = 100_000;

    @Autowired
    DepartmentImports imports;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Test
    void import100000RowXlsx() throws IOException {
        CollectionFixtures.signInAsStaff();
        int year = 2030 + (int) (System.currentTimeMillis() / 1000 % 60); // a fresh year on every run, after every founding date
        int warmUp = Integer.getInteger("benchmark.warm-up", 0);
        if (warmUp > 0) {
            // a running server has compiled the import's code already; a cold JVM compiles it during the import
            System.out.printf("warm-up: %,d rows of each file for %d (not the figure)%n", warmUp, year - 1);
            importPair(year - 1, warmUp);
        }
        importPair(year, ROWS);
    }

    private void importPair(int year, int rows) throws IOException {
        long seed = System.nanoTime();
        String[] codes = new String[rows];
        for (int i = 0; i < rows; i++) {
            String body = String.format("9144%02d%011d", year % 100, (seed % 1_000_000 * ROWS + i) % 100_000_000_000L);
            codes[i] = body + UnifiedSocialCreditCode.checkCharacter(body);
        }
        byte[] market = market(codes, year);
        byte[] tax = tax(codes);
        String writeDelay = h2Setting("WRITE_DELAY");
        String cacheSize = h2Setting("info.CACHE_MAX_SIZE");
        System.out.printf("database %s (H2 WRITE_DELAY %s, cache %s MB), max heap %d MB, cpus %d; market file %.1f MB, tax file %.1f MB%n",
                System.getProperty("benchmark.database", "h2"), writeDelay, cacheSize, Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors(), market.length / 1e6, tax.length / 1e6);
        time(String.format("市场监管 %,d rows (creates the enterprises)", rows), rows,
                () -> imports.load(DataSource.MARKET, year, "market.xlsx", market, false, "benchmark", phases()));
        time(String.format("税务 %,d rows", rows), rows,
                () -> imports.load(DataSource.TAX, year, "tax.xlsx", tax, false, "benchmark", phases()));
    }

    private String h2Setting(String name) {
        return "postgres".equals(System.getProperty("benchmark.database")) ? "-"
                : jdbc.sql("select setting_value from information_schema.settings where setting_name = ?").param(name)
                        .query(String.class).optional().orElse("?");
    }

    /** Prints when each phase starts, to see where the time goes. */
    private static ImportProgress phases() {
        long t0 = System.nanoTime();
        String[] last = {""};
        return (phase, done, total) -> {
            if (!phase.equals(last[0])) {
                last[0] = phase;
                System.out.printf("  %,6d ms  %s%n", (System.nanoTime() - t0) / 1_000_000, phase);
            }
        };
    }

    private static void time(String what, int rows, java.util.function.Supplier<ImportResult> run) {
        System.gc();
        // the import runs on this thread (embedded H2 too), so its CPU time is a steadier figure than the
        // wall clock on a machine shared with other work; the process's CPU time adds H2's background
        // writer (which writes on the committing thread instead when WRITE_DELAY is 0), the GC and the JIT
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long process0 = os.getProcessCpuTime();
        long t0 = System.nanoTime();
        ImportResult r = run.get();
        long ms = (System.nanoTime() - t0) / 1_000_000;
        long cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1_000_000;
        long processMs = (os.getProcessCpuTime() - process0) / 1_000_000;
        System.out.printf("BENCHMARK %s: %s, %d rows in %,d ms (this thread's CPU %,d ms, the process's %,d ms)%n", what,
                r.status(), r.rowsLoaded(), ms, cpuMs, processMs);
        assertThat(r.rowsLoaded()).as(r.message()).isEqualTo(rows);
    }

    private static byte[] market(String[] codes, int year) throws IOException {
        List<String> towns = List.copyOf(ReadRules.panyu(year).towns());
        String[] industries = {"C39", "C35", "I65", "M73", "C34", "F51"};
        Random random = new Random(7);
        return xlsx(codes.length, List.of("*统一社会信用代码", "*企业名称", "*所属镇街", "*行业代码", "*成立日期(yyyy-MM-dd)", "负面情形"),
                (ws, r) -> {
                    ws.value(r, 0, codes[r - 1]);
                    ws.value(r, 1, "广州番禺基准测试科技有限公司" + r);
                    ws.value(r, 2, towns.get(random.nextInt(towns.size())));
                    ws.value(r, 3, industries[random.nextInt(industries.length)]);
                    ws.value(r, 4, LocalDate.of(2000 + random.nextInt(20), 1 + random.nextInt(12), 1 + random.nextInt(28)));
                    ws.style(r, 4).format("yyyy-mm-dd").set();
                    if (random.nextInt(100) == 0) {
                        ws.value(r, 5, "ABNORMAL");
                    }
                });
    }

    private static byte[] tax(String[] codes) throws IOException {
        Random random = new Random(11);
        return xlsx(codes.length, List.of("*统一社会信用代码", "企业名称", "*本年营业收入(万元)", "上年营业收入(万元)", "前年营业收入(万元)",
                "净利润(万元)", "纳税总额(万元)", "研发费用(万元)", "成本费用总额(万元)"), (ws, r) -> {
            double revenue = Math.round(Math.exp(4 + random.nextDouble() * 6) * 100) / 100.0;
            ws.value(r, 0, codes[r - 1]);
            ws.value(r, 1, "广州番禺基准测试科技有限公司" + r);
            ws.value(r, 2, revenue);
            ws.value(r, 3, Math.round(revenue * (0.7 + random.nextDouble() * 0.5) * 100) / 100.0);
            ws.value(r, 4, Math.round(revenue * (0.5 + random.nextDouble() * 0.5) * 100) / 100.0);
            ws.value(r, 5, Math.round(revenue * (random.nextDouble() * 0.3 - 0.05) * 100) / 100.0);
            ws.value(r, 6, Math.round(revenue * 0.06 * 100) / 100.0);
            ws.value(r, 7, Math.round(revenue * random.nextDouble() * 0.12 * 100) / 100.0);
            ws.value(r, 8, Math.round(revenue * 0.85 * 100) / 100.0);
        });
    }

    interface RowWriter {
        void write(Worksheet ws, int row);
    }

    private static byte[] xlsx(int count, List<String> header, RowWriter rows) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Workbook wb = new Workbook(out, "benchmark", "1.0");
        Worksheet ws = wb.newWorksheet("数据");
        for (int c = 0; c < header.size(); c++) {
            ws.value(0, c, header.get(c));
        }
        for (int r = 1; r <= count; r++) {
            rows.write(ws, r);
            if (r % 10_000 == 0) {
                ws.flush();
            }
        }
        wb.finish();
        return out.toByteArray();
    }
}
