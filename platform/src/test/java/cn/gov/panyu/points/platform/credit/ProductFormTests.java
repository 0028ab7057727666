package cn.gov.panyu.points.platform.credit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/** The product form's check: what it accepts, and every refusal named in Chinese at its input. */
class ProductFormTests {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 15);

    private static ProductForm filled() {
        ProductForm f = ProductForm.blank(TODAY);
        f.setName("科创积分贷");
        f.setDescription("面向竞跑及以上企业的信用贷款");
        f.setBaseLead("300");
        f.setBaseRun("200");
        f.setBands("60 = 1\n80=1.2；90 1.5");
        f.setTermMonths("12");
        f.setRateCeiling("4.35");
        return f;
    }

    @Test
    void aNewProductStartsWithEveryNegativeExcludedAndTheDefaultCap() {
        ProductForm f = ProductForm.blank(TODAY);
        assertThat(f.getExcludedNegatives()).containsExactly("DISHONEST", "ACCIDENT", "ABNORMAL", "TAX_D");
        assertThat(f.getCap()).isEqualTo("1000");
        assertThat(f.getValidTo()).isEqualTo("2027-06-14");
    }

    @Test
    void aFilledFormGivesTheProduct() {
        ProductForm.Checked c = filled().check();
        assertThat(c.problems()).isEmpty();
        ProductRules r = c.terms().rules();
        assertThat(r.stages()).containsExactly(Stage.values());
        assertThat(r.lowestTier()).isEqualTo(Tier.RUN);
        assertThat(r.excludedNegatives()).containsExactly(Negative.values());
        assertThat(r.baseAmounts()).containsOnlyKeys(Tier.LEAD, Tier.RUN);
        assertThat(r.bands()).extracting(b -> CreditRules.plain(b.from()) + ":" + CreditRules.plain(b.factor()))
                .containsExactly("60:1", "80:1.2", "90:1.5");
        assertThat(r.cap()).isEqualByComparingTo("1000");
        assertThat(c.terms().rateCeiling()).isEqualByComparingTo("4.35");
    }

    @Test
    void aStoredProductReadsBackAsTheSameProduct() {
        ProductTerms terms = filled().check().terms();
        ProductForm again = ProductForm.of("DEMO-BANK", terms);
        assertThat(again.getBands()).isEqualTo("60 = 1\n80 = 1.2\n90 = 1.5");
        assertThat(again.check().terms()).isEqualTo(terms);
    }

    @Test
    void everyProblemIsNamedAtItsInput() {
        ProductForm f = filled();
        f.setName(" ");
        f.setStages(List.of());
        f.setMinimumTotal("六十");
        f.setBaseRun("");
        f.setBaseRise("50");
        f.setMinimumYears("2.5");
        f.setCap("0");
        f.setTermMonths("");
        f.setRateCeiling("4.355");
        f.setValidTo("2026-06-14");
        f.setRequiredQualifications(List.of("HTE"));
        f.setExcludedQualifications(List.of("HTE"));
        assertThat(f.check().problems()).containsExactly(
                java.util.Map.entry("name", "产品名称不能为空"),
                java.util.Map.entry("stages", "适用发展阶段：请至少选择一个"),
                java.util.Map.entry("minimumTotal", "最低创新积分：应为数字，如 123.45（不带单位和符号）"),
                java.util.Map.entry("excludedQualifications", "不予支持的资质：高新技术企业 同时被列为须具备的资质，无企业能满足"),
                java.util.Map.entry("minimumYears", "最低成立年限：应为非负整数"),
                java.util.Map.entry("cap", "额度上限：应在 1 到 100000 之间"),
                java.util.Map.entry("baseRun", "基础额度（竞跑）：必填项不能为空"),
                java.util.Map.entry("baseRise", "基础额度（进取）：本产品不面向进取榜单，请留空"),
                java.util.Map.entry("termMonths", "最长期限（月）：必填项不能为空"),
                java.util.Map.entry("rateCeiling", "利率上限（%）：最多两位小数"),
                java.util.Map.entry("validTo", "有效期止：不能早于有效期起 2026-06-15"));
    }

    @Test
    void baseAboveTheCapIsRefused() {
        ProductForm f = filled();
        f.setCap("250");
        assertThat(f.check().problems()).containsExactly(java.util.Map.entry("baseLead", "基础额度（领跑）：不能高于额度上限 250 万元"));
    }

    @Test
    void numbersAreReadByTheEngineRules() {
        ProductForm f = filled();
        f.setCap("1,000");
        f.setBaseLead("-3");
        assertThat(f.check().problems()).containsExactly(java.util.Map.entry("baseLead", "基础额度（领跑）：不得为负数"));
    }

    @Test
    void bandsMustAscendAndBeWellFormed() {
        ProductForm f = filled();
        f.setBands("80 = 1.2\n60 = 1");
        assertThat(f.check().problems()).containsEntry("bands", "积分分档第 2 项「60 = 1」：积分下限应高于上一项的 80");
        f.setBands("80");
        assertThat(f.check().problems()).containsEntry("bands", "积分分档第 1 项「80」：应写成“积分下限 = 系数”，如 80 = 1.2");
        f.setBands("80 = 9");
        assertThat(f.check().problems()).containsEntry("bands", "积分分档第 1 项「80 = 9」的系数：应在 0.01 到 5 之间");
    }

    @Test
    void aTamperedChoiceIsRefusedWithTheEngineMessage() {
        ProductForm f = filled();
        f.setExcludedNegatives(List.of("DISHONEST", "BRIBERY"));
        f.setLowestTier("GOLD");
        assertThat(f.check().problems())
                .containsEntry("lowestTier", "适用榜单：请选择领跑、竞跑或进取")
                .hasEntrySatisfying("excludedNegatives", m -> assertThat(m).startsWith("不予支持的负面情形：未知的负面情形「BRIBERY」"));
    }
}
