package cn.gov.panyu.points.platform.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.collection.DataSource;

class DemoDistrictTests {

    private static final int LATEST = 2025;
    private final DemoDistrict district = new DemoDistrict(DemoDistrictLoader.SEED, LATEST, 300);

    @Test
    void coversTheLatestYearAndTheTwoBefore() {
        assertThat(district.years()).containsExactly(2023, 2024, 2025);
        assertThat(district.records(LATEST)).hasSize(300);
    }

    @Test
    void isTheSameDistrictEveryTime() {
        DemoDistrict again = new DemoDistrict(DemoDistrictLoader.SEED, LATEST, 300);
        for (int year : district.years()) {
            assertThat(again.records(year)).isEqualTo(district.records(year));
            assertThat(again.csv(DataSource.TAX, year)).isEqualTo(district.csv(DataSource.TAX, year));
        }
    }

    @Test
    void lastYearsRevenueIsThisYearsPreviousYearRevenue() {
        Map<String, EnterpriseRecord> earlier = byUscc(district.records(LATEST - 1));
        int compared = 0;
        for (EnterpriseRecord now : district.records(LATEST)) {
            EnterpriseRecord before = earlier.get(now.uscc());
            if (before == null || now.isMissing(InputField.REVENUE_Y1)) {
                continue;
            }
            assertThat(before.value(InputField.REVENUE_Y0)).isCloseTo(now.value(InputField.REVENUE_Y1), within(0.005));
            if (!now.isMissing(InputField.REVENUE_Y2)) {
                assertThat(before.value(InputField.REVENUE_Y1)).isCloseTo(now.value(InputField.REVENUE_Y2), within(0.005));
            }
            compared++;
        }
        assertThat(compared).isGreaterThan(200);
    }

    @Test
    void someHteOfTheLatestYearBecameOneLaterAndNoneLostIt() {
        Map<String, EnterpriseRecord> twoBefore = byUscc(district.records(LATEST - 2));
        Map<String, EnterpriseRecord> before = byUscc(district.records(LATEST - 1));
        int becameLastYear = 0;
        int becameThisYear = 0;
        for (EnterpriseRecord now : district.records(LATEST)) {
            EnterpriseRecord b = before.get(now.uscc());
            EnterpriseRecord bb = twoBefore.get(now.uscc());
            if (b == null || bb == null) {
                continue;
            }
            // once 高企, 高企 in every later year of the demo
            assertThat(!bb.has(Qualification.HTE) || b.has(Qualification.HTE)).isTrue();
            assertThat(!b.has(Qualification.HTE) || now.has(Qualification.HTE)).isTrue();
            becameLastYear += !bb.has(Qualification.HTE) && b.has(Qualification.HTE) ? 1 : 0;
            becameThisYear += !b.has(Qualification.HTE) && now.has(Qualification.HTE) ? 1 : 0;
        }
        assertThat(becameLastYear).isPositive();
        assertThat(becameThisYear).isPositive();
    }

    @Test
    void enterprisesFoundedLaterAreAbsentFromEarlierYearsAndTheRestKeepTheirRegistry() {
        List<EnterpriseRecord> latest = district.records(LATEST);
        List<EnterpriseRecord> twoBefore = district.records(LATEST - 2);
        assertThat(twoBefore).allSatisfy(r -> assertThat(r.established().getYear()).isLessThanOrEqualTo(LATEST - 2));
        long expected = latest.stream().filter(r -> r.established().getYear() <= LATEST - 2).count();
        assertThat(twoBefore).hasSize((int) expected).hasSizeLessThan(latest.size());
        Map<String, EnterpriseRecord> now = byUscc(latest);
        assertThat(twoBefore).allSatisfy(r -> {
            assertThat(r.name()).isEqualTo(now.get(r.uscc()).name());
            assertThat(r.established()).isEqualTo(now.get(r.uscc()).established());
        });
    }

    @Test
    void earlierYearsKeepTheRecordRulesTheImportChecks() {
        for (EnterpriseRecord r : district.records(LATEST - 2)) {
            if (!r.isMissing(InputField.RD_STAFF)) {
                assertThat(r.value(InputField.RD_STAFF)).isLessThanOrEqualTo(r.value(InputField.EMPLOYEES));
            }
            if (!r.isMissing(InputField.HITECH_REVENUE)) {
                assertThat(r.value(InputField.HITECH_REVENUE)).isLessThanOrEqualTo(r.value(InputField.REVENUE_Y0));
            }
            assertThat(r.value(InputField.REVENUE_Y0)).isGreaterThanOrEqualTo(0);
            assertThat(r.negatives()).isEmpty();
        }
    }

    @Test
    void eachDepartmentFileCarriesExactlyItsTemplateColumns() {
        String tax = new String(district.csv(DataSource.TAX, LATEST), StandardCharsets.UTF_8);
        String[] lines = tax.split("\n");
        assertThat(lines).hasSize(301);
        assertThat(lines[0]).isEqualTo("uscc,name," + String.join(",", DataSource.TAX.fields()));
        String market = new String(district.csv(DataSource.MARKET, LATEST), StandardCharsets.UTF_8);
        assertThat(market.lines().findFirst().orElseThrow()).isEqualTo("uscc,name,town,industry,established,negatives");
    }

    @Test
    void aDepartmentReportsOnlyItsOwnNegativeCodes() {
        String market = new String(district.csv(DataSource.MARKET, LATEST), StandardCharsets.UTF_8);
        String tax = new String(district.csv(DataSource.TAX, LATEST), StandardCharsets.UTF_8);
        assertThat(market).doesNotContain("TAX_D");
        assertThat(tax).doesNotContain("ABNORMAL").doesNotContain("DISHONEST");
        assertThat(market + tax).containsAnyOf("ABNORMAL", "TAX_D", "DISHONEST");
    }

    @Test
    void declaredFiguresDisagreeWithTheDepartmentsBeyondTolerance() {
        EnterpriseRecord withRd = district.records(LATEST).stream()
                .filter(r -> r.value(InputField.RD_EXPENSE) > 100).findFirst().orElseThrow();
        Map<String, String> declared = SelfDeclarations.declared(withRd);
        double rd = Double.parseDouble(declared.get("rd_expense"));
        assertThat(rd / withRd.value(InputField.RD_EXPENSE)).isGreaterThan(1.05);
        assertThat(declared.get("employees")).isEqualTo(Long.toString(Math.round(withRd.value(InputField.EMPLOYEES)) + 2));
        assertThat(declared.get("revenue_y0")).isEqualTo(DemoDistrict.cell(withRd, "revenue_y0", DataSource.TAX));
    }

    private static Map<String, EnterpriseRecord> byUscc(List<EnterpriseRecord> records) {
        return records.stream().collect(Collectors.toMap(EnterpriseRecord::uscc, Function.identity()));
    }
}
