package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * Eligibility and pre-approved lines at every boundary, each expected figure worked out by hand in the
 * comment next to it. The product of these examples: growth and mature firms, 竞跑 or above, total ≥ 60,
 * base 领跑 300 万 / 竞跑 200 万, factors 1.0 from 60, 1.2 from 80, 1.5 from 90, cap 1,000 万, all negatives
 * excluded, established ≥ 3 years.
 */
class CreditRulesTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static ProductRules product() {
        return product(Set.of(), Set.of(), ProductRules.DEFAULT_CAP);
    }

    private static ProductRules product(Set<Qualification> required, Set<Qualification> excluded, BigDecimal cap) {
        return new ProductRules(EnumSet.of(Stage.GROWTH, Stage.MATURE), Tier.RUN, dec("60"), required, excluded,
                EnumSet.allOf(Negative.class), 3, Map.of(Tier.LEAD, dec("300"), Tier.RUN, dec("200")),
                List.of(new ProductRules.Band(dec("60"), dec("1.0")), new ProductRules.Band(dec("80"), dec("1.2")),
                        new ProductRules.Band(dec("90"), dec("1.5"))), cap);
    }

    /** A 竞跑 growth firm with 85 points, founded 2015, revenue 800 万 and 600 万: average 700 万. */
    private static CreditFacts firm() {
        return new CreditFacts(2025, Stage.GROWTH, Tier.RUN, dec("85"), false, Set.of(Qualification.HTE), Set.of(),
                LocalDate.of(2015, 3, 1), dec("800"), dec("600"));
    }

    private static CreditFacts withTotal(CreditFacts f, String total) {
        return new CreditFacts(f.year(), f.stage(), f.tier(), dec(total), f.vetoed(), f.qualifications(),
                f.negatives(), f.established(), f.revenue(), f.revenuePrevious());
    }

    private static CreditFacts withTier(CreditFacts f, Tier tier) {
        return new CreditFacts(f.year(), f.stage(), tier, f.total(), f.vetoed(), f.qualifications(), f.negatives(),
                f.established(), f.revenue(), f.revenuePrevious());
    }

    private static CreditFacts withRevenue(CreditFacts f, String revenue, String previous) {
        return new CreditFacts(f.year(), f.stage(), f.tier(), f.total(), f.vetoed(), f.qualifications(),
                f.negatives(), f.established(), dec(revenue), previous == null ? null : dec(previous));
    }

    private static CreditFacts established(CreditFacts f, LocalDate date) {
        return new CreditFacts(f.year(), f.stage(), f.tier(), f.total(), f.vetoed(), f.qualifications(),
                f.negatives(), date, f.revenue(), f.revenuePrevious());
    }

    private static CreditFacts withSets(CreditFacts f, Set<Qualification> q, Set<Negative> n) {
        return new CreditFacts(f.year(), f.stage(), f.tier(), f.total(), f.vetoed(), q, n, f.established(),
                f.revenue(), f.revenuePrevious());
    }

    private static CreditAssessment assess(CreditFacts facts) {
        return CreditRules.assess(product(), facts, TODAY);
    }

    private static BigDecimal dec(String v) {
        return new BigDecimal(v);
    }

    @Test
    void theWorkedExampleOfTheIssueExplainsEachFigure() {
        // 85 points → band from 80 → 1.2; 200 × 1.2 = 240; average revenue (200 + 160) / 2 = 180 < 240 → 180
        CreditAssessment a = assess(withRevenue(firm(), "200", "160"));
        assertThat(a.eligible()).isTrue();
        assertThat(a.line()).isEqualByComparingTo("180");
        assertThat(a.explanation()).isEqualTo(
                "创新积分 85 ≥ 80，系数 1.2；竞跑 基础额度 200 万 × 1.2 = 240 万；受近两年平均营业收入 180 万限制 → 180 万");
    }

    @Test
    void uncappedLineIsBaseTimesFactor() {
        // 200 × 1.2 = 240, below the cap 1,000 and the average revenue 700: nothing else applies
        CreditAssessment a = assess(firm());
        assertThat(a.line()).isEqualByComparingTo("240");
        assertThat(a.steps()).containsExactly("创新积分 85 ≥ 80，系数 1.2", "竞跑 基础额度 200 万 × 1.2 = 240 万");
    }

    @Test
    void bandEdgesBelongToTheHigherBand() {
        // 79.99 → band 60 → 1.0 → 200; 80 → 1.2 → 240; 89.99 → 240; 90 → 1.5 → 300
        assertThat(assess(withTotal(firm(), "79.99")).line()).isEqualByComparingTo("200");
        assertThat(assess(withTotal(firm(), "80")).line()).isEqualByComparingTo("240");
        assertThat(assess(withTotal(firm(), "89.99")).line()).isEqualByComparingTo("240");
        assertThat(assess(withTotal(firm(), "90")).line()).isEqualByComparingTo("300");
    }

    @Test
    void belowTheFirstBandTheFactorIsOne() {
        // a product whose first band starts at 70 and whose minimum total is 60: 65 points → factor 1 → 200
        ProductRules p = product();
        ProductRules rules = new ProductRules(p.stages(), p.lowestTier(), p.minimumTotal(), p.required(),
                p.excludedQualifications(), p.excludedNegatives(), p.minimumYears(), p.baseAmounts(),
                List.of(new ProductRules.Band(dec("70"), dec("1.1"))), p.cap());
        CreditAssessment a = CreditRules.assess(rules, withTotal(firm(), "65"), TODAY);
        assertThat(a.line()).isEqualByComparingTo("200");
        assertThat(a.steps().get(0)).isEqualTo("创新积分 65 低于最低分档，系数 1");
    }

    @Test
    void tierDecidesTheBaseAndTheEligibility() {
        // 领跑 300 × 1.2 = 360; 进取 and no tier miss "竞跑及以上"
        assertThat(assess(withTier(firm(), Tier.LEAD)).line()).isEqualByComparingTo("360");
        assertThat(assess(withTier(firm(), Tier.RISE)).miss()).isEqualTo("进取榜单；本产品要求竞跑及以上");
        assertThat(assess(withTier(firm(), null)).miss()).isEqualTo("未进入榜单；本产品要求竞跑及以上");
    }

    @Test
    void minimumTotalIsInclusive() {
        // 60 qualifies (factor 1.0 → 200); 59.99 does not
        assertThat(assess(withTotal(firm(), "60")).line()).isEqualByComparingTo("200");
        assertThat(assess(withTotal(firm(), "59.99")).miss()).isEqualTo("创新积分 59.99；本产品要求不低于 60");
    }

    @Test
    void productCapAppliesAboveItOnly() {
        // cap 360: 领跑 300 × 1.2 = 360 is not above it (no cap step); cap 359 → 359
        CreditFacts lead = withTier(firm(), Tier.LEAD);
        CreditAssessment at = CreditRules.assess(product(Set.of(), Set.of(), dec("360")), lead, TODAY);
        assertThat(at.line()).isEqualByComparingTo("360");
        assertThat(at.steps()).hasSize(2);
        CreditAssessment above = CreditRules.assess(product(Set.of(), Set.of(), dec("359")), lead, TODAY);
        assertThat(above.line()).isEqualByComparingTo("359");
        assertThat(above.steps()).contains("受产品额度上限 359 万限制 → 359 万");
    }

    @Test
    void theDefaultCapOfTenMillionHoldsABigLine() {
        // 领跑 300 × 1.5 = 450 under a product with base 800: 800 × 1.5 = 1,200 > 1,000 → 1,000 (revenue avg 5,000)
        ProductRules p = product();
        ProductRules rich = new ProductRules(p.stages(), p.lowestTier(), p.minimumTotal(), p.required(),
                p.excludedQualifications(), p.excludedNegatives(), p.minimumYears(),
                Map.of(Tier.LEAD, dec("800"), Tier.RUN, dec("200")), p.bands(), p.cap());
        CreditFacts big = withRevenue(withTotal(withTier(firm(), Tier.LEAD), "95"), "6000", "4000");
        CreditAssessment a = CreditRules.assess(rich, big, TODAY);
        assertThat(a.line()).isEqualByComparingTo("1000");
        assertThat(a.explanation()).endsWith("800 万 × 1.5 = 1200 万；受产品额度上限 1000 万限制 → 1000 万");
    }

    @Test
    void revenueCapAppliesAboveTheAverageOnly() {
        // average (250 + 230) / 2 = 240 equals 200 × 1.2: no revenue step; (250 + 229) / 2 = 239.5 → 239.5 → 239
        assertThat(assess(withRevenue(firm(), "250", "230")).steps()).hasSize(2);
        CreditAssessment a = assess(withRevenue(firm(), "250", "229"));
        assertThat(a.line()).isEqualByComparingTo("239");
        assertThat(a.steps()).endsWith("受近两年平均营业收入 239.5 万限制 → 239.5 万", "按万元向下取整 → 239 万");
    }

    @Test
    void bothCapsTheLowerWins() {
        // cap 300, 领跑 300 × 1.5 = 450 → 300, then average (100 + 80) / 2 = 90 → 90
        CreditFacts f = withRevenue(withTotal(withTier(firm(), Tier.LEAD), "92"), "100", "80");
        CreditAssessment a = CreditRules.assess(product(Set.of(), Set.of(), dec("300")), f, TODAY);
        assertThat(a.line()).isEqualByComparingTo("90");
        assertThat(a.steps()).containsExactly("创新积分 92 ≥ 90，系数 1.5", "领跑 基础额度 300 万 × 1.5 = 450 万",
                "受产品额度上限 300 万限制 → 300 万", "受近两年平均营业收入 90 万限制 → 90 万");
    }

    @Test
    void missingPreviousRevenueCapsAtThisYearsRevenue() {
        // only 150 this year: 240 → 150
        CreditAssessment a = assess(withRevenue(firm(), "150", null));
        assertThat(a.line()).isEqualByComparingTo("150");
        assertThat(a.steps()).last().isEqualTo("受本年营业收入（上年营业收入缺失） 150 万限制 → 150 万");
    }

    @Test
    void linesRoundDownToWholeTenThousands() {
        // base 200 × 1.2 with an average of (0.9 + 0.9) / 2 = 0.9 → 0 → no line at all; 1.99 → 1
        assertThat(assess(withRevenue(firm(), "1.99", "1.99")).line()).isEqualByComparingTo("1");
        CreditAssessment none = assess(withRevenue(firm(), "0.9", "0.9"));
        assertThat(none.eligible()).isFalse();
        assertThat(none.miss()).isEqualTo("核定额度不足 1 万元（近两年平均营业收入 0.9 万）");
    }

    @Test
    void aVetoedEnterpriseIsNeverEligibleWhateverTheRulesSay() {
        // a product excluding no negatives at all, and the firm qualifying otherwise
        ProductRules p = product();
        ProductRules lenient = new ProductRules(EnumSet.allOf(Stage.class), Tier.RISE, null, Set.of(), Set.of(),
                Set.of(), 0, Map.of(Tier.LEAD, dec("300"), Tier.RUN, dec("200"), Tier.RISE, dec("100")), p.bands(),
                p.cap());
        CreditFacts f = firm();
        CreditFacts vetoed = new CreditFacts(f.year(), f.stage(), f.tier(), f.total(), true, f.qualifications(),
                Set.of(Negative.DISHONEST), f.established(), f.revenue(), f.revenuePrevious());
        assertThat(CreditRules.assess(lenient, f, TODAY).eligible()).isTrue();
        CreditAssessment a = CreditRules.assess(lenient, vetoed, TODAY);
        assertThat(a.eligible()).isFalse();
        assertThat(a.line()).isNull();
        assertThat(a.miss()).isEqualTo("存在一票否决情形；积分贷不接受此类企业");
    }

    @Test
    void excludedNegativesAreNamed() {
        CreditAssessment a = assess(withSets(firm(), Set.of(Qualification.HTE), EnumSet.of(Negative.ABNORMAL, Negative.TAX_D)));
        assertThat(a.miss()).isEqualTo("存在负面情形：列入经营异常名录、纳税信用D级；本产品不接受");
    }

    @Test
    void requiredAndExcludedQualifications() {
        ProductRules needsSrdi = product(EnumSet.of(Qualification.HTE, Qualification.SRDI), Set.of(), ProductRules.DEFAULT_CAP);
        assertThat(CreditRules.assess(needsSrdi, firm(), TODAY).miss()).isEqualTo("未具备资质：专精特新中小企业；本产品要求具备");
        CreditFacts both = withSets(firm(), EnumSet.of(Qualification.HTE, Qualification.SRDI), Set.of());
        assertThat(CreditRules.assess(needsSrdi, both, TODAY).eligible()).isTrue();
        ProductRules notForHte = product(Set.of(), EnumSet.of(Qualification.HTE), ProductRules.DEFAULT_CAP);
        assertThat(CreditRules.assess(notForHte, firm(), TODAY).miss()).isEqualTo("具备资质：高新技术企业；本产品不面向此类企业");
    }

    @Test
    void yearsSinceEstablishmentCountFullYearsToTheAnniversary() {
        // three years on 2026-06-15 are reached by a firm founded 2023-06-15, not by one founded 2023-06-16
        assertThat(assess(established(firm(), LocalDate.of(2023, 6, 15))).eligible()).isTrue();
        assertThat(assess(established(firm(), LocalDate.of(2023, 6, 16))).miss()).isEqualTo("成立 2 年；本产品要求成立满 3 年");
        assertThat(assess(established(firm(), null)).miss()).isEqualTo("成立日期不详；本产品要求成立满 3 年");
    }

    @Test
    void stageOutsideTheProduct() {
        CreditFacts f = firm();
        CreditFacts startup = new CreditFacts(f.year(), Stage.STARTUP, f.tier(), f.total(), false, f.qualifications(),
                f.negatives(), f.established(), f.revenue(), f.revenuePrevious());
        assertThat(assess(startup).miss()).isEqualTo("发展阶段为初创期；本产品面向成长期、稳定期");
    }
}
