package cn.gov.panyu.points.engine.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The reader counts days itself rather than make a {@link LocalDate} per row; the count must be
 * {@link LocalDate#toEpochDay()}'s, since records compare and print establishment dates as LocalDates.
 */
class DatesTests {

    private static final long FIRST_DAY = LocalDate.of(0, 1, 1).toEpochDay();
    private static final long LAST_DAY = LocalDate.of(9999, 12, 31).toEpochDay();

    @Property(tries = 5000)
    void epochDayIsLocalDatesForEveryValidDate(@ForAll("dates") LocalDate date) {
        assertThat((long) Dates.epochDay(date.getYear(), date.getMonthValue(), date.getDayOfMonth()))
                .as(date.toString())
                .isEqualTo(date.toEpochDay());
    }

    @Provide
    Arbitrary<LocalDate> dates() {
        // a random day, or a day next to a year, month or century boundary where the arithmetic turns
        Arbitrary<LocalDate> any = Arbitraries.longs().between(FIRST_DAY, LAST_DAY).map(LocalDate::ofEpochDay);
        Arbitrary<Integer> years = Arbitraries.oneOf(
                Arbitraries.of(0, 1, 2, 3, 4, 99, 100, 400, 1600, 1899, 1900, 1969, 1970, 1999, 2000, 2023, 2024, 2100,
                        2400, 9999),
                Arbitraries.integers().between(0, 9999));
        Arbitrary<LocalDate> edges = years.flatMap(y -> Arbitraries.of(
                LocalDate.of(y, 1, 1), LocalDate.of(y, 2, 28), LocalDate.of(y, 3, 1), LocalDate.of(y, 12, 31),
                LocalDate.of(y, 2, 1).withDayOfMonth(LocalDate.of(y, 2, 1).lengthOfMonth())));
        return Arbitraries.oneOf(any, edges);
    }

    @ParameterizedTest(name = "{0}-{1}-{2} → {3}")
    @CsvSource({
            "1970, 1, 1, 0", "1969, 12, 31, -1", "1970, 1, 2, 1", "2000, 2, 29, 11016", "2000, 3, 1, 11017",
            "1900, 2, 28, -25509", "1900, 3, 1, -25508", "2024, 2, 29, 19782", "2024, 12, 31, 20088",
            "0, 1, 1, -719528", "0, 2, 29, -719469", "9999, 12, 31, 2932896"
    })
    void countsTheDaysOfWorkedExamples(int y, int m, int d, int expected) {
        assertThat(Dates.epochDay(y, m, d)).isEqualTo(expected);
        assertThat(LocalDate.ofEpochDay(expected)).isEqualTo(LocalDate.of(y, m, d)); // the table itself is right
    }
}
