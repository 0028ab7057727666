package cn.gov.panyu.points.platform.table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.thymeleaf.util.NumberPointType;
import org.thymeleaf.util.NumberUtils;

/**
 * {@link PageNumbers} replaced Thymeleaf's #numbers in every template: it must write every number exactly as
 * #numbers did on the platform's zh_CN pages, for every kind of number SpEL hands it. (jqwik runs on the engine's
 * JUnit line only, so the sweep is a seeded random one plus the edge cases.)
 */
class PageNumbersTests {

    private static final Locale PAGES = Locale.SIMPLIFIED_CHINESE;
    private final PageNumbers fmt = new PageNumbers();

    @Test
    void writesWhatThymeleafWrote() {
        for (Number n : numbers()) {
            assertThat(fmt.integer(n)).as("integer %s", n)
                    .isEqualTo(NumberUtils.format(n, 1, NumberPointType.COMMA, PAGES));
            for (int d = 0; d <= PageNumbers.MAX_DECIMALS; d++) {
                assertThat(fmt.grouped(n, d)).as("grouped %s, %d", n, d)
                        .isEqualTo(NumberUtils.format(n, 1, NumberPointType.COMMA, d, NumberPointType.POINT, PAGES));
                assertThat(fmt.plain(n, d)).as("plain %s, %d", n, d)
                        .isEqualTo(NumberUtils.format(n, 1, d, PAGES))
                        .isEqualTo(NumberUtils.format(n, 1, d, NumberPointType.POINT, PAGES));
            }
        }
    }

    @Test
    void noTemplateFormatsThroughThymeleafsNumbers() throws IOException {
        // #numbers builds a locale's symbols twice per number: the cost this class was made to remove (ADR 0019)
        try (Stream<Path> files = Files.walk(Path.of("src/main/resources/templates"))) {
            List<String> using = files.filter(f -> f.toString().endsWith(".html"))
                    .filter(f -> read(f).contains("#numbers."))
                    .map(Path::toString).toList();
            assertThat(using).as("templates using #numbers instead of #fmt").isEmpty();
        }
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Test
    void examples() {
        assertThat(fmt.grouped(1234567.125, 2)).isEqualTo("1,234,567.12"); // half-even, as #numbers
        assertThat(fmt.grouped(new BigDecimal("0.135"), 2)).isEqualTo("0.14");
        assertThat(fmt.integer(-9876543L)).isEqualTo("-9,876,543");
        assertThat(fmt.plain(12345.678, 1)).isEqualTo("12345.7");
        assertThat(fmt.grouped(null, 2)).isNull();
        assertThat(fmt.integer(null)).isNull();
    }

    @Test
    void refusesDecimalsNoPageAsksFor() {
        assertThatThrownBy(() -> fmt.grouped(1, 7)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> fmt.plain(1, -1)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void sharedAcrossThreads() throws InterruptedException {
        // one prototype per pattern, a copy per call: concurrent pages must not garble each other's digits
        List<Thread> threads = new ArrayList<>();
        List<String> wrong = Collections.synchronizedList(new ArrayList<>());
        for (int t = 0; t < 4; t++) {
            long base = 1_000_000L * (t + 1);
            Thread thread = new Thread(() -> {
                for (long i = 0; i < 20_000; i++) {
                    String expected = String.format(Locale.ROOT, "%,d", base + i);
                    String got = fmt.integer(base + i);
                    if (!expected.equals(got)) {
                        wrong.add(got);
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        assertThat(wrong).isEmpty();
    }

    private static List<Number> numbers() {
        List<Number> all = new ArrayList<>(List.of(0, -0.0, 0.5, 1.5, 2.5, -2.5, 0.005, 0.015, 0.125, 999.995,
                1234.5, -1234.5, 1e15, -1e-7, Double.NaN, Double.POSITIVE_INFINITY, Integer.MAX_VALUE, Long.MIN_VALUE,
                new BigDecimal("12345.6750"), new BigDecimal("-0.0005"), new BigDecimal("1E+3")));
        SplittableRandom random = new SplittableRandom(20261204);
        for (int i = 0; i < 3_000; i++) {
            int scale = random.nextInt(0, 9);
            double magnitude = Math.pow(10, random.nextInt(-3, 10));
            double d = (random.nextDouble() * 2 - 1) * magnitude;
            all.add(d);
            all.add(BigDecimal.valueOf(Math.round(d * Math.pow(10, scale % 5))).movePointLeft(scale % 5));
            all.add(random.nextLong(-10_000_000_000L, 10_000_000_000L));
            all.add(random.nextInt());
        }
        return all;
    }
}
