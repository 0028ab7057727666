package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static cn.gov.panyu.points.engine.cultivation.Examples.check;
import static cn.gov.panyu.points.engine.cultivation.Examples.tsme;
import static org.assertj.core.api.Assertions.assertThat;

/** 科技型中小企业 on worked examples: every band boundary at, just below and just above. */
class TsmeTests {

    @Test
    void theWorkedExamplePasses() {
        Tsme.Result r = Tsme.assess(tsme());
        assertThat(r.outcome()).isEqualTo(Tsme.Outcome.PASS);
        assertThat(r.staff()).isEqualTo(20);
        assertThat(r.rd()).isEqualTo(50);
        assertThat(r.ip()).isEqualTo(12);
        assertThat(r.total()).isEqualTo(82);
        assertThat(r.missing()).isEmpty();
    }

    /** S&T staff of 100 employees. */
    @ParameterizedTest
    @CsvSource({"31,20", "30,20", "29,16", "26,16", "25,16", "24,12", "21,12", "20,12", "19,8", "16,8", "15,8",
            "14,4", "11,4", "10,4", "9,0", "0,0"})
    void staffBands(int stStaff, int points) {
        assertThat(Tsme.assess(tsme().with(CultivationField.ST_STAFF, stStaff)).staff()).isEqualTo(points);
    }

    /** R&D against sales of 10000 万元; the cost ratio kept out of play with a huge total cost. */
    @ParameterizedTest
    @CsvSource({"600.01,50", "600,50", "599.99,40", "500.01,40", "500,40", "499.99,30", "400.01,30", "400,30",
            "399.99,20", "300.01,20", "300,20", "299.99,10", "200.01,10", "200,10", "199.99,0"})
    void rdToSalesBands(double rd, int points) {
        Facts f = tsme().with(InputField.REVENUE_Y0, 10000).with(InputField.RD_EXPENSE, rd)
                .with(CultivationField.TOTAL_COST_EXPENSE, 1e9);
        assertThat(Tsme.assess(f).rd()).isEqualTo(points);
    }

    /** R&D against a total cost of 1000 万元; sales so large that their ratio scores 0. */
    @ParameterizedTest
    @CsvSource({"300.01,50", "300,50", "299.99,40", "250,40", "249.99,30", "200,30", "199.99,20", "150,20",
            "149.99,10", "100,10", "99.99,0"})
    void rdToCostBands(double rd, int points) {
        Facts f = tsme().with(InputField.REVENUE_Y0, 19000).with(InputField.RD_EXPENSE, rd)
                .with(CultivationField.TOTAL_COST_EXPENSE, 1000);
        assertThat(Tsme.assess(f).rd()).isEqualTo(points);
    }

    @Test
    void theBetterOfTheTwoRatiosCounts() {
        // 2 % of sales (10) but 30 % of cost (50)
        Facts f = tsme().with(InputField.REVENUE_Y0, 10000).with(InputField.RD_EXPENSE, 200)
                .with(CultivationField.TOTAL_COST_EXPENSE, 666);
        assertThat(Tsme.assess(f).rd()).isEqualTo(50);
    }

    @Test
    void aBoundaryThatDoublesMissIsMet() {
        // 9.2 / 230 is a hair below 0.04 in doubles; the rule's 4 % is met exactly
        Facts f = tsme().with(InputField.REVENUE_Y0, 230).with(InputField.RD_EXPENSE, 9.2)
                .with(CultivationField.TOTAL_COST_EXPENSE, 1e9);
        assertThat(9.2 / 230 >= 0.04).isFalse();
        assertThat(Tsme.assess(f).rd()).isEqualTo(30);
    }

    @ParameterizedTest
    @CsvSource({"1,0,30", "1,9,30", "0,5,24", "0,4,24", "0,3,18", "0,2,12", "0,1,6", "0,0,0"})
    void ipBands(int class1, int class2, int points) {
        Facts f = tsme().with(CultivationField.MAIN_IP_CLASS1, class1).with(CultivationField.MAIN_IP_CLASS2, class2);
        assertThat(Tsme.assess(f).ip()).isEqualTo(points);
    }

    /** Totals move in steps of 2: 58 is the value just below 60. */
    @ParameterizedTest
    @CsvSource({
            "10,240,1,PASS",     // 4 + 50 + 6 = 60
            "10,240,2,PASS",     // 4 + 50 + 12 = 66, just above
            "15,240,0,FAIL",     // 8 + 50 + 0 = 58
            "9,240,4,FAIL",      // 0 + 50 + 24 = 74, but the staff score is 0
    })
    void passNeedsSixtyAndStaffPoints(int stStaff, double rd, int class2, Tsme.Outcome outcome) {
        Facts f = tsme().with(CultivationField.ST_STAFF, stStaff).with(InputField.RD_EXPENSE, rd)
                .with(CultivationField.MAIN_IP_CLASS2, class2);
        assertThat(Tsme.assess(f).outcome()).isEqualTo(outcome);
    }

    /** Staff 500 and 501 with S&T staff kept at 30 %. */
    @ParameterizedTest
    @CsvSource({"499,PASS", "500,PASS", "501,NOT_ELIGIBLE"})
    void staffLimit(int employees, Tsme.Outcome outcome) {
        Facts f = tsme().with(InputField.EMPLOYEES, employees).with(CultivationField.ST_STAFF, Math.ceil(employees * 0.3));
        assertThat(Tsme.assess(f).outcome()).isEqualTo(outcome);
    }

    /** Sales around 20000 万元 with R&D kept at 6 %. */
    @ParameterizedTest
    @CsvSource({"19999.99,PASS", "20000,PASS", "20000.01,NOT_ELIGIBLE"})
    void salesLimit(double sales, Tsme.Outcome outcome) {
        Facts f = tsme().with(InputField.REVENUE_Y0, sales).with(InputField.RD_EXPENSE, 1300);
        assertThat(Tsme.assess(f).outcome()).isEqualTo(outcome);
    }

    @ParameterizedTest
    @CsvSource({"19999.99,PASS", "20000,PASS", "20000.01,NOT_ELIGIBLE"})
    void totalAssetsLimit(double assets, Tsme.Outcome outcome) {
        Tsme.Result r = Tsme.assess(tsme().with(CultivationField.TOTAL_ASSETS, assets));
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(check(r.checks(), "ASSETS_LIMIT").explain()).contains(Exact.plain(assets) + " 万元", "≤ 20000 万元",
                "资产总额(total_assets)");
    }

    @Test
    void anAccidentMakesTheFirmIneligibleEvenWithACertificate() {
        Facts f = new Facts(tsme().record().withNegatives(java.util.Set.of(Negative.ACCIDENT))
                .withQualifications(java.util.Set.of(Qualification.HTE)), tsme().extra());
        assertThat(Tsme.assess(f).outcome()).isEqualTo(Tsme.Outcome.NOT_ELIGIBLE);
    }

    @Test
    void eachDirectRoutePassesAFirmThatWouldFail() {
        Facts failing = tsme().with(CultivationField.ST_STAFF, 0);
        assertThat(Tsme.assess(failing).outcome()).isEqualTo(Tsme.Outcome.FAIL);
        assertThat(Tsme.assess(new Facts(failing.record().withQualifications(java.util.Set.of(Qualification.HTE)),
                failing.extra())).outcome()).isEqualTo(Tsme.Outcome.DIRECT_PASS);
        assertThat(Tsme.assess(failing.with(InputField.RD_PLATFORMS, 1)).outcome()).isEqualTo(Tsme.Outcome.DIRECT_PASS);
        assertThat(Tsme.assess(failing.with(CultivationField.NATIONAL_AWARD_5Y, 1)).outcome()).isEqualTo(Tsme.Outcome.DIRECT_PASS);
        assertThat(Tsme.assess(failing.with(CultivationField.LED_STANDARDS_5Y, 1)).outcome()).isEqualTo(Tsme.Outcome.DIRECT_PASS);
        assertThat(Tsme.assess(failing.with(CultivationField.NATIONAL_AWARD_5Y, 0)).outcome()).isEqualTo(Tsme.Outcome.FAIL);
    }

    @Test
    void missingDataIsNamedNeverZero() {
        Tsme.Result r = Tsme.assess(tsme().with(CultivationField.ST_STAFF, Double.NaN));
        assertThat(r.outcome()).isEqualTo(Tsme.Outcome.MISSING_DATA);
        assertThat(r.staff()).isNull();
        assertThat(r.total()).isNull();
        assertThat(r.missing()).isEqualTo("数据缺失: 科技人员数(st_staff)");

        Tsme.Result assets = Tsme.assess(tsme().with(CultivationField.TOTAL_ASSETS, Double.NaN)
                .with(InputField.RD_PLATFORMS, 1));
        assertThat(assets.outcome()).as("a direct route needs the basic conditions").isEqualTo(Tsme.Outcome.MISSING_DATA);
        assertThat(assets.missing()).contains("资产总额(total_assets)");
    }

    @Test
    void aMissingCostMattersOnlyWhenItCouldRaiseTheScore() {
        Facts noCost = tsme().with(CultivationField.TOTAL_COST_EXPENSE, Double.NaN);
        assertThat(Tsme.assess(noCost).rd()).as("6 % of sales is the top band already").isEqualTo(50);
        Tsme.Result r = Tsme.assess(noCost.with(InputField.RD_EXPENSE, 100));
        assertThat(r.outcome()).isEqualTo(Tsme.Outcome.MISSING_DATA);
        assertThat(r.missing()).isEqualTo("数据缺失: 成本费用总额(total_cost_expense)");
    }

    @Test
    void aMissingClass2CountDoesNotMatterWithAClass1() {
        Facts f = tsme().with(CultivationField.MAIN_IP_CLASS1, 1).with(CultivationField.MAIN_IP_CLASS2, Double.NaN);
        assertThat(Tsme.assess(f).ip()).isEqualTo(30);
        assertThat(Tsme.assess(f.with(CultivationField.MAIN_IP_CLASS1, 0)).outcome()).isEqualTo(Tsme.Outcome.MISSING_DATA);
    }

    @Test
    void gapsInPeopleAndMoney() {
        Tsme.Result r = Tsme.assess(tsme().with(CultivationField.ST_STAFF, 8)
                .with(InputField.RD_EXPENSE, 128).with(CultivationField.TOTAL_COST_EXPENSE, 1e9));
        // 8 + n ≥ 10 % of 100 + n ⇔ n ≥ 2.2: three more reach 11 / 103
        assertThat(check(r.checks(), "TSME_STAFF").gap()).isEqualTo("科技人员占比 8 %：再增加 3 名科技人员可达 10 %（4 分）");
        // 128 of 4000 is 3.2 %; 4 % is 160: 32 万元 more
        assertThat(check(r.checks(), "TSME_RD").gap()).isEqualTo("研发投入占销售收入 3.2 %：本年再增加研发投入约 32 万元 可达 4 %（30 分）");
        assertThat(check(r.checks(), "TSME_STAFF").explain())
                .isEqualTo("科技人员指标：8 %（8 / 100 人）→ 0 分（要求 ≥30 % 20 · ≥25 % 16 · ≥20 % 12 · ≥15 % 8 · ≥10 % 4 · 否则 0；"
                        + "来源 科技人员数(st_staff)、职工总数(employees)）→ 已计分。科技人员占比 8 %：再增加 3 名科技人员可达 10 %（4 分）");
    }
}
