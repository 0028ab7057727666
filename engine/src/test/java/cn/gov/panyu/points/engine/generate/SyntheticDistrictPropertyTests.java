package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What must hold for every seed and year, not just the ones the example tests picked: edge values plus
 * a spread of random ones (drawn from a fixed seed, so a failure reproduces).
 */
class SyntheticDistrictPropertyTests {

    @ParameterizedTest(name = "seed {0}, year {1}")
    @MethodSource("seedsAndYears")
    void everyDistrictKeepsTheInputContract(long seed, int year) {
        List<EnterpriseRecord> records = new SyntheticDistrict(seed, year).records(500);
        assertThat(SpecRules.violations(records, year)).isEmpty();
    }

    @ParameterizedTest(name = "seed {0}: {2} + 1 + {3} rows")
    @MethodSource("seedsAndSplits")
    void howTheRowsAreTakenNeverChangesThem(long seed, int year, int first, int second) {
        List<EnterpriseRecord> whole = new SyntheticDistrict(seed, year).records(first + 1 + second);

        SyntheticDistrict district = new SyntheticDistrict(seed, year);
        List<EnterpriseRecord> pieces = new ArrayList<>(district.records(first));
        pieces.add(district.next());
        pieces.addAll(district.records(second));

        assertThat(pieces).isEqualTo(whole);
    }

    static Stream<Arguments> seedsAndYears() {
        SplittableRandom random = new SplittableRandom(4754);
        Stream<Arguments> edges = Stream.of(
                Arguments.of(0L, 1990), Arguments.of(-1L, 1991), Arguments.of(Long.MIN_VALUE, 2000),
                Arguments.of(Long.MAX_VALUE, 2096), Arguments.of(1L, 2100),
                Arguments.of(2L, SyntheticDistrict.LAST_YEAR));
        Stream<Arguments> randoms = Stream.generate(() -> Arguments.of(random.nextLong(), random.nextInt(1990, 2101)))
                .limit(50);
        return Stream.concat(edges, randoms);
    }

    static Stream<Arguments> seedsAndSplits() {
        SplittableRandom random = new SplittableRandom(32100);
        Stream<Arguments> edges = Stream.of(Arguments.of(0L, 2025, 0, 0), Arguments.of(Long.MIN_VALUE, 1990, 0, 40),
                Arguments.of(Long.MAX_VALUE, 2025, 40, 0));
        Stream<Arguments> randoms = Stream.generate(() -> Arguments.of(random.nextLong(), random.nextInt(1990, 2101),
                random.nextInt(41), random.nextInt(41))).limit(50);
        return Stream.concat(edges, randoms);
    }
}
