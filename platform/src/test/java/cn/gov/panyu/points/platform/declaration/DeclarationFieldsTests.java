package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.Problem;

import cn.gov.panyu.points.platform.collection.RecordField;

class DeclarationFieldsTests {

    private final DeclarationFields fields = new DeclarationFields();

    /** The rule a field breaks, in the engine's Chinese words (the same the imports and the CLI show). */
    private static String rule(DeclarationFields.Checked checked, String field) {
        Problem p = checked.errors().get(field);
        return p == null ? null : p.zh();
    }

    @Test
    void amountsAreKeptAsPlainDecimalsWithThousandsSeparatorsAndTrailingZerosRemoved() {
        DeclarationFields.Checked c = fields.check(Map.of("revenue_y0", " 12,345.50 ", "net_profit", "-3.00",
                "employees", "36"), List.of(), false);

        assertThat(c.valid()).isTrue();
        assertThat(c.values()).containsEntry("revenue_y0", "12345.5").containsEntry("net_profit", "-3")
                .containsEntry("employees", "36");
    }

    @Test
    void eachBrokenRuleGetsItsOwnMessageOnItsField() {
        DeclarationFields.Checked c = fields.check(Map.of("revenue_y0", "abc", "tax_paid", "-1",
                "employees", "3.5", "rd_expense", "1.23456", "ip_class1", "-2", "contest_award_3y", "2",
                "tech_contract", "200000000"), List.of("HTE", "NOT_A_CODE"), false);

        assertThat(rule(c, "revenue_y0")).isEqualTo("应为数字，如 123.45（不带单位和符号）");
        assertThat(rule(c, "tax_paid")).isEqualTo("不得为负数");
        assertThat(rule(c, "employees")).isEqualTo("应为非负整数");
        assertThat(rule(c, "rd_expense")).isEqualTo("最多保留 4 位小数");
        assertThat(rule(c, "ip_class1")).isEqualTo("不得为负数");
        assertThat(rule(c, "contest_award_3y")).isEqualTo("应为 0 或 1");
        assertThat(rule(c, "tech_contract")).isEqualTo("数值过大，请确认以万元为单位填写");
        assertThat(rule(c, "qualifications")).startsWith("未知的资质「NOT_A_CODE」");
    }

    @Test
    void signedAmountsMayBeNegativeButOrdinaryAmountsMayNot() {
        assertThat(fields.check(Map.of("net_assets_y1", "-120.5"), List.of(), false).valid()).isTrue();
        assertThat(rule(fields.check(Map.of("total_assets", "-120.5"), List.of(), false), "total_assets"))
                .isEqualTo("不得为负数");
    }

    @Test
    void requiredFieldsAreCheckedOnSubmitOnlySoThatAHalfFilledDraftCanBeSaved() {
        assertThat(fields.check(Map.of("rd_expense", "10"), List.of(), false).valid()).isTrue();

        DeclarationFields.Checked submit = fields.check(Map.of("rd_expense", "10"), List.of(), true);
        assertThat(rule(submit, "revenue_y0")).isEqualTo("必填项不能为空");
        assertThat(rule(submit, "employees")).isEqualTo("必填项不能为空");
    }

    @Test
    void rdStaffCannotExceedEmployeesAndHighTechRevenueCannotExceedRevenue() {
        DeclarationFields.Checked c = fields.check(Map.of("employees", "10", "rd_staff", "11",
                "revenue_y0", "100", "hitech_revenue", "100.01"), List.of(), false);

        assertThat(rule(c, "rd_staff")).isEqualTo("不得大于职工总数（职工总数为 10）");
        assertThat(rule(c, "hitech_revenue")).isEqualTo("不得大于本年营业收入（本年营业收入为 100）");
        assertThat(fields.check(Map.of("employees", "10", "rd_staff", "10"), List.of(), false).valid()).isTrue();
    }

    @Test
    void zeroEmployeesIsRefused() {
        assertThat(rule(fields.check(Map.of("employees", "0"), List.of(), false), "employees"))
                .isEqualTo("应至少为 1");
    }

    @Test
    void fieldsAnEnterpriseCannotStateAreIgnored() {
        DeclarationFields.Checked c = fields.check(Map.of("negatives", "DISHONEST", "uscc", "X", "name", "Y",
                "revenue_y0", "5"), List.of(), false);

        assertThat(c.values()).containsOnlyKeys("revenue_y0");
        assertThat(fields.fields()).doesNotContain(RecordField.NEGATIVES);
    }

    @Test
    void qualificationsAreStoredSortedWithoutDuplicates() {
        DeclarationFields.Checked c = fields.check(Map.of(), List.of("TSME", "HTE", "TSME"), false);

        assertThat(c.values()).containsEntry("qualifications", "HTE;TSME");
    }

    @Test
    void valuesReadWithThousandsSeparatorsUnitsAndChineseLabels() {
        assertThat(fields.display(RecordField.REVENUE_Y0, "12345.5")).isEqualTo("12,345.50 万元");
        assertThat(fields.display(RecordField.REVENUE_Y0, "0.1234")).isEqualTo("0.1234 万元");
        assertThat(fields.display(RecordField.EMPLOYEES, "1200")).isEqualTo("1,200 人");
        assertThat(fields.display(RecordField.CONTEST_AWARD_3Y, "1")).isEqualTo("是");
        assertThat(fields.display(RecordField.QUALIFICATIONS, "GAZELLE;HTE")).isEqualTo("高新技术企业、瞪羚企业");
        assertThat(fields.display(RecordField.TAX_PAID, null)).isNull();
    }

    @Test
    void storedDoublesComeBackAsTheCanonicalTextTheyWereWrittenFrom() {
        assertThat(DeclarationFields.fromColumn(RecordField.REVENUE_Y0, 12345.5)).isEqualTo("12345.5");
        assertThat(DeclarationFields.fromColumn(RecordField.REVENUE_Y0, 100.0)).isEqualTo("100");
        assertThat(DeclarationFields.fromColumn(RecordField.EMPLOYEES, 36)).isEqualTo("36");
        assertThat(DeclarationFields.fromColumn(RecordField.QUALIFICATIONS, "TSME; HTE")).isEqualTo("HTE;TSME");
    }

    @Test
    void valuesDifferByNumberNotByText() {
        assertThat(DeclarationFields.differ("100", "100.0")).isFalse();
        assertThat(DeclarationFields.differ("100", "101")).isTrue();
        assertThat(DeclarationFields.differ(null, "101")).isFalse();
    }

    @Test
    void historyRecordsOnlyTheFieldsThatChangedInFormOrder() {
        List<DeclarationDetail.Change> changes = Declarations.changes(
                Map.of("revenue_y0", "1", "employees", "5", "rd_expense", "2"),
                Map.of("revenue_y0", "1", "employees", "6", "tax_paid", "3"));

        assertThat(changes).containsExactly(
                new DeclarationDetail.Change("tax_paid", null, "3"),
                new DeclarationDetail.Change("rd_expense", "2", null),
                new DeclarationDetail.Change("employees", "5", "6"));
    }

    @Test
    void uploadedFileNamesLoseTheirPathsAndControlCharacters() {
        assertThat(Declarations.displayName("C:\\Users\\a\\..\\审计报告.pdf")).isEqualTo("审计报告.pdf");
        assertThat(Declarations.displayName("../../etc/passwd\u0000.png")).isEqualTo("passwd.png");
        assertThat(Declarations.displayName("")).isEqualTo("附件");
    }
}
