package cn.gov.panyu.points.engine.output;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.panyu.points.engine.scoring.Rounding;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The writer formats numbers into bytes itself; every number must read exactly as {@link Rounding#format}
 * and {@link Long#toString} write it, since the result file is compared byte for byte (spec sample).
 */
class RowBufferTests {

    @Property(tries = 5000)
    void centsAreWrittenAsRoundingFormatsThem(@ForAll("cents") long cents) {
        assertThat(text(new RowBuffer(0).cents(cents))).isEqualTo(Rounding.format(cents));
    }

    @Provide
    Arbitrary<Long> cents() {
        return Arbitraries.oneOf(
                Arbitraries.longs().between(-1_000_000_000_000_000L, 1_000_000_000_000_000L),
                Arbitraries.longs().between(-100_000, 100_000),
                // around the switch from int to long arithmetic
                Arbitraries.longs().between(-5, 5).map(d -> 100L * Integer.MAX_VALUE + d),
                Arbitraries.longs().between(-200, 200).map(d -> 100L * (Integer.MAX_VALUE + 1L) + d));
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 5, 9, 10, 99, 100, 101, 110, 999, 1000, 999_999, 1_000_000, 29_538, Integer.MAX_VALUE,
            (long) Integer.MAX_VALUE + 1, 100L * Integer.MAX_VALUE + 99, 100L * Integer.MAX_VALUE + 100,
            Long.MAX_VALUE / 2, Long.MAX_VALUE, -1, -5, -99, -100, -101, -1250, -999_999, Integer.MIN_VALUE,
            -(long) Integer.MAX_VALUE - 1, -Long.MAX_VALUE / 2, -Long.MAX_VALUE})
    void centsAtTheEdges(long cents) {
        assertThat(text(new RowBuffer(0).cents(cents))).isEqualTo(Rounding.format(cents));
    }

    @Test
    void centsOfWorkedExamples() {
        // independent of Rounding.format, in case both drifted together
        assertThat(text(new RowBuffer(0).cents(29_538))).isEqualTo("295.38");
        assertThat(text(new RowBuffer(0).cents(5))).isEqualTo("0.05");
        assertThat(text(new RowBuffer(0).cents(0))).isEqualTo("0.00");
        assertThat(text(new RowBuffer(0).cents(-1_250))).isEqualTo("-12.50");
        assertThat(text(new RowBuffer(0).cents(-7))).isEqualTo("-0.07");
        assertThat(text(new RowBuffer(0).cents(100_000_000_000L))).isEqualTo("1000000000.00");
    }

    @Property(tries = 5000)
    void integersAreWrittenAsLongToStringWritesThem(@ForAll("integers") long v) {
        assertThat(text(new RowBuffer(0).integer(v))).isEqualTo(Long.toString(v));
    }

    @Provide
    Arbitrary<Long> integers() {
        // not Long.MIN_VALUE, which has no positive counterpart to negate into (nor does Rounding.format handle
        // it); ranks are ints and cents come from Rounding.cents, which cannot produce it
        return Arbitraries.oneOf(
                Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE),
                Arbitraries.longs().between(-1_000_000, 1_000_000),
                Arbitraries.integers().map(i -> (long) i),
                Arbitraries.integers().between(0, 18).map(p -> (long) Math.pow(10, p)),
                Arbitraries.integers().between(0, 18).map(p -> (long) Math.pow(10, p) - 1),
                Arbitraries.longs().between(-3, 3).map(d -> Integer.MAX_VALUE + d),
                Arbitraries.longs().between(-3, 3).map(d -> Integer.MIN_VALUE + d));
    }

    @Test
    void manyNumbersInOneBufferGrowItAndKeepTheirOrder() {
        RowBuffer buf = new RowBuffer(0);
        StringBuilder expected = new StringBuilder();
        SplittableRandom random = new SplittableRandom(11);
        for (int k = 0; k < 5_000; k++) {
            long v = random.nextLong() >> random.nextInt(64);
            if (v == Long.MIN_VALUE) {
                continue;
            }
            buf.integer(v).comma().cents(v).newline();
            expected.append(v).append(',').append(Rounding.format(v)).append('\n');
        }
        assertThat(buf.size()).isEqualTo(expected.length());
        assertThat(text(buf)).isEqualTo(expected.toString());
    }

    @Test
    void commaCentsWritesTheRangeOnly() {
        long[] values = {1, 29_538, -1_250, 7};
        assertThat(text(new RowBuffer(0).commaCents(values, 1, 3))).isEqualTo(",295.38,-12.50");
    }

    // ---------------------------------------------------------------- needsCsvEscaping

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"x\")", "+86公司", "-减号公司", "@公司", "\t公司", "\r公司", "甲,乙公司",
            "\"引号\"公司", "公司\"", "一行\n两行", "一行\r两行", "结尾逗号,", ",", "=", "A,B"})
    void textThatFormulasOrCsvWouldMisreadNeedsEscaping(String text) {
        assertThat(escaping(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"广州某某有限公司", "A&B(广州)", "ABC科技(广州)有限公司", "公司=股份", "公司-分部", "公司+", "公司@番禺",
            "'=已中和", " 前有空格", "公司\t制表", "😀表情公司", ""})
    void ordinaryTextDoesNot(String text) {
        assertThat(escaping(text)).isFalse();
    }

    @Test
    void onlyTheTextSinceTheMarkCounts() {
        // the row so far holds a comma and starts with '-': neither concerns the field after the mark
        RowBuffer buf = new RowBuffer(0);
        buf.utf8("-91440113TPAGEHRRE7,\"x\"").comma();
        int mark = buf.size();
        buf.utf8("广州某某有限公司");
        assertThat(buf.needsCsvEscaping(mark)).isFalse();
        int next = buf.comma().size();
        buf.utf8("=1+1");
        assertThat(buf.needsCsvEscaping(next)).isTrue();
        assertThat(buf.needsCsvEscaping(buf.size())).as("an empty field").isFalse();
        buf.truncate(next);
        assertThat(buf.needsCsvEscaping(next)).as("after truncating back to the mark").isFalse();
        assertThat(text(buf)).isEqualTo("-91440113TPAGEHRRE7,\"x\",广州某某有限公司,");
    }

    @Property(tries = 2000)
    void needsEscapingExactlyWhenTheStringPathWouldChangeTheText(@ForAll("fieldTexts") String text) {
        // the String path: neutralise, then quote; a field that neither changes can be copied as bytes
        StringBuilder sb = new StringBuilder();
        CsvResultWriter.appendText(sb, SpreadsheetText.neutralise(text));
        assertThat(escaping(text)).as(text).isEqualTo(!sb.toString().equals(text));
    }

    @Provide
    Arbitrary<String> fieldTexts() {
        return Arbitraries.strings().withChars("=+-@\t\r\n,\"' 甲乙公司Aa").ofMaxLength(6);
    }

    private static boolean escaping(String text) {
        RowBuffer buf = new RowBuffer(0);
        buf.utf8("91440113TPAGEHRRE7").comma();
        int mark = buf.size();
        buf.utf8(text);
        return buf.needsCsvEscaping(mark);
    }

    private static String text(RowBuffer buf) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            buf.writeTo(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
