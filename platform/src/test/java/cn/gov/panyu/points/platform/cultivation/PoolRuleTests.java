package cn.gov.panyu.points.platform.cultivation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import cn.gov.panyu.points.engine.cultivation.Band;
import cn.gov.panyu.points.engine.cultivation.Check;
import cn.gov.panyu.points.engine.cultivation.Hte;
import cn.gov.panyu.points.engine.cultivation.Tsme;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The pool rules on hand-made assessments: who each pool proposes, at its boundaries, and why. */
class PoolRuleTests {

    private static final int YEAR = 2025;

    private static EnterpriseRecord.Builder firm() {
        return EnterpriseRecord.builder("91440113MA59CCCC0X").name("测试企业").town("南村镇").industry("C39")
                .established(LocalDate.of(2020, 3, 1));
    }

    private static Assessed assessed(EnterpriseRecord r, Tsme.Outcome tsme, Integer total, Hte.Outcome hte, Band band,
                                     Assessed.Shortfall... failed) {
        return new Assessed(r, tsme, total, hte, band, List.of(failed));
    }

    private static Assessed.Shortfall short_(String name, double attained) {
        return new Assessed.Shortfall("X", name,
                new Check("X", name, Check.Status.NOT_MET, "", "", "", "", attained));
    }

    // ---- 科小入库后备

    @ParameterizedTest
    @CsvSource({"PASS,60,60,true", "PASS,59,60,false", "PASS,70,70,true", "PASS,69,70,false", "FAIL,50,60,false",
            "NOT_ELIGIBLE,80,60,false", "MISSING_DATA,,60,false"})
    void tsmeReserveTakesPassesFromTheMinimumTotal(Tsme.Outcome outcome, Integer total, int minTotal, boolean in) {
        PoolRule rule = PoolRule.parse(Pool.TSME_RESERVE, Map.of("minTotal", Integer.toString(minTotal)));
        String reason = rule.reason(assessed(firm().build(), outcome, total, Hte.Outcome.FAIL, null), YEAR);
        assertThat(reason != null).isEqualTo(in);
        if (in) {
            assertThat(reason).isEqualTo("科小评价 " + total + " 分，通过");
        }
    }

    @Test
    void tsmeReserveTakesDirectPassesAndLeavesQualifiedFirmsOut() {
        PoolRule rule = PoolRule.defaults(Pool.TSME_RESERVE);
        assertThat(rule.reason(assessed(firm().build(), Tsme.Outcome.DIRECT_PASS, null, Hte.Outcome.FAIL, null), YEAR))
                .isEqualTo("符合科小直接通过条件");
        assertThat(rule.reason(assessed(firm().qualification(Qualification.TSME).build(), Tsme.Outcome.PASS, 90,
                Hte.Outcome.FAIL, null), YEAR)).isNull();
    }

    // ---- 高企后备

    @Test
    void hteReserveTakesCertainAndUndecidedPassesOfFirmsNotYetQualified() {
        PoolRule rule = PoolRule.defaults(Pool.HTE_RESERVE);
        assertThat(rule.reason(assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.PASS, new Band(75, 90)), YEAR))
                .isEqualTo("数据可算部分已确定通过（创新能力评价至少 75 分）");
        assertThat(rule.reason(assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.UNDECIDED, new Band(51, 100)), YEAR))
                .isEqualTo("创新能力评价 51–100 分，待专家评审");
        assertThat(rule.reason(assessed(firm().qualification(Qualification.HTE).build(), Tsme.Outcome.FAIL, 40,
                Hte.Outcome.PASS, new Band(75, 90)), YEAR)).isNull();
        assertThat(rule.reason(assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.MISSING_DATA, null), YEAR)).isNull();
    }

    /** Defaults: at most two conditions short, each by at most 20 % of its threshold. */
    @Test
    void hteReserveTakesFailuresThatAreFewAndClose() {
        PoolRule rule = PoolRule.defaults(Pool.HTE_RESERVE);
        Assessed twoClose = assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.FAIL, new Band(60, 90),
                short_("科技人员占职工总数比例", 0.8), short_("高新技术产品（服务）收入占比", 0.95));
        assertThat(rule.reason(twoClose, YEAR))
                .isEqualTo("差 2 项：科技人员占职工总数比例（达到要求的 80 %）、高新技术产品（服务）收入占比（达到要求的 95 %）");

        Assessed threeClose = assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.FAIL, new Band(60, 90),
                short_("甲", 0.9), short_("乙", 0.9), short_("丙", 0.9));
        assertThat(rule.reason(threeClose, YEAR)).isNull();

        Assessed oneFar = assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.FAIL, new Band(60, 90),
                short_("科技人员占职工总数比例", 0.79));
        assertThat(rule.reason(oneFar, YEAR)).isNull();

        Assessed notARatio = assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.FAIL, new Band(60, 90),
                short_("注册成立一年以上", Double.NaN));
        assertThat(rule.reason(notARatio, YEAR)).isNull();

        PoolRule strict = PoolRule.parse(Pool.HTE_RESERVE, Map.of("maxShort", "1", "margin", "20"));
        assertThat(strict.reason(twoClose, YEAR)).isNull();
        assertThat(PoolRule.parse(Pool.HTE_RESERVE, Map.of("maxShort", "0", "margin", "50"))
                .reason(assessed(firm().build(), Tsme.Outcome.FAIL, 40, Hte.Outcome.FAIL, new Band(60, 90),
                        short_("甲", 0.99)), YEAR)).isNull();
    }

    // ---- 专精特新后备: defaults 2 years, R&D ≥ 100 万元 and ≥ 3 % of revenue, revenue ≥ 1000 万元 or equity ≥ 2000 万元

    @ParameterizedTest
    @CsvSource({
            "2023-12-31,1000,100,,true",     // exactly two years by the end of 2025, exactly 1000 and 100 (10 %)
            "2024-01-01,1000,100,,false",    // less than two years
            "2020-01-01,1000,99.99,,false",  // R&D below 100 万元
            "2020-01-01,4000,120,,true",     // 3 % exactly
            "2020-01-01,4000,119.99,,false", // just below 3 %
            "2020-01-01,999.99,100,,false",  // revenue below, no equity
            "2020-01-01,999.99,100,2000,true", // revenue below, equity at the alternative's threshold
            "2020-01-01,999.99,100,1999.99,false"})
    void srdiReserveAtItsBoundaries(LocalDate established, double revenue, double rd, Double equity, boolean in) {
        EnterpriseRecord.Builder b = firm().established(established).set(InputField.REVENUE_Y0, revenue)
                .set(InputField.RD_EXPENSE, rd);
        if (equity != null) {
            b.set(InputField.EQUITY_FINANCING_3Y, equity);
        }
        String reason = PoolRule.defaults(Pool.SRDI_RESERVE)
                .reason(assessed(b.build(), Tsme.Outcome.FAIL, null, Hte.Outcome.FAIL, null), YEAR);
        assertThat(reason != null).as(reason).isEqualTo(in);
    }

    @Test
    void srdiReasonNamesTheFiguresAndQualifiedFirmsStayOut() {
        EnterpriseRecord r = firm().established(LocalDate.of(2018, 1, 1)).set(InputField.REVENUE_Y0, 4000)
                .set(InputField.RD_EXPENSE, 200).build();
        Assessed a = assessed(r, Tsme.Outcome.FAIL, null, Hte.Outcome.FAIL, null);
        assertThat(PoolRule.defaults(Pool.SRDI_RESERVE).reason(a, YEAR))
                .isEqualTo("成立约 7 年；研发费用 200 万元，占营业收入 5.0 %；营业收入 4000 万元");
        Assessed qualified = assessed(firm().established(LocalDate.of(2018, 1, 1)).set(InputField.REVENUE_Y0, 4000)
                .set(InputField.RD_EXPENSE, 200).qualification(Qualification.LITTLE_GIANT).build(), Tsme.Outcome.FAIL,
                null, Hte.Outcome.FAIL, null);
        assertThat(PoolRule.defaults(Pool.SRDI_RESERVE).reason(qualified, YEAR)).isNull();
    }

    // ---- parameters

    @Test
    void parametersAreCheckedAgainstTheirBoundsWithAChineseMessage() {
        assertThatThrownBy(() -> PoolRule.parse(Pool.HTE_RESERVE, Map.of("maxShort", "6", "margin", "20")))
                .hasMessage("「最多不符合的条件数」应在 0–5 项 之间，收到 6");
        assertThatThrownBy(() -> PoolRule.parse(Pool.HTE_RESERVE, Map.of("maxShort", "二", "margin", "20")))
                .hasMessage("「最多不符合的条件数」应为数字，收到「二」");
        assertThatThrownBy(() -> PoolRule.parse(Pool.TSME_RESERVE, Map.of("minTotal", "59")))
                .hasMessageContaining("科小评价总分不低于");
    }

    @Test
    void storedRulesReadBackAndGainDefaultsForNewParameters() {
        PoolRule rule = PoolRule.parse(Pool.HTE_RESERVE, Map.of("maxShort", "1", "margin", "12.5"));
        assertThat(PoolRule.fromStored(Pool.HTE_RESERVE, rule.stored())).isEqualTo(rule);
        assertThat(PoolRule.fromStored(Pool.HTE_RESERVE, "maxShort=1")).isEqualTo(
                PoolRule.parse(Pool.HTE_RESERVE, Map.of("maxShort", "1", "margin", "20")));
        assertThat(rule.text()).isEqualTo("最多不符合的条件数 1 项；每项距要求不超过 12.5 %");
    }
}
