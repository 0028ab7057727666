package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The reader must produce exactly {@link Double#parseDouble}'s double: ties in scoring compare doubles. */
class DecimalsTests {

    @Property(tries = 3000)
    void equalsParseDoubleBitForBit(@ForAll("decimals") String text) {
        assertThat(Double.doubleToRawLongBits(Decimals.parse(text, false)))
                .as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Property(tries = 300)
    void theCsvFastPathAgreesWithTheGeneralParser(@ForAll("decimals") String text) {
        // the fast path and the general parser are separate code; a count column reads through both
        String csv = Fixtures.csv(java.util.List.of(Fixtures.validRowWith("net_profit", text)));
        ReadResult r = Fixtures.read(csv);
        assertThat(r.violations()).isEmpty();
        assertThat(Double.doubleToRawLongBits(r.records().get(0).value(InputField.NET_PROFIT)))
                .as(text)
                .isEqualTo(Double.doubleToRawLongBits(Double.parseDouble(text)));
    }

    @Provide
    Arbitrary<String> decimals() {
        Arbitrary<String> integerPart = Arbitraries.oneOf(
                Arbitraries.longs().between(0, 99_999).map(String::valueOf),
                Arbitraries.longs().between(0, Long.MAX_VALUE).map(String::valueOf),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(30));
        Arbitrary<String> fraction = Arbitraries.oneOf(
                Arbitraries.just(""),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(4).map(f -> "." + f),
                Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(25).map(f -> "." + f));
        Arbitrary<String> sign = Arbitraries.of("", "-", "+");
        // plus values near rounding boundaries: the shortest text of random doubles, and halfway points
        Arbitrary<String> boundaries = Arbitraries.doubles().between(0, 1e17)
                .map(d -> new BigDecimal(d).add(new BigDecimal(Math.ulp(d)).divide(BigDecimal.valueOf(2))).toPlainString());
        return Arbitraries.oneOf(
                Combinators.combine(sign, integerPart, fraction).as((s, i, f) -> s + i + f),
                Arbitraries.doubles().between(-1e9, 1e9).map(d -> BigDecimal.valueOf(d).toPlainString()),
                boundaries);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", "+", ".", "NaN", "Infinity", "-Infinity", "0x1F", "0x1p3", "1e5", "1E5", "1d",
            "1f", "1.2.3", "1 000", "１２", "12-", "--1", "1,234", "½"})
    void rejectsWhatIsNotAPlainDecimal(String text) {
        assertThat(Decimals.parse(text, false)).isNaN();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1,234", "12,345.5", "123,456,789.25", "-1,000", "0,001"})
    void acceptsThousandsSeparatorsWhenAllowed(String text) {
        assertThat(Decimals.parse(text, true)).isEqualTo(Double.parseDouble(text.replace(",", "")));
    }

    @ParameterizedTest
    @ValueSource(strings = {",123", "1,23", "1,2345", "12345,678", "1,234,56", "1,,234", "1.234,5", "1,234.5,6"})
    void rejectsMisplacedSeparators(String text) {
        assertThat(Decimals.parse(text, true)).isNaN();
    }

    @org.junit.jupiter.api.Test
    void keepsTheSignOfZero() {
        assertThat(Double.doubleToRawLongBits(Decimals.parse("-0.00", false))).isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(Decimals.parse("5.", false)).isEqualTo(5.0);
        assertThat(Decimals.parse(".5", false)).isEqualTo(0.5);
        assertThat(Decimals.parse("1" + "0".repeat(400), false)).isInfinite();
    }
}
