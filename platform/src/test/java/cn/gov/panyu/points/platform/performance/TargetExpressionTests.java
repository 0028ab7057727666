package cn.gov.panyu.points.platform.performance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.platform.performance.TargetExpression.Comparator;

/** Every target expression of the seed, and malformed ones, as the parser reads them. */
class TargetExpressionTests {

    @ParameterizedTest(name = "{0} → {1} {2} {3}")
    @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
            1个               | REACH       | 1    | 个       | ''
            5家               | REACH       | 5    | 家       | ''
            ≥30家             | AT_LEAST    | 30   | 家       | ''
            140家             | REACH       | 140  | 家       | ''
            130亿元           | REACH       | 130  | 亿元     | ''
            超过2300亿元      | MORE_THAN   | 2300 | 亿元     | ''
            10亿元以上        | AT_LEAST    | 10   | 亿元     | ''
            达1000件          | REACH       | 1000 | 件       | ''
            75%               | REACH       | 75   | %        | ''
            3个工作日内       | AT_MOST     | 3    | 个工作日 | ''
            2100亿元          | REACH       | 2100 | 亿元     | ''
            ≥3%               | AT_LEAST    | 3    | %        | ''
            250亿元以上       | AT_LEAST    | 250  | 亿元     | ''
            1000亿元以上      | AT_LEAST    | 1000 | 亿元     | ''
            230亿元以上       | AT_LEAST    | 230  | 亿元     | ''
            350家             | REACH       | 350  | 家       | ''
            评选获奖项目60个  | REACH       | 60   | 个       | 评选获奖项目
            700亿元           | REACH       | 700  | 亿元     | ''
            30个              | REACH       | 30   | 个       | ''
            110亿元           | REACH       | 110  | 亿元     | ''
            13万人            | REACH       | 13   | 万人     | ''
            90%以上           | AT_LEAST    | 90   | %        | ''
            不超过5%          | AT_MOST     | 5    | %        | ''
            1,000件           | REACH       | 1000 | 件       | ''
            ＞２０家          | MORE_THAN   | 20   | 家       | ''
            100 万元 及以上   | AT_LEAST    | 100  | 万元     | ''
            """)
    void quantitativeTargets(String text, Comparator comparator, String value, String unit, String note) {
        TargetExpression t = TargetExpression.parse(text);
        assertThat(t.comparator()).isEqualTo(comparator);
        assertThat(t.value()).isEqualByComparingTo(value);
        assertThat(t.unit()).isEqualTo(unit);
        assertThat(t.note()).isEqualTo(note);
        assertThat(t.quantitative()).isTrue();
        assertThat(t.text()).isEqualTo(text.strip());
    }

    @ParameterizedTest(name = "{0} is qualitative")
    @CsvSource(delimiter = '|', textBlock = """
            按规定控制和支付
            ''
            ≥
            约三百家
            30-50家
            ≥30家以上
            3O家
            较上年有所提升
            2300亿元左右
            10%~15%
            """)
    void malformedOrWordyTargetsAreQualitative(String text) {
        TargetExpression t = TargetExpression.parse(text);
        assertThat(t.comparator()).isEqualTo(Comparator.QUALITATIVE);
        assertThat(t.value()).isNull();
        assertThat(t.quantitative()).isFalse();
        assertThat(t.reading()).isEqualTo("定性（人工判断）");
    }

    @Test
    void yesIsAYesNoTarget() {
        TargetExpression t = TargetExpression.parse("是");
        assertThat(t.comparator()).isEqualTo(Comparator.YES);
        assertThat(t.quantitative()).isFalse();
        assertThat(t.reading()).isEqualTo("是／否");
    }

    @Test
    void everyTargetOfTheSeedReadsAsExpected() {
        Set<String> targets = new LinkedHashSet<>();
        PerformanceFormParser.parseText(DemoDeclaration.text()).indicators().stream().filter(i -> !i.isHeadingOnly())
                .forEach(i -> {
                    targets.add(i.periodTarget());
                    targets.add(i.yearTarget());
                });
        // 24 distinct expressions; only 按规定控制和支付 is left to judgement, 是 is yes/no
        assertThat(targets).hasSize(24);
        assertThat(targets).filteredOn(t -> TargetExpression.parse(t).comparator() == Comparator.QUALITATIVE)
                .containsExactly("按规定控制和支付");
        assertThat(targets).filteredOn(t -> TargetExpression.parse(t).comparator() == Comparator.YES).containsExactly("是");
    }

    @Test
    void theUnitInsideTheNameCompletesATargetWithoutOne() {
        assertThat(TargetExpression.parse("75", "高新技术企业认定通过率（%）").unit()).isEqualTo("%");
        assertThat(TargetExpression.parse("75%", "高新技术企业认定通过率（%）").unit()).isEqualTo("%");
        assertThat(TargetExpression.parse("90", "服务对象满意度(%)").reading()).isEqualTo("达到 90 %");
        // a bracket that is no unit is not taken for one
        assertThat(TargetExpression.parse("1", "项目对满足群众充电需求（是）").unit()).isEmpty();
    }

    @Test
    void readingsShowComparatorValueAndUnit() {
        assertThat(TargetExpression.parse("≥30家").reading()).isEqualTo("≥ 30 家");
        assertThat(TargetExpression.parse("超过2300亿元").reading()).isEqualTo("＞ 2300 亿元");
        assertThat(TargetExpression.parse("3个工作日内").reading()).isEqualTo("≤ 3 个工作日");
    }
}
