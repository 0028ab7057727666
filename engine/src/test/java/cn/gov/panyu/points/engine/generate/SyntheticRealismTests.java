package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import static cn.gov.panyu.points.engine.input.InputField.EMPLOYEES;
import static cn.gov.panyu.points.engine.input.InputField.HITECH_REVENUE;
import static cn.gov.panyu.points.engine.input.InputField.NET_PROFIT;
import static cn.gov.panyu.points.engine.input.InputField.RD_EXPENSE;
import static cn.gov.panyu.points.engine.input.InputField.RD_STAFF;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y0;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y1;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y2;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The data looks like a district: the shares and relations the generator promises hold on 100,000
 * enterprises. The seed is fixed, so these are exact regressions with tolerances that leave room for
 * deliberate retuning, not flaky statistics.
 */
class SyntheticRealismTests {

    private static final int YEAR = 2025;
    private static final int N = 100_000;
    private static List<EnterpriseRecord> district;

    @BeforeAll
    static void generate() {
        district = new SyntheticDistrict(20_250_101, YEAR).records(N);
    }

    @Test
    void stagesAreAbout55Percent38Percent7Percent() {
        assertThat(share(r -> revenue(r) < 500)).isCloseTo(0.55, within(0.01));
        assertThat(share(r -> revenue(r) >= 500 && revenue(r) < 10_000)).isCloseTo(0.38, within(0.01));
        assertThat(share(r -> revenue(r) >= 10_000)).isCloseTo(0.07, within(0.005));
    }

    @Test
    void revenueIsHeavyTailedWithSomeZerosAndRoundFigures() {
        double[] sorted = district.stream().mapToDouble(SyntheticRealismTests::revenue).sorted().toArray();
        double median = sorted[N / 2];
        assertThat(sorted[N - 1] / median).isGreaterThan(1_000);
        assertThat(sorted[N * 99 / 100] / median).isGreaterThan(50);
        assertThat(share(r -> revenue(r) == 0)).isBetween(0.003, 0.03);
        // round figures make ties the scorer must handle
        assertThat(share(r -> revenue(r) > 0 && revenue(r) < 500 && revenue(r) == Math.rint(revenue(r))))
                .isGreaterThan(0.01);
    }

    @Test
    void youngFirmsHaveNoRevenueBeforeTheyExisted() {
        for (EnterpriseRecord r : district) {
            int founded = r.established().getYear();
            if (founded == YEAR) {
                assertThat(r.isMissing(REVENUE_Y1) && r.isMissing(REVENUE_Y2)).as(r.uscc()).isTrue();
            } else if (founded == YEAR - 1) {
                assertThat(r.isMissing(REVENUE_Y2)).as(r.uscc()).isTrue();
            }
        }
        assertThat(share(r -> r.isMissing(REVENUE_Y1))).isBetween(0.005, 0.08);
        assertThat(share(r -> r.isMissing(REVENUE_Y2))).isBetween(0.02, 0.15);
    }

    @Test
    void foundingYearsSpreadFrom1990AndLeanRecent() {
        Map<Integer, Long> byYear = district.stream()
                .collect(Collectors.groupingBy(r -> r.established().getYear(), Collectors.counting()));
        assertThat(byYear.keySet()).contains(1990, 2000, 2010, 2020, YEAR)
                .allSatisfy(y -> assertThat(y).isBetween(1990, YEAR));
        assertThat(byYear.get(2020)).isGreaterThan(byYear.get(2000));
        assertThat(byYear.get(YEAR) / (double) N).isLessThan(0.05);
    }

    @Test
    void manyFirmsDoNoResearchAndResearchGrowsWithRevenue() {
        assertThat(share(r -> value(r, RD_EXPENSE) == 0)).isBetween(0.15, 0.5);
        double smallRd = median(r -> revenue(r) < 500 && value(r, RD_EXPENSE) > 0, RD_EXPENSE);
        double largeRd = median(r -> revenue(r) >= 10_000 && value(r, RD_EXPENSE) > 0, RD_EXPENSE);
        assertThat(largeRd).isGreaterThan(50 * smallRd);
        // software and research spend more of their revenue on R&D than trade does
        assertThat(medianIntensity("I65")).isGreaterThan(3 * medianIntensity("F51"));
    }

    @Test
    void someFirmsLoseMoney() {
        assertThat(share(r -> value(r, NET_PROFIT) < 0)).isBetween(0.2, 0.45);
    }

    @Test
    void optionalCellsAreSometimesMissingButRequiredNever() {
        for (InputField f : InputField.numericFields()) {
            double missing = share(r -> r.isMissing(f));
            if (f.required()) {
                assertThat(missing).as(f.key()).isZero();
            } else {
                assertThat(missing).as(f.key()).isBetween(0.001, 0.4);
            }
        }
        assertThat(share(r -> r.isMissing(NET_PROFIT))).isBetween(0.02, 0.1);
    }

    @Test
    void qualificationsFollowFromTheNumbers() {
        for (EnterpriseRecord r : district) {
            if (r.has(Qualification.HTE)) {
                double floor = revenue(r) <= 5_000 ? 0.05 : revenue(r) <= 20_000 ? 0.04 : 0.03;
                assertThat(value(r, RD_EXPENSE) / revenue(r)).as(r.uscc()).isGreaterThanOrEqualTo(floor);
                assertThat(value(r, RD_STAFF) * 10).as(r.uscc()).isGreaterThanOrEqualTo(value(r, EMPLOYEES));
                assertThat(value(r, HITECH_REVENUE)).as(r.uscc()).isGreaterThanOrEqualTo(0.6 * revenue(r));
                assertThat(r.established().getYear()).as(r.uscc()).isLessThan(YEAR);
            }
            if (r.has(Qualification.TSME)) {
                assertThat(value(r, EMPLOYEES)).as(r.uscc()).isLessThanOrEqualTo(500);
                assertThat(revenue(r)).as(r.uscc()).isLessThanOrEqualTo(20_000);
                assertThat(r.has(Negative.ABNORMAL) || r.has(Negative.DISHONEST) || r.has(Negative.ACCIDENT)).isFalse();
            }
        }
        double hte = share(r -> r.has(Qualification.HTE));
        assertThat(hte).isBetween(0.08, 0.3);
        assertThat(share(r -> r.has(Qualification.TSME))).isBetween(0.15, 0.45);
        assertThat(share(r -> r.has(Qualification.LITTLE_GIANT))).isBetween(0.0005, 0.01);
        assertThat(share(r -> r.has(Qualification.GAZELLE))).isBetween(0.005, 0.08);
        assertThat(medianIntensity(r -> r.has(Qualification.HTE)))
                .isGreaterThan(2 * medianIntensity(r -> !r.has(Qualification.HTE)));
    }

    @Test
    void oneOrTwoPercentAreOnTheNegativeListVetoesRarest() {
        assertThat(share(r -> !r.negatives().isEmpty())).isBetween(0.01, 0.02);
        long dishonest = count(r -> r.has(Negative.DISHONEST));
        long accident = count(r -> r.has(Negative.ACCIDENT));
        long abnormal = count(r -> r.has(Negative.ABNORMAL));
        long taxD = count(r -> r.has(Negative.TAX_D));
        assertThat(Math.max(dishonest, accident)).isPositive().isLessThan(Math.min(abnormal, taxD));
    }

    @Test
    void everyTownIsUsedAndTheUniversityTownDashiAndNancunAreBusiest() {
        Map<String, Long> byTown = district.stream()
                .collect(Collectors.groupingBy(EnterpriseRecord::town, Collectors.counting()));
        assertThat(byTown).hasSize(16);
        List<String> busiest = byTown.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(3).map(Map.Entry::getKey).toList();
        assertThat(busiest).containsExactlyInAnyOrder("小谷围街道", "大石街道", "南村镇");
    }

    @Test
    void allKeyIndustriesAppearAndIndustriesClusterWhereTheyDoInPanyu() {
        Set<String> key = Set.of("C36", "C24", "C18", "C34", "C35", "C39", "C27", "I64", "I65", "M73");
        Set<String> used = district.stream().map(EnterpriseRecord::industry).collect(Collectors.toSet());
        assertThat(used).containsAll(key).contains("C38", "C29", "C40", "F51", "L72", "M74");
        assertThat(share(r -> key.contains(r.industry()))).isBetween(0.4, 0.75);
        // the 番禺汽车城 pulls car makers to 化龙 and 石楼
        double carsThere = count(r -> r.industry().equals("C36") && Set.of("化龙镇", "石楼镇").contains(r.town()))
                / (double) count(r -> r.industry().equals("C36"));
        assertThat(carsThere).isGreaterThan(0.4);
    }

    @Test
    void namesLookRegisteredAndRarelyRepeat() {
        assertThat(district).allSatisfy(r -> assertThat(r.name())
                .matches("广州(市|番禺)?\\p{IsHan}{4,16}(有限公司|股份有限公司|有限责任公司)"));
        Set<String> names = new HashSet<>();
        district.forEach(r -> names.add(r.name()));
        assertThat(names.size()).isGreaterThan((int) (0.998 * N));
    }

    @Test
    void countsHaveManyZerosAndTies() {
        for (InputField f : List.of(InputField.IP_CLASS1, InputField.RD_PLATFORMS, InputField.AWARDS_5Y,
                InputField.STANDARDS_5Y, InputField.PROJECTS_3Y, InputField.CONTEST_AWARD_3Y)) {
            assertThat(share(r -> value(r, f) == 0)).as(f.key()).isGreaterThan(0.6);
            assertThat(share(r -> value(r, f) >= 1)).as(f.key()).isGreaterThan(0.005);
        }
        assertThat(share(r -> value(r, InputField.IP_CLASS2) >= 3)).isGreaterThan(0.05);
    }

    private static double revenue(EnterpriseRecord r) {
        return r.value(REVENUE_Y0);
    }

    /** The value, NaN when missing — so every comparison with a missing value is false. */
    private static double value(EnterpriseRecord r, InputField f) {
        return r.value(f);
    }

    private static long count(Predicate<EnterpriseRecord> p) {
        return district.stream().filter(p).count();
    }

    private static double share(Predicate<EnterpriseRecord> p) {
        return count(p) / (double) N;
    }

    private static double median(Predicate<EnterpriseRecord> p, InputField f) {
        double[] v = district.stream().filter(p).filter(r -> !r.isMissing(f))
                .mapToDouble(r -> r.value(f)).sorted().toArray();
        return v[v.length / 2];
    }

    private static double medianIntensity(String industry) {
        return medianIntensity(r -> r.industry().equals(industry));
    }

    private static double medianIntensity(Predicate<EnterpriseRecord> p) {
        double[] v = district.stream().filter(p).filter(r -> revenue(r) > 0 && !r.isMissing(RD_EXPENSE))
                .mapToDouble(r -> r.value(RD_EXPENSE) / revenue(r)).sorted().toArray();
        return v[v.length / 2];
    }
}
