package cn.gov.panyu.points.platform.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.ValueKey;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.enterprise.EnterpriseProfile.IndicatorLine;

class EnterpriseWorkspaceTests {

    @Test
    void filterLinksKeepEveryFilterEncodedAndDropBlanks() {
        EnterpriseFilter f = new EnterpriseFilter(" 科技 ", "", "C39", null, "LEAD", " ", 2025);

        assertThat(f.listUrl("/enterprises"))
                .isEqualTo("/enterprises?q=%E7%A7%91%E6%8A%80&industry=C39&tier=LEAD&year=2025");
        assertThat(EnterpriseFilter.none().listUrl("/enterprises")).isEqualTo("/enterprises");
        assertThat(EnterpriseFilter.none().any()).isFalse();
        assertThat(f.any()).isTrue();
    }

    @Test
    void valuesAreWrittenAsTheBureauReadsThem() {
        assertThat(FieldValues.text(RecordField.RD_EXPENSE, 1234567.891)).isEqualTo("1,234,567.89");
        assertThat(FieldValues.text(RecordField.EMPLOYEES, 12)).isEqualTo("12");
        assertThat(FieldValues.text(RecordField.CONTEST_AWARD_3Y, 1)).isEqualTo("是");
        assertThat(FieldValues.text(RecordField.QUALIFICATIONS, "HTE;TSME")).isEqualTo("高新技术企业、科技型中小企业");
        assertThat(FieldValues.text(RecordField.NEGATIVES, "TAX_D")).isEqualTo("纳税信用D级");
        assertThat(FieldValues.text(RecordField.RD_EXPENSE, null)).isEmpty();
    }

    @Test
    void rawIndicatorValuesShowRatiosAsPercentagesAndMissingAsADash() {
        ScoreModel model = ModelLoader.defaultModel();
        EnterpriseRecord r = EnterpriseRecord.builder("91440113MA5CXXXX1X").industry("C39")
                .set(InputField.REVENUE_Y0, 1000).set(InputField.RD_EXPENSE, 45).qualification(Qualification.HTE).build();

        assertThat(FieldValues.raw(ValueKey.RD_INTENSITY, r, model)).isEqualTo("4.5%");
        assertThat(FieldValues.raw(ValueKey.RD_EXPENSE, r, model)).isEqualTo("45.00 万元");
        assertThat(FieldValues.raw(ValueKey.RD_STAFF, r, model)).isEqualTo("—");
        assertThat(FieldValues.raw(ValueKey.QUALIFICATIONS, r, model)).isEqualTo("高新技术企业");
        assertThat(FieldValues.raw(ValueKey.KEY_INDUSTRY, r, model)).isEqualTo("是");
    }

    @Test
    void theAdviceNamesTheIndicatorWithTheMostPointsStillToGain() {
        List<IndicatorLine> lines = List.of(
                line("T1", "研发费用总额", "70.00", "80.00"),
                line("G5", "近三年股权融资额", "0.00", "60.00"),
                line("A1", "企业资质", "10.00", "40.00"));

        assertThat(PublishedScores.advice(lines)).contains("近三年股权融资额").contains("0.00 / 60.00");
        assertThat(PublishedScores.advice(List.of(line("T1", "研发费用总额", "80.00", "80.00")))).isNull();
    }

    private static IndicatorLine line(String code, String name, String points, String max) {
        return new IndicatorLine(code, "类", name, "", new BigDecimal(points), new BigDecimal(max), 0);
    }
}
