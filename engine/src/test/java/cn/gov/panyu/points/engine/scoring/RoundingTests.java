package cn.gov.panyu.points.engine.scoring;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.math.BigDecimal;
import java.math.RoundingMode;

import static org.assertj.core.api.Assertions.assertThat;

class RoundingTests {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({
            "0, 0", "0.004, 0", "0.005, 1", "0.125, 13", "2.675, 268", "1.005, 101", "295.375, 29538",
            "999.994999, 99999", "1000, 100000", "-2.675, -268", "-0.004, 0", "12345678.125, 1234567813"
    })
    void roundsHalfUpOnTheShortestDecimalForm(double value, long cents) {
        assertThat(Rounding.cents(value)).isEqualTo(cents);
    }

    @Test
    void fastPathAgreesWithBigDecimalOnManyScoreLikeValues() {
        java.util.SplittableRandom random = new java.util.SplittableRandom(7);
        for (int k = 0; k < 200_000; k++) {
            // weight × (average rank / n) is what indicator points look like
            int n = 1 + random.nextInt(5000);
            double f = (random.nextInt(n) + (random.nextInt(4) + 1) / 2.0) / n;
            double value = (10 * (1 + random.nextInt(12))) * f;
            long expected = BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).unscaledValue().longValueExact();
            assertThat(Rounding.cents(value)).as("value %s", value).isEqualTo(expected);
        }
    }

    @Test
    void formatsPlainTwoDecimals() {
        assertThat(Rounding.format(29538)).isEqualTo("295.38");
        assertThat(Rounding.format(5)).isEqualTo("0.05");
        assertThat(Rounding.format(0)).isEqualTo("0.00");
        assertThat(Rounding.format(-1250)).isEqualTo("-12.50");
        assertThat(Rounding.decimal(29538)).isEqualByComparingTo("295.38");
    }
}
