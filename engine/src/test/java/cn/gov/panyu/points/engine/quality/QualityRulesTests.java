package cn.gov.panyu.points.engine.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.quality.ImpossibleCombinations.Pair;
import cn.gov.panyu.points.engine.quality.RobustOutliers.Scale;
import cn.gov.panyu.points.engine.quality.SourceDisagreements.Comparison;

/** Each rule on small examples computed by hand in the comments, and at its boundary. */
class QualityRulesTests {

    private static final Function<EnterpriseRecord, Stage> GROWTH = r -> Stage.GROWTH;

    /** One record per value, USCCs "E0", "E1", … in the industry given, with the field set to the value. */
    private static List<EnterpriseRecord> group(String industry, InputField field, double... values) {
        List<EnterpriseRecord> records = new ArrayList<>();
        for (double v : values) {
            records.add(EnterpriseRecord.builder(industry + "-E" + records.size()).industry(industry).set(field, v).build());
        }
        return records;
    }

    private static List<String> flagged(List<Flag> flags) {
        return flags.stream().map(Flag::uscc).toList();
    }

    private static String fact(Flag f, String label) {
        return f.facts().stream().filter(x -> x.label().equals(label)).map(Fact::value).findFirst().orElseThrow();
    }

    @Nested
    class Outliers {

        @Test
        void medianAndMadOfAHandComputedGroup() {
            // sorted 10 11 12 12 13 14 60: median 12; |x − 12| = 2 1 0 0 1 2 48, sorted 0 0 1 1 2 2 48: MAD 1
            Scale s = Scale.of(new double[] {10, 12, 11, 13, 12, 14, 60});
            assertThat(s.median()).isEqualTo(12);
            assertThat(s.mad()).isEqualTo(1);
            // z(60) = 0.6745 · 48 / 1 = 32.376; z(10) = 0.6745 · −2 = −1.349
            assertThat(s.z(60)).isCloseTo(32.376, within(1e-9));
            assertThat(s.z(10)).isCloseTo(-1.349, within(1e-9));
            // an even count: the median is the mean of the middle two — 1 2 | 3 4: 2.5; deviations .5 .5 1.5 1.5: MAD 1
            Scale even = Scale.of(new double[] {4, 1, 3, 2});
            assertThat(even.median()).isEqualTo(2.5);
            assertThat(even.mad()).isEqualTo(1);
        }

        @Test
        void onlyTheFigureFarFromItsGroupIsFlaggedWithTheFiguresBehindIt() {
            // on the log scale, ln(1 + x): sorted ln 11, ln 12, ln 13, ln 13, ln 14, ln 15, ln 61 — median ln 13 (the
            // firm with 12); deviations ln(13/11) .1671, ln(13/12) .0800, 0, 0, ln(14/13) .0741, ln(15/13) .1431,
            // ln(61/13) 1.5459, sorted 0 0 .0741 .0800 .1431 .1671 1.5459: MAD ln(13/12) = 0.0800;
            // z(60) = 0.6745 · ln(61/13) / ln(13/12) = 13.03
            List<Flag> flags = RobustOutliers.find(group("C39", InputField.RD_STAFF, 10, 12, 11, 13, 12, 14, 60), GROWTH);

            assertThat(flagged(flags)).containsExactly("C39-E6");
            Flag f = flags.get(0);
            assertThat(f.rule()).isEqualTo(Rule.OUTLIER);
            assertThat(f.field()).isEqualTo("rd_staff");
            assertThat(f.value()).isEqualTo("60");
            assertThat(fact(f, "中位数")).isEqualTo("12");
            assertThat(fact(f, "对数尺度中位数绝对偏差（MAD）")).isEqualTo("0.08");
            assertThat(fact(f, "稳健 z 值")).isEqualTo("13.03");
            assertThat(fact(f, "组内企业数")).isEqualTo("7");
            assertThat(f.reason()).contains("研发人员数 60 远高于", "C39 计算机、通信和其他电子设备制造业·成长期", "中位数 12", "13.03");
            assertThat(f.severity()).isEqualTo(90); // 10 · 13.03, capped
        }

        @Test
        void theThresholdIsAModifiedZAboveThreePointFive() {
            // 100 110 120 120 130 140 X on the log scale: median ln 121; deviations ln(121/101) .1807,
            // ln(121/111) .0863, 0, 0, ln(131/121) .0794, ln(141/121) .1530 and X's: MAD ln(121/111) = 0.086260 while
            // X's is larger. z = 0.6745 · ln((1 + X)/121) / 0.086260 > 3.5 ⇔ X > 121 · e^0.44761 − 1 = 188.314:
            // 188.31 gives 3.49991, 188.32 gives 3.50032
            assertThat(RobustOutliers.find(group("C39", InputField.RD_EXPENSE, 100, 110, 120, 120, 130, 140, 188.31), GROWTH))
                    .isEmpty();
            List<Flag> flags = RobustOutliers.find(group("C39", InputField.RD_EXPENSE, 100, 110, 120, 120, 130, 140, 188.32), GROWTH);
            assertThat(flagged(flags)).containsExactly("C39-E6");
            assertThat(fact(flags.get(0), "稳健 z 值")).isEqualTo("3.5");
            assertThat(flags.get(0).severity()).isCloseTo(35.003, within(1e-3));
        }

        @Test
        void aFigureFarBelowItsGroupIsFlaggedToo() {
            // 100 100 110 120 120 130 10: median ln 111, MAD ln(111/101) = 0.09441; z(10) = 0.6745 · ln(11/111) / 0.09441 = −16.5
            List<Flag> flags = RobustOutliers.find(group("C39", InputField.RD_EXPENSE, 100, 100, 110, 120, 120, 130, 10), GROWTH);
            assertThat(flagged(flags)).containsExactly("C39-E6");
            assertThat(flags.get(0).reason()).contains("远低于", "-16.52");
        }

        @Test
        void withMadZeroNothingIsFlagged() {
            // 5 5 5 5 5 8 20: median 5, deviations 0 0 0 0 0 3 15: MAD 0 — more than half the group share one figure,
            // which gives no scale; a substitute (mean absolute deviation 18/7) would flag every firm that differs
            // from a large majority at all, so the group is not checked
            Scale s = Scale.of(new double[] {5, 5, 5, 5, 5, 8, 20});
            assertThat(s.median()).isEqualTo(5);
            assertThat(s.mad()).isZero();
            assertThat(s.z(20)).isZero();
            assertThat(RobustOutliers.find(group("C39", InputField.RD_STAFF, 5, 5, 5, 5, 5, 8, 20), GROWTH)).isEmpty();
            // one firm fewer with the shared figure, and the MAD is no longer 0: 5 5 5 5 8 20 30 → median ln 6,
            // deviations 0 0 0 0 ln(9/6) ln(21/6) ln(31/6): MAD 0 still (the 4th of 7) — and 5 5 5 8 20 30 40 has MAD ln(9/6)
            assertThat(RobustOutliers.find(group("C39", InputField.RD_STAFF, 5, 5, 5, 5, 8, 20, 30), GROWTH)).isEmpty();
            assertThat(Scale.of(new double[] {Math.log1p(5), Math.log1p(5), Math.log1p(5), Math.log1p(8), Math.log1p(20),
                    Math.log1p(30), Math.log1p(40)}).mad()).isCloseTo(Math.log(9.0 / 6), within(1e-12));
        }

        @Test
        void aGroupWhoseFiguresAreAllEqualHasNoOutliers() {
            assertThat(RobustOutliers.find(group("C39", InputField.RD_STAFF, 5, 5, 5, 5, 5, 5), GROWTH)).isEmpty();
        }

        @Test
        void groupsSmallerThanFiveAreNotChecked() {
            // four firms: 10 11 12 1000 would give an enormous z, but four firms make no norm
            assertThat(RobustOutliers.find(group("C39", InputField.RD_STAFF, 10, 11, 12, 1000), GROWTH)).isEmpty();
            // five: 10 11 12 13 1000, median ln 13, MAD ln(13/12): z(1000) = 0.6745 · ln(1001/13) / ln(13/12) = 36.6
            assertThat(flagged(RobustOutliers.find(group("C39", InputField.RD_STAFF, 10, 11, 12, 13, 1000), GROWTH)))
                    .containsExactly("C39-E4");
            // missing figures are not members: five records, one without the figure, is a group of four
            List<EnterpriseRecord> records = group("C39", InputField.RD_STAFF, 10, 11, 12, 1000);
            records.add(EnterpriseRecord.builder("C39-missing").industry("C39").build());
            assertThat(RobustOutliers.find(records, GROWTH)).isEmpty();
        }

        @Test
        void firmsAreComparedOnlyWithinTheirDivisionAndStage() {
            // 60 R&D staff is far out among C39 firms of 10–14, and ordinary among I65 firms of 55–65
            List<EnterpriseRecord> records = new ArrayList<>(group("C39", InputField.RD_STAFF, 10, 12, 11, 13, 12, 14));
            records.addAll(group("I65", InputField.RD_STAFF, 55, 60, 65, 58, 62, 60));
            assertThat(RobustOutliers.find(records, GROWTH)).isEmpty();
            // the same figures split by stage: each stage alone is too small a group
            Function<EnterpriseRecord, Stage> alternating = r -> r.uscc().hashCode() % 2 == 0 ? Stage.GROWTH : Stage.MATURE;
            assertThat(RobustOutliers.find(group("C39", InputField.RD_STAFF, 10, 12, 11, 13, 12, 14, 60), alternating))
                    .isEmpty();
        }
    }

    @Nested
    class Jumps {

        private final YearOnYearJumps jumps = new YearOnYearJumps(5);

        @Test
        void aChangeBeyondTheFactorIsFlaggedOneAtTheFactorIsNot() {
            // 200 → 1000 is exactly ×5 (and 800 万元): not beyond the factor; 200 → 1001 is
            assertThat(jumps.check("E", InputField.RD_EXPENSE, 1000, 200)).isNull();
            Flag f = jumps.check("E", InputField.RD_EXPENSE, 1001, 200);
            assertThat(f).isNotNull();
            assertThat(f.rule()).isEqualTo(Rule.YEAR_ON_YEAR);
            assertThat(f.value()).isEqualTo("1001");
            assertThat(fact(f, "上年数值")).isEqualTo("200");
            assertThat(fact(f, "变化倍数")).isEqualTo("5.005");
            assertThat(f.reason()).contains("研发费用由上年 200 万元增至 1001 万元（5.005 倍）");
            // a fall is a jump too: 1001 → 200
            assertThat(jumps.check("E", InputField.RD_EXPENSE, 200, 1001).reason()).contains("降至");
        }

        @Test
        void aChangeBelowTheMinimumIsNotFlaggedHoweverLargeTheFactor() {
            // 100 → 599: ×5.99 but only 499 万元; 100 → 600: ×6 and 500 万元
            assertThat(jumps.check("E", InputField.RD_EXPENSE, 599, 100)).isNull();
            assertThat(jumps.check("E", InputField.RD_EXPENSE, 600, 100)).isNotNull();
            // counts: 0 → 19 staff is no jump (19 < 20), 0 → 20 is (an infinite ratio)
            assertThat(jumps.check("E", InputField.RD_STAFF, 19, 0)).isNull();
            Flag f = jumps.check("E", InputField.RD_STAFF, 20, 0);
            assertThat(fact(f, "变化倍数")).isEqualTo("∞");
            assertThat(f.severity()).isEqualTo(90);
        }

        @Test
        void lastYearsRecordIsTheBaseAndRevenueFallsBackToTheRecordsOwnLastYear() {
            EnterpriseRecord now = EnterpriseRecord.builder("E1").industry("C39").set(InputField.REVENUE_Y0, 6000)
                    .set(InputField.REVENUE_Y1, 1000).set(InputField.EMPLOYEES, 300).build();
            EnterpriseRecord before = EnterpriseRecord.builder("E1").industry("C39").set(InputField.REVENUE_Y0, 5000)
                    .set(InputField.EMPLOYEES, 30).build();
            // with last year's record: revenue 5000 → 6000 is ordinary, staff 30 → 300 (×10, +270) is not
            List<Flag> flags = jumps.find(List.of(now), Map.of("E1", before));
            assertThat(flags).extracting(Flag::field).containsExactly("employees");
            // without it: revenue against 上年营业收入 1000 → 6000 (×6, +5000)
            assertThat(jumps.find(List.of(now), Map.of())).extracting(Flag::field).containsExactly("revenue_y0");
        }
    }

    @Nested
    class Contradictions {

        private final Pair staff = ImpossibleCombinations.PAIRS.get(0);

        @Test
        void aPartEqualToItsWholeIsPossibleAndOneAboveItIsNot() {
            assertThat(ImpossibleCombinations.check("E", staff, 10, 10)).isNull();
            Flag f = ImpossibleCombinations.check("E", staff, 11, 10);
            assertThat(f.rule()).isEqualTo(Rule.IMPOSSIBLE);
            assertThat(f.field()).isEqualTo("rd_staff");
            assertThat(f.reason()).isEqualTo("研发人员数 11 大于职工总数 10，二者不可能同时成立，请核对");
            assertThat(f.severity()).isCloseTo(91, within(1e-9)); // 90 + 10 · 1/10
        }

        @Test
        void eachPairOfTheSpec() {
            EnterpriseRecord r = EnterpriseRecord.builder("E").industry("C39").set(InputField.RD_STAFF, 5)
                    .set(InputField.EMPLOYEES, 5).set(InputField.HITECH_REVENUE, 100.5).set(InputField.REVENUE_Y0, 100)
                    .set(InputField.INVENTION_GRANTED, 3).set(InputField.IP_CLASS1, 2).build();
            assertThat(ImpossibleCombinations.find(List.of(r))).extracting(Flag::field)
                    .containsExactly("hitech_revenue", "invention_granted");
            assertThat(fact(ImpossibleCombinations.find(List.of(r)).get(0), "超出")).isEqualTo("0.5");
            // a missing figure contradicts nothing
            EnterpriseRecord missing = EnterpriseRecord.builder("M").industry("C39").set(InputField.RD_STAFF, 5).build();
            assertThat(ImpossibleCombinations.find(List.of(missing))).isEmpty();
        }
    }

    @Nested
    class Sources {

        @Test
        void amountsDisagreeBeyondFivePercentOfTheLargerCountsAtAnyDifference() {
            // 95 vs 100: 5 = 5 % of 100, not beyond; 94.9 vs 100: 5.1 > 5
            assertThat(SourceDisagreements.disagree(true, 100, 95)).isFalse();
            assertThat(SourceDisagreements.disagree(true, 100, 94.9)).isTrue();
            assertThat(SourceDisagreements.disagree(false, 10, 10)).isFalse();
            assertThat(SourceDisagreements.disagree(false, 10, 11)).isTrue();
        }

        @Test
        void aDisagreementCarriesBothFiguresAndItsSize() {
            List<Flag> flags = SourceDisagreements.find(List.of(
                    new Comparison("E", "rd_expense", "研发费用", true, "税务", 200, "企业填报", 150),
                    new Comparison("F", "rd_expense", "研发费用", true, "税务", 200, "企业填报", 195)));
            assertThat(flags).hasSize(1);
            Flag f = flags.get(0);
            assertThat(f.value()).isEqualTo("200 / 150");
            assertThat(fact(f, "税务")).isEqualTo("200");
            assertThat(fact(f, "企业填报")).isEqualTo("150");
            assertThat(fact(f, "相对差异")).isEqualTo("25%"); // 50 / 200
            assertThat(f.severity()).isCloseTo(52.5, within(1e-9)); // 40 + 50 · 0.25
            assertThat(f.reason()).isEqualTo("研发费用：税务 200 万元，企业填报 150 万元，相差 25%（超过容差 5%），请核对");
        }
    }

    @Test
    void theCheckRanksEveryRulesFlagsBySeverity() {
        List<EnterpriseRecord> records = new ArrayList<>(group("C39", InputField.RD_EXPENSE, 100, 110, 120, 120, 130, 140, 188.32));
        records.add(EnterpriseRecord.builder("X").industry("C40").set(InputField.RD_STAFF, 11).set(InputField.EMPLOYEES, 10)
                .build());
        List<Flag> flags = new QualityCheck().run(records, Map.of(),
                List.of(new Comparison("Y", "employees", "职工总数", false, "社保", 10, "企业填报", 12)), GROWTH);
        assertThat(flags).extracting(Flag::rule).containsExactly(Rule.IMPOSSIBLE, Rule.SOURCE_DISAGREEMENT, Rule.OUTLIER);
    }
}
