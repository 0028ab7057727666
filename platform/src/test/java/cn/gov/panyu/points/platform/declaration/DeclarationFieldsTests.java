package cn.gov.panyu.points.platform.declaration;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.context.MessageSourceResolvable;

import cn.gov.panyu.points.platform.collection.RecordField;

class DeclarationFieldsTests {

    private final DeclarationFields fields = new DeclarationFields();

    private static String code(DeclarationFields.Checked checked, String field) {
        MessageSourceResolvable r = checked.errors().get(field);
        return r == null ? null : r.getCodes()[0].replace("declaration.error.", "");
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

        assertThat(code(c, "revenue_y0")).isEqualTo("number");
        assertThat(code(c, "tax_paid")).isEqualTo("negative");
        assertThat(code(c, "employees")).isEqualTo("integer");
        assertThat(code(c, "rd_expense")).isEqualTo("decimals");
        assertThat(code(c, "ip_class1")).isEqualTo("negative");
        assertThat(code(c, "contest_award_3y")).isEqualTo("flag");
        assertThat(code(c, "tech_contract")).isEqualTo("amountTooLarge");
        assertThat(code(c, "qualifications")).isEqualTo("unknownQualification");
    }

    @Test
    void signedAmountsMayBeNegativeButOrdinaryAmountsMayNot() {
        assertThat(fields.check(Map.of("net_assets_y1", "-120.5"), List.of(), false).valid()).isTrue();
        assertThat(code(fields.check(Map.of("total_assets", "-120.5"), List.of(), false), "total_assets"))
                .isEqualTo("negative");
    }

    @Test
    void requiredFieldsAreCheckedOnSubmitOnlySoThatAHalfFilledDraftCanBeSaved() {
        assertThat(fields.check(Map.of("rd_expense", "10"), List.of(), false).valid()).isTrue();

        DeclarationFields.Checked submit = fields.check(Map.of("rd_expense", "10"), List.of(), true);
        assertThat(code(submit, "revenue_y0")).isEqualTo("required");
        assertThat(code(submit, "employees")).isEqualTo("required");
    }

    @Test
    void rdStaffCannotExceedEmployeesAndHighTechRevenueCannotExceedRevenue() {
        DeclarationFields.Checked c = fields.check(Map.of("employees", "10", "rd_staff", "11",
                "revenue_y0", "100", "hitech_revenue", "100.01"), List.of(), false);

        assertThat(code(c, "rd_staff")).isEqualTo("rdStaffAboveEmployees");
        assertThat(code(c, "hitech_revenue")).isEqualTo("hitechAboveRevenue");
        assertThat(fields.check(Map.of("employees", "10", "rd_staff", "10"), List.of(), false).valid()).isTrue();
    }

    @Test
    void zeroEmployeesIsRefused() {
        assertThat(code(fields.check(Map.of("employees", "0"), List.of(), false), "employees"))
                .isEqualTo("employeesAtLeastOne");
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
        assertThat(fields.display(RecordField.QUALIFICATIONS, "GAZELLE;HTE")).isEqualTo("瞪羚企业、高新技术企业");
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
