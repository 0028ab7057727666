package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordReader;

class CanonicalCsvTests {

    private final List<EnterpriseRecord> district = new SyntheticDistrict(11, 2025).records(300);

    @Test
    void identicalRecordsGiveIdenticalBytesAndHash() {
        List<EnterpriseRecord> again = new SyntheticDistrict(11, 2025).records(300);

        assertThat(CanonicalCsv.write(again)).isEqualTo(CanonicalCsv.write(district));
        assertThat(CanonicalCsv.sha256(CanonicalCsv.write(again))).isEqualTo(CanonicalCsv.sha256(CanonicalCsv.write(district)));
    }

    @Test
    void aSingleChangedValueChangesTheHash() {
        List<EnterpriseRecord> changed = new ArrayList<>(district);
        changed.set(5, district.get(5).with(InputField.TAX_PAID, 1234.56));

        assertThat(CanonicalCsv.sha256(CanonicalCsv.write(changed))).isNotEqualTo(CanonicalCsv.sha256(CanonicalCsv.write(district)));
    }

    @Test
    void rowsOfEnterprisesAreWhatWasWrittenForThemAndDifferExactlyWhenTheirDataDiffer() {
        List<EnterpriseRecord> changed = new ArrayList<>(district);
        // a quoted name with a line break and a comma: the row goes on after the break
        changed.set(7, district.get(7).with(InputField.TAX_PAID, 1234.56));
        EnterpriseRecord multiLine = EnterpriseRecord.builder(district.get(8).uscc()).name("广州\n某某, \"科技\"有限公司")
                .town(district.get(8).town()).industry(district.get(8).industry()).established(district.get(8).established())
                .set(InputField.TAX_PAID, 99.5).build();
        changed.set(8, multiLine);
        java.util.Set<String> asked = java.util.Set.of(district.get(7).uscc(), district.get(8).uscc(), district.get(9).uscc(),
                "91440113MA5ZZZZZ0X");

        var before = CanonicalCsv.rows(CanonicalCsv.write(district), asked);
        var after = CanonicalCsv.rows(CanonicalCsv.write(changed), asked);

        assertThat(after).doesNotContainKey("91440113MA5ZZZZZ0X").hasSize(3);
        assertThat(after.get(district.get(9).uscc())).isEqualTo(before.get(district.get(9).uscc()));
        assertThat(after.get(district.get(7).uscc())).isNotEqualTo(before.get(district.get(7).uscc())).contains("1234.56");
        assertThat(after.get(multiLine.uscc())).startsWith(multiLine.uscc() + ",\"广州\n某某, \"\"科技\"\"有限公司\",")
                .contains("99.50");
        assertThat(CanonicalCsv.read((CanonicalCsv.header() + "\n" + after.get(multiLine.uscc()) + "\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))).containsExactly(multiLine);
    }

    @Test
    void theHeaderIsTheInputFieldKeysInEnumOrder() {
        String text = new String(CanonicalCsv.write(district), java.nio.charset.StandardCharsets.UTF_8);

        assertThat(text.substring(0, text.indexOf('\n'))).startsWith("uscc,name,town,industry,established,revenue_y0,")
                .endsWith(",qualifications,negatives");
    }

    @Test
    void readingTheFileBackGivesTheSameRecords() {
        assertThat(CanonicalCsv.read(CanonicalCsv.write(district))).isEqualTo(district);
    }

    @Test
    void theEnginesOwnReaderReadsTheSameRecords() {
        ReadResult read = RecordReader.read(CanonicalCsv.write(district), ReadRules.panyu(2025), null);

        assertThat(read.violations()).isEmpty();
        assertThat(read.records()).isEqualTo(district);
    }

    @Test
    void awkwardNumbersAndNamesSurviveTheRoundTripExactly() {
        EnterpriseRecord r = EnterpriseRecord.builder("91440113MA59XXXX1K").name("广州\"番禺\",科技有限公司")
                .town("市桥街道").industry("C39").established(LocalDate.of(2010, 5, 1))
                .set(InputField.REVENUE_Y0, 0.1 + 0.2).set(InputField.NET_PROFIT, -1e-7)
                .set(InputField.TAX_PAID, 123456789.125).set(InputField.RD_EXPENSE, 1.0 / 3)
                .set(InputField.EMPLOYEES, 12).set(InputField.TECH_CONTRACT, 0.0)
                .qualification(Qualification.GAZELLE).qualification(Qualification.HTE).negative(Negative.TAX_D).build();

        EnterpriseRecord back = CanonicalCsv.read(CanonicalCsv.write(List.of(r))).get(0);

        assertThat(back).isEqualTo(r);
        assertThat(back.value(InputField.REVENUE_Y0)).isEqualTo(0.1 + 0.2);
        assertThat(back.isMissing(InputField.RD_STAFF)).isTrue();
    }

    @Test
    void aRecordThatBreaksARuleNoSingleSourceCouldCheckReadsBackAsItWasScored() {
        // 社保 reported the employees, 统计 the R&D staff; and the employees were imported before "≥ 1" was checked
        EnterpriseRecord merged = EnterpriseRecord.builder("91440113MA59XXXX1K").name("合并数据有限公司")
                .town("市桥街道").industry("C39").established(LocalDate.of(2010, 5, 1))
                .set(InputField.REVENUE_Y0, 100).set(InputField.EMPLOYEES, 0).set(InputField.RD_STAFF, 12)
                .set(InputField.HITECH_REVENUE, 150).build();

        assertThat(CanonicalCsv.read(CanonicalCsv.write(List.of(merged)))).containsExactly(merged);
    }

    @Test
    void aDamagedFileIsRefusedWithTheRowNamed() {
        String text = new String(CanonicalCsv.write(district.subList(0, 3)), java.nio.charset.StandardCharsets.UTF_8);
        byte[] damaged = (text + "91440113MA59XXXX1K,只有两列\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);

        assertThatThrownBy(() -> CanonicalCsv.read(damaged)).isInstanceOf(EvaluationException.class)
                .hasMessageContaining("第 5 行");
    }

    @Test
    void wholeHundredthsAreWrittenWithTwoDecimalsAndCountsAsIntegers() {
        StringBuilder sb = new StringBuilder();
        CanonicalCsv.number(sb, 1234.5, InputField.Kind.AMOUNT);
        sb.append('|');
        CanonicalCsv.number(sb, -0.05, InputField.Kind.SIGNED_AMOUNT);
        sb.append('|');
        CanonicalCsv.number(sb, 7, InputField.Kind.COUNT);
        sb.append('|');
        CanonicalCsv.number(sb, Double.NaN, InputField.Kind.AMOUNT);

        assertThat(sb).hasToString("1234.50|-0.05|7|");
    }

    @Test
    void gzipRoundTripsTheBytes() {
        byte[] csv = CanonicalCsv.write(district);

        assertThat(CanonicalCsv.gunzip(CanonicalCsv.gzip(csv))).isEqualTo(csv);
        assertThat(CanonicalCsv.gzip(csv).length).isLessThan(csv.length / 2);
    }
}
