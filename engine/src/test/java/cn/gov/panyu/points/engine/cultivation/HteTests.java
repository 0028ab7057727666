package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.util.Set;

import static cn.gov.panyu.points.engine.cultivation.Examples.YEAR;
import static cn.gov.panyu.points.engine.cultivation.Examples.check;
import static cn.gov.panyu.points.engine.cultivation.Examples.hte;
import static org.assertj.core.api.Assertions.assertThat;

/** 高新技术企业 on worked examples: each condition at its boundary, the capability band, the three outcomes. */
class HteTests {

    private static Hte.Result assess(Facts f) {
        return Hte.assess(f, YEAR);
    }

    /** The example with its judgement parts stated as 0, so that a band moves only with the part under test. */
    private static Facts judgedZero() {
        return hte().with(CultivationField.SELF_IP_QUALITY, 0).with(CultivationField.SELF_RD_MANAGEMENT, 0);
    }

    @Test
    void theWorkedExampleIsUndecidedAndSaysWhatTheExpertsMustGive() {
        Hte.Result r = assess(hte());
        assertThat(r.outcome()).isEqualTo(Hte.Outcome.UNDECIDED);
        assertThat(r.capability()).isEqualTo(new Band(51, 100));
        assertThat(r.failed()).isEmpty();
        assertThat(r.expertPointsNeeded()).isEqualTo(20);
        assertThat(r.verdict()).isEqualTo("高企：创新能力评价已确定 51 分，若专家评审在其余 49 分中给出 ≥ 20 分即可通过");
    }

    @Test
    void computedPartsAreScoredAndJudgedPartsLeftToTheExperts() {
        Hte.Result r = assess(hte());
        assertThat(check(r.checks(), "CAPABILITY").status()).isEqualTo(Check.Status.EXPERT_BAND);
        assertThat(check(r.checks(), "CAP_IP").status()).isEqualTo(Check.Status.EXPERT_BAND);
        assertThat(check(r.checks(), "CAP_MANAGEMENT").status()).isEqualTo(Check.Status.EXPERT_BAND);
        assertThat(check(r.checks(), "CAP_CONVERSION").status()).isEqualTo(Check.Status.SCORED);
        assertThat(check(r.checks(), "CAP_SALES_GROWTH").explain()).startsWith("销售收入增长率：41.7 % → 9–10 分（要求 ≥35 % 9–10");
        assertThat(check(r.checks(), "KEY_FIELD").status()).isEqualTo(Check.Status.SELF_DECLARED);
    }

    /**
     * Capability around 70 with the IP (24–30), conversion (25–30) and growth (18–20) parts of the example
     * and the management score the firm states: 70 itself fails, so a minimum of 71 certainly passes.
     */
    @ParameterizedTest
    @CsvSource({"3,70,83,UNDECIDED", "4,71,84,PASS", "5,72,85,PASS"})
    void capabilityAboveSeventyPasses(int management, int min, int max, Hte.Outcome outcome) {
        Hte.Result r = assess(hte().with(CultivationField.SELF_IP_QUALITY, 16)
                .with(CultivationField.SELF_RD_MANAGEMENT, management));
        assertThat(r.capability()).isEqualTo(new Band(min, max));
        assertThat(r.outcome()).isEqualTo(outcome);
    }

    /** A best case of 70 certainly fails; 71 leaves it to the experts (one conversion a year: 1–6). */
    @ParameterizedTest
    @CsvSource({"13,69,FAIL", "14,70,FAIL", "15,71,UNDECIDED"})
    void capabilityAtMostSeventyFails(int management, int max, Hte.Outcome outcome) {
        Facts f = hte().with(CultivationField.SELF_IP_QUALITY, 16).with(CultivationField.SELF_RD_MANAGEMENT, management)
                .with(CultivationField.TECH_CONVERSIONS_Y0, 1).with(CultivationField.TECH_CONVERSIONS_Y1, 1)
                .with(CultivationField.TECH_CONVERSIONS_Y2, 1);
        Hte.Result r = assess(f);
        assertThat(r.capability().max()).isEqualTo(max);
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.failed()).isEqualTo(outcome == Hte.Outcome.FAIL ? java.util.List.of("CAPABILITY") : java.util.List.of());
    }

    @ParameterizedTest
    @CsvSource({"2024-12-30,UNDECIDED", "2024-12-31,UNDECIDED", "2025-01-01,FAIL"})
    void registeredAYearByTheEndOfTheYear(LocalDate established, Hte.Outcome outcome) {
        Facts f = new Facts(rebuilt(hte(), established), hte().extra());
        Hte.Result r = assess(f);
        assertThat(r.outcome()).isEqualTo(outcome);
        assertThat(r.failed().contains("REGISTERED_1Y")).isEqualTo(outcome == Hte.Outcome.FAIL);
    }

    @ParameterizedTest
    @CsvSource({"11,MET", "10,MET", "9,NOT_MET"})
    void stStaffAtLeastTenPercent(int stStaff, Check.Status status) {
        Hte.Result r = assess(hte().with(CultivationField.ST_STAFF, stStaff));
        assertThat(check(r.checks(), "ST_STAFF_RATIO").status()).isEqualTo(status);
    }

    /** Three-year R&D of 540 against sales of 9000 is 6 %; this year's R&D moves it around the 5 % band. */
    @ParameterizedTest
    @CsvSource({"150.01,MET", "150,MET", "149.99,NOT_MET"})
    void rdRatioOverThreeYears(double rdThisYear, Check.Status status) {
        Hte.Result r = assess(hte().with(InputField.RD_EXPENSE, rdThisYear));
        assertThat(check(r.checks(), "RD_RATIO").status()).isEqualTo(status);
    }

    /**
     * The band follows this year's sales: ≤ 5000 万元 5 %, ≤ 20000 万元 4 %, above 3 %. Earlier years
     * without sales or R&D leave the ratio this year's.
     */
    @ParameterizedTest
    @CsvSource({"5000,250,MET", "5000,249.99,NOT_MET", "5000.01,200.01,MET", "5000.01,200,NOT_MET",
            "20000,800,MET", "20000,799.99,NOT_MET", "20000.01,600.01,MET", "20000.01,600,NOT_MET"})
    void rdRatioBandBySales(double sales, double rd, Check.Status status) {
        Facts f = hte().with(InputField.REVENUE_Y0, sales).with(InputField.RD_EXPENSE, rd)
                .with(InputField.REVENUE_Y1, 0).with(InputField.REVENUE_Y2, 0)
                .with(CultivationField.RD_EXPENSE_Y1, 0).with(CultivationField.RD_EXPENSE_Y2, 0)
                .with(InputField.HITECH_REVENUE, sales);
        assertThat(check(assess(f).checks(), "RD_RATIO").status()).isEqualTo(status);
    }

    @ParameterizedTest
    @CsvSource({"2400.01,MET", "2400,MET", "2399.99,NOT_MET"})
    void hitechRevenueAtLeastSixtyPercent(double hitech, Check.Status status) {
        Hte.Result r = assess(hte().with(InputField.HITECH_REVENUE, hitech));
        assertThat(check(r.checks(), "HITECH_REVENUE").status()).isEqualTo(status);
        assertThat(r.outcome()).isEqualTo(status == Check.Status.MET ? Hte.Outcome.UNDECIDED : Hte.Outcome.FAIL);
    }

    @Test
    void anAccidentOrNoIpFails() {
        Facts accident = new Facts(hte().record().withNegatives(Set.of(Negative.ACCIDENT)), hte().extra());
        assertThat(assess(accident).failed()).containsExactly("NO_ACCIDENT");
        Hte.Result noIp = assess(hte().with(InputField.IP_CLASS1, 0).with(InputField.IP_CLASS2, 0));
        assertThat(noIp.failed()).contains("IP_OWNED");
        assertThat(noIp.verdict()).startsWith("高企：确定不符合（拥有知识产权");
    }

    /** IP count band, with judged parts stated 0: IP = count + 1–6 for the way it was obtained. */
    @ParameterizedTest
    @CsvSource({"1,0,51,64", "0,6,49,62", "0,5,49,62", "0,4,47,60", "0,3,47,60", "0,2,45,58", "0,1,45,58"})
    void ipCountBands(int class1, int class2, int min, int max) {
        Facts f = judgedZero().with(InputField.IP_CLASS1, class1).with(InputField.IP_CLASS2, class2);
        assertThat(assess(f).capability()).isEqualTo(new Band(min, max));
    }

    @Test
    void theIpPartIsCappedAtThirtyWithStandards() {
        Facts f = hte().with(CultivationField.SELF_IP_QUALITY, 16).with(InputField.IP_CLASS1, 1)
                .with(InputField.STANDARDS_5Y, 1).with(CultivationField.SELF_RD_MANAGEMENT, 0);
        // IP 7+16+1 .. min(8+16+6+2, 30); conversion 25–30; growth 18–20
        assertThat(assess(f).capability()).isEqualTo(new Band(24 + 25 + 18, 30 + 30 + 20));
    }

    /** Conversions over three years; the average's thresholds as sums (15 = 5 a year). Others: IP 8–14, growth 18–20. */
    @ParameterizedTest
    @CsvSource({"15,25,30", "14,19,24", "12,19,24", "11,13,18", "9,13,18", "8,7,12", "6,7,12", "5,1,6", "3,1,6",
            "2,0,0", "0,0,0"})
    void conversionBands(int sum, int min, int max) {
        Facts f = judgedZero().with(CultivationField.TECH_CONVERSIONS_Y0, sum - 2L * (sum / 3))
                .with(CultivationField.TECH_CONVERSIONS_Y1, sum / 3).with(CultivationField.TECH_CONVERSIONS_Y2, sum / 3);
        assertThat(assess(f).capability()).isEqualTo(new Band(8 + min + 18, 14 + max + 20));
    }

    /**
     * Net assets 1000 two years running, so growth = (y₀ / 1000 − 1) / 2. Others: IP 8–14, conversion
     * 25–30, sales growth 9–10.
     */
    @ParameterizedTest
    @CsvSource({"1700.01,9,10", "1700,9,10", "1699.99,7,8", "1500,7,8", "1499.99,5,6", "1300,5,6", "1299.99,3,4",
            "1100,3,4", "1099.99,1,2", "1000.01,1,2", "1000,0,0", "500,0,0"})
    void netAssetGrowthBands(double netAssets, int min, int max) {
        Facts f = judgedZero().with(CultivationField.NET_ASSETS_Y0, netAssets).with(CultivationField.NET_ASSETS_Y1, 1000)
                .with(CultivationField.NET_ASSETS_Y2, 1000);
        assertThat(assess(f).capability()).isEqualTo(new Band(8 + 25 + 9 + min, 14 + 30 + 10 + max));
    }

    @Test
    void netAssetsComeFromTheBalanceSheetWhenNotGiven() {
        Facts f = hte().with(CultivationField.NET_ASSETS_Y0, Double.NaN).with(CultivationField.TOTAL_ASSETS, 2600)
                .with(CultivationField.TOTAL_LIABILITIES, 600);
        assertThat(assess(f).capability()).isEqualTo(assess(hte()).capability());
    }

    @Test
    void aBaseOfNoNetAssetsScoresNoGrowth() {
        Hte.Result r = assess(judgedZero().with(CultivationField.NET_ASSETS_Y2, -100));
        assertThat(r.capability()).isEqualTo(new Band(8 + 25 + 9, 14 + 30 + 10));
        assertThat(check(r.checks(), "CAP_NET_ASSETS_GROWTH").figure()).contains("基数不大于 0");
    }

    @Test
    void aYoungFirmIsAssessedOverItsOwnYears() {
        // founded 2024: two fiscal years, so the year before last is not asked for
        Facts f = new Facts(rebuilt(hte(), LocalDate.of(2024, 3, 1)), hte().extra())
                .with(CultivationField.RD_EXPENSE_Y2, Double.NaN).with(InputField.REVENUE_Y2, Double.NaN)
                .with(CultivationField.NET_ASSETS_Y2, Double.NaN).with(CultivationField.TECH_CONVERSIONS_Y2, Double.NaN);
        Hte.Result r = assess(f);
        assertThat(r.outcome()).isEqualTo(Hte.Outcome.UNDECIDED);
        // growth y0/y1 − 1 = 33.3 % (7–8 each), conversions 10 in two years (25–30)
        assertThat(r.capability()).isEqualTo(new Band(8 + 25 + 14, 30 + 30 + 20 + 16));
    }

    @Test
    void missingDataIsNamedAndACertainFailureStillShows() {
        Hte.Result r = assess(hte().with(CultivationField.RD_EXPENSE_Y2, Double.NaN)
                .with(CultivationField.TECH_CONVERSIONS_Y1, Double.NaN));
        assertThat(r.outcome()).isEqualTo(Hte.Outcome.MISSING_DATA);
        assertThat(r.capability()).isNull();
        assertThat(r.verdict()).isEqualTo("数据缺失: 前年研发费用(rd_expense_y2)、上年科技成果转化数(tech_conversions_y1)");

        Hte.Result failing = assess(hte().with(CultivationField.RD_EXPENSE_Y2, Double.NaN).with(CultivationField.ST_STAFF, 5));
        assertThat(failing.outcome()).isEqualTo(Hte.Outcome.FAIL);
        assertThat(failing.failed()).containsExactly("ST_STAFF_RATIO");
    }

    @Test
    void gapsInPeopleAndMoney() {
        Facts f = hte().with(CultivationField.ST_STAFF, 8).with(InputField.REVENUE_Y0, 10000).with(InputField.RD_EXPENSE, 320)
                .with(InputField.REVENUE_Y1, 0).with(InputField.REVENUE_Y2, 0)
                .with(CultivationField.RD_EXPENSE_Y1, 0).with(CultivationField.RD_EXPENSE_Y2, 0)
                .with(InputField.HITECH_REVENUE, 5000);
        Hte.Result r = assess(f);
        assertThat(check(r.checks(), "RD_RATIO").gap()).isEqualTo("研发投入强度 3.2 %，按销售收入档需 4 %：本年还需增加研发投入约 80 万元");
        assertThat(check(r.checks(), "ST_STAFF_RATIO").gap()).isEqualTo("科技人员占比 8 %：再增加 3 名科技人员可达 10 %");
        assertThat(check(r.checks(), "HITECH_REVENUE").gap()).isEqualTo("高新技术产品（服务）收入还差约 1000 万元 可达 60 %");
        assertThat(r.failed()).containsExactly("ST_STAFF_RATIO", "RD_RATIO", "HITECH_REVENUE");
        assertThat(check(r.checks(), "RD_RATIO").explain()).startsWith("近3年研发费用占销售收入比例：3.2 %（研发 320 / 收入 10000 万元）"
                + "（要求 ≥ 4 %（本年销售收入 10000 万元：≤ 5000 万元 5 %，≤ 2 亿元 4 %，以上 3 %）；来源 研发费用(rd_expense)、本年营业收入(revenue_y0)");
    }

    private static cn.gov.panyu.points.engine.input.EnterpriseRecord rebuilt(Facts f, LocalDate established) {
        cn.gov.panyu.points.engine.input.EnterpriseRecord.Builder b =
                cn.gov.panyu.points.engine.input.EnterpriseRecord.builder(f.record().uscc()).established(established);
        for (InputField field : InputField.numericFields()) {
            b.set(field, f.record().value(field));
        }
        return b.build();
    }

    /**
     * How close an unmet ratio came, for "close to 高企" rules: 8 of 100 S&T staff is 80 % of the 10 % asked,
     * within a margin of 20 % but not of 19 %; a met condition or one without a ratio is never "nearly met".
     */
    @ParameterizedTest
    @CsvSource({"8,0.20,true", "8,0.19,false", "9,0.10,true", "7,0.20,false"})
    void anUnmetRatioSaysHowCloseItCame(int stStaff, double margin, boolean nearly) {
        Check c = check(assess(hte().with(CultivationField.ST_STAFF, stStaff)).checks(), "ST_STAFF_RATIO");
        assertThat(c.attained()).isCloseTo(stStaff / 10.0, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(c.nearlyMet(margin)).isEqualTo(nearly);
    }

    @Test
    void metConditionsAndConditionsWithoutARatioAreNeverNearlyMet() {
        Hte.Result r = assess(hte());
        assertThat(check(r.checks(), "ST_STAFF_RATIO").nearlyMet(1)).isFalse();
        Facts young = new Facts(rebuilt(hte(), LocalDate.of(2025, 6, 1)), hte().extra());
        Check registered = check(assess(young).checks(), "REGISTERED_1Y");
        assertThat(registered.status()).isEqualTo(Check.Status.NOT_MET);
        assertThat(registered.nearlyMet(1)).isFalse();
    }

    /** 高新技术产品收入 54 % of 60 % asked is 90 %; R&D 4.5 % of the 5 % band likewise. */
    @Test
    void revenueAndRdRatiosSayHowCloseTheyCame() {
        Hte.Result r = assess(hte().with(InputField.HITECH_REVENUE, 2160));
        assertThat(check(r.checks(), "HITECH_REVENUE").attained()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
        Facts lowRd = hte().with(InputField.RD_EXPENSE, 180).with(CultivationField.RD_EXPENSE_Y1, 135)
                .with(CultivationField.RD_EXPENSE_Y2, 90);
        assertThat(check(assess(lowRd).checks(), "RD_RATIO").attained()).isCloseTo(0.9, org.assertj.core.data.Offset.offset(1e-12));
    }
}
