package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.performance.Progress.Status;

/**
 * The measures on a small district whose actuals are computed by hand, the time-proportional status rule,
 * and the self-evaluation score on a worked example.
 */
class MonitoringRulesTests {

    /**
     * Year 2026: A (高企 since 2025), B (高企 new in 2026), C (no 高企, no R&D figure), D (高企 new, no record in
     * 2025). Amounts in 万元.
     */
    private static Measure.Year district() {
        EnterpriseRecord a = record("A", true, 50_000, 2_000, 300, 12, 1);
        EnterpriseRecord b = record("B", true, 20_000, 800, 120, 5, 0);
        EnterpriseRecord c = record("C", false, 10_000, Double.NaN, 40, 0, 1);
        EnterpriseRecord d = record("D", true, 5_000, 200, 60, Double.NaN, Double.NaN);
        EnterpriseRecord a2025 = record("A", true, 40_000, 1_500, 280, 9, 1);
        EnterpriseRecord b2025 = record("B", false, 15_000, 500, 100, 2, 0);
        return new Measure.Year(2026, List.of(a, b, c, d), List.of(a2025, b2025));
    }

    private static EnterpriseRecord record(String id, boolean hte, double revenue, double rd, double employees,
                                           double inventions, double contest) {
        EnterpriseRecord.Builder r = EnterpriseRecord.builder(id).name(id).town("市桥街道").industry("C39")
                .established(LocalDate.of(2015, 1, 1))
                .set(InputField.REVENUE_Y0, revenue).set(InputField.RD_EXPENSE, rd).set(InputField.EMPLOYEES, employees)
                .set(InputField.INVENTION_GRANTED, inventions).set(InputField.CONTEST_AWARD_3Y, contest);
        if (hte) {
            r.qualification(Qualification.HTE);
        }
        return r.build();
    }

    @Test
    void measuresOnASmallDistrictMatchTheActualsComputedByHand() {
        Measure.Year y = district();
        assertThat(Measure.NEW_HTE.value(y)).isEqualByComparingTo("2");            // B (was not 高企), D (no 2025 record)
        assertThat(Measure.HTE_INVENTIONS.value(y)).isEqualByComparingTo("17");    // 12 + 5, D has none
        assertThat(Measure.HTE_REVENUE.value(y)).isEqualByComparingTo("75000");    // 50,000 + 20,000 + 5,000
        assertThat(Measure.RD_SPENDING.value(y)).isEqualByComparingTo("3000");     // 2,000 + 800 + 200
        // R&D over revenue of those with an R&D figure: 3,000 / 75,000 = 4 %
        assertThat(Measure.RD_INTENSITY.value(y)).isEqualByComparingTo("4");
        assertThat(Measure.HTE_EMPLOYEES.value(y)).isEqualByComparingTo("480");    // 300 + 120 + 60
        assertThat(Measure.CONTEST_AWARDS.value(y)).isEqualByComparingTo("2");     // A, C
        assertThat(Measure.PLATFORM_BUILT.value(y)).isEqualByComparingTo("1");

        Measure.Year none = new Measure.Year(2027, List.of(), List.of());
        assertThat(Measure.HTE_REVENUE.value(none)).as("no data is no actual, not zero").isNull();
        assertThat(Measure.PLATFORM_BUILT.value(none)).isEqualByComparingTo("1");
    }

    @Test
    void measuresCompareWithTargetsInMultiplesOfTheirUnit() {
        assertThat(Measure.HTE_REVENUE.fits("亿元")).isTrue();
        assertThat(Measure.HTE_REVENUE.fits("家")).isFalse();
        assertThat(Measure.HTE_EMPLOYEES.fits("万人")).isTrue();
        assertThat(Measure.inUnit(new BigDecimal("75000"), "亿元")).isEqualByComparingTo("7.5");
        assertThat(Measure.inUnit(new BigDecimal("480"), "万人")).isEqualByComparingTo("0.048");
    }

    @Test
    void statusFollowsTheTimeProportionalRule() {
        TargetExpression t350 = TargetExpression.parse("350家");
        LocalDate midYear = LocalDate.of(2026, 7, 2); // day 183 of 365: 50.14 % of the year
        Progress onTrack = Progress.of(t350, new BigDecimal("160"), null, 2026, midYear);
        assertThat(onTrack.completion()).isEqualByComparingTo("45.71");
        assertThat(onTrack.expected()).isEqualByComparingTo("50.14");
        assertThat(onTrack.status()).isEqualTo(Status.ON_TRACK); // 45.71 ≥ 0.9 × 50.14 = 45.13
        Progress lagging = Progress.of(t350, new BigDecimal("157"), null, 2026, midYear);
        assertThat(lagging.status()).isEqualTo(Status.LAGGING);  // 44.86 < 45.13
        assertThat(lagging.warning()).isEqualTo("按时间进度应完成 50.14%，目前完成 44.86%，年度目标可能无法完成");
        assertThat(Progress.of(t350, new BigDecimal("350"), null, 2026, midYear).status()).isEqualTo(Status.ACHIEVED);
        assertThat(Progress.of(t350, null, null, 2026, midYear).status()).isEqualTo(Status.UNKNOWN);
        // after the year anything short is late
        assertThat(Progress.of(t350, new BigDecimal("349"), null, 2026, LocalDate.of(2027, 1, 5)).status()).isEqualTo(Status.LAGGING);

        // 超过 is strict
        assertThat(Progress.of(TargetExpression.parse("超过2300亿元"), new BigDecimal("2300"), null, 2026, midYear).status())
                .isNotEqualTo(Status.ACHIEVED);
        // a rate does not accumulate: below target is late at once
        Progress rate = Progress.of(TargetExpression.parse("≥3%"), new BigDecimal("2.5"), null, 2026, LocalDate.of(2026, 2, 1));
        assertThat(rate.status()).isEqualTo(Status.LAGGING);
        assertThat(rate.completion()).isEqualByComparingTo("83.33");
        // a time limit: lower is better
        TargetExpression days = TargetExpression.parse("3个工作日内");
        assertThat(Progress.of(days, new BigDecimal("2"), null, 2026, midYear).status()).isEqualTo(Status.ACHIEVED);
        Progress slow = Progress.of(days, new BigDecimal("4"), null, 2026, midYear);
        assertThat(slow.status()).isEqualTo(Status.LAGGING);
        assertThat(slow.completion()).isEqualByComparingTo("75.00");
        // yes/no and qualitative: judged by hand
        TargetExpression yes = TargetExpression.parse("是");
        assertThat(Progress.of(yes, null, null, 2026, midYear).status()).isEqualTo(Status.UNKNOWN);
        assertThat(Progress.of(yes, null, true, 2026, midYear).status()).isEqualTo(Status.ACHIEVED);
        assertThat(Progress.of(yes, null, false, 2026, midYear).status()).isEqualTo(Status.ON_TRACK);
        assertThat(Progress.of(yes, null, false, 2026, LocalDate.of(2027, 1, 1)).status()).isEqualTo(Status.LAGGING);
        TargetExpression rule = TargetExpression.parse("按规定控制和支付");
        assertThat(Progress.of(rule, null, null, 2026, midYear).status()).isEqualTo(Status.UNKNOWN);
        assertThat(Progress.of(rule, null, true, 2026, midYear).completion()).isEqualByComparingTo("100");
    }

    @Test
    void elapsedShareOfTheYear() {
        assertThat(Progress.elapsed(2026, LocalDate.of(2025, 12, 31))).isEqualByComparingTo("0");
        assertThat(Progress.elapsed(2026, LocalDate.of(2026, 12, 31))).isEqualByComparingTo("1");
        assertThat(Progress.elapsed(2028, LocalDate.of(2028, 2, 29))).isEqualByComparingTo("0.163934"); // 60 / 366
    }

    /**
     * Worked example: four indicators of 40, 30, 10 and 10 points; budget 1,000 万元 of which 950 spent.
     * <pre>
     *   A  completion 120 %  → 40 (full at ≥ 100 %)
     *   B  completion  80 %  → 30 × 0.8 = 24
     *   C  qualitative, 6 by hand with a reason → 6
     *   D  no actual → 0
     *   预算执行率 95 % → 10 × 0.95 = 9.5
     *   total 79.5 → 中 (60 ≤ 79.5 < 80)
     * </pre>
     */
    @Test
    void selfEvaluationOnAWorkedExample() {
        List<SelfEvaluation.Item> items = List.of(
                new SelfEvaluation.Item("A", new BigDecimal("40"), new BigDecimal("120"), null),
                new SelfEvaluation.Item("B", new BigDecimal("30"), new BigDecimal("80"), null),
                new SelfEvaluation.Item("C", new BigDecimal("10"), null, new BigDecimal("6")),
                new SelfEvaluation.Item("D", new BigDecimal("10"), null, null));
        SelfEvaluation.Result r = SelfEvaluation.score(items, new BigDecimal("1000"), new BigDecimal("950"));
        assertThat(r.scores()).extracting(BigDecimal::toPlainString).containsExactly("40.00", "24.00", "6.00", "0.00");
        assertThat(r.executionRate()).isEqualByComparingTo("95");
        assertThat(r.budgetScore()).isEqualByComparingTo("9.5");
        assertThat(r.total()).isEqualByComparingTo("79.5");
        assertThat(r.grade()).isEqualTo("中");

        // 0.5 more on B (completion 81.67 %) crosses into 良 exactly at 80
        List<SelfEvaluation.Item> more = new ArrayList<>(items);
        more.set(1, new SelfEvaluation.Item("B", new BigDecimal("30"), new BigDecimal("81.6667"), null));
        assertThat(SelfEvaluation.score(more, new BigDecimal("1000"), new BigDecimal("950")).total()).isEqualByComparingTo("80.00");
        assertThat(SelfEvaluation.score(more, new BigDecimal("1000"), new BigDecimal("950")).grade()).isEqualTo("良");
        // a hand score above the weight is capped; spending above the budget earns no more than 10
        SelfEvaluation.Result capped = SelfEvaluation.score(List.of(new SelfEvaluation.Item("C", BigDecimal.TEN, null,
                new BigDecimal("15"))), new BigDecimal("100"), new BigDecimal("130"));
        assertThat(capped.total()).isEqualByComparingTo("20");
        assertThat(capped.executionRate()).isEqualByComparingTo("130");
    }

    @Test
    void gradeBoundariesBelongToTheHigherGrade() {
        assertThat(SelfEvaluation.grade(new BigDecimal("90.00"))).isEqualTo("优");
        assertThat(SelfEvaluation.grade(new BigDecimal("89.99"))).isEqualTo("良");
        assertThat(SelfEvaluation.grade(new BigDecimal("80.00"))).isEqualTo("良");
        assertThat(SelfEvaluation.grade(new BigDecimal("79.99"))).isEqualTo("中");
        assertThat(SelfEvaluation.grade(new BigDecimal("60.00"))).isEqualTo("中");
        assertThat(SelfEvaluation.grade(new BigDecimal("59.99"))).isEqualTo("差");
    }

    @Test
    void defaultWeightsOfTheSeedSumToNinety() {
        PerformanceForm form = PerformanceFormParser.parseText(DemoDeclaration.text());
        List<String> level1 = form.indicators().stream().map(i -> i.isHeadingOnly() ? null : i.level1()).toList();
        List<BigDecimal> w = SelfEvaluation.defaultWeights(level1);
        // 产出 (10) and 成本 (2) share 50: 4.16 each, the last 4.24; 效益 (13) 30: 2.30, the last 2.40; 满意度 (1) 10
        assertThat(w.get(0)).isEqualByComparingTo("4.16");
        assertThat(w.get(10)).isEqualByComparingTo("2.30");
        assertThat(w.get(22)).isEqualByComparingTo("2.40");
        assertThat(w.get(23)).as("the empty 生态效益 heading").isNull();
        assertThat(w.get(24)).isEqualByComparingTo("10");
        assertThat(w.get(27)).isEqualByComparingTo("4.24");
        assertThat(w.stream().filter(java.util.Objects::nonNull).reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo("90");
        // a form without 满意度 indicators: the others share its points in proportion (50 : 30 of 90)
        List<BigDecimal> two = SelfEvaluation.defaultWeights(Arrays.asList("产出指标", "效益指标"));
        assertThat(two).extracting(BigDecimal::toPlainString).containsExactly("56.25", "33.75");
    }
}
