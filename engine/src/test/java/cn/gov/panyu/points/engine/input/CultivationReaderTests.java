package cn.gov.panyu.points.engine.input;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The pre-assessment's optional columns beside the scoring input, in CSV and XLSX. */
class CultivationReaderTests {

    @Test
    void xlsxWithChineseHeadersAndUnitsIsReadByBothReaders() {
        Map<String, String> row = Fixtures.validRow();
        List<String> keys = new ArrayList<>(row.keySet());
        byte[] xlsx = Fixtures.xlsx(ws -> {
            for (int c = 0; c < keys.size(); c++) {
                InputField f = InputField.forHeader(keys.get(c));
                ws.value(0, c, f.label());
                String v = row.get(keys.get(c));
                if (v.isEmpty()) {
                    continue;
                }
                if (f.kind() == InputField.Kind.DATE) {
                    ws.value(1, c, LocalDate.parse(v));
                    ws.style(1, c).format("yyyy-mm-dd").set();
                } else if (f.kind().numeric()) {
                    ws.value(1, c, Double.parseDouble(v));
                } else {
                    ws.value(1, c, v);
                }
            }
            ws.value(0, keys.size(), "资产总额（万元）");
            ws.value(1, keys.size(), 1234.5);
            ws.value(0, keys.size() + 1, "科技人员数*");
            ws.value(1, keys.size() + 1, 1.0); // Excel writes counts as 1.0
        });
        ReadResult records = RecordReader.read(xlsx, Fixtures.RULES.withCultivationColumns(), ProgressListener.NONE);
        assertThat(records.violations()).isEmpty();
        CultivationReader.Result extra = CultivationReader.read(xlsx);
        assertThat(extra.violations()).isEmpty();
        assertThat(extra.usccs()).containsExactly(row.get("uscc"));
        double[] v = extra.values().get(0);
        assertThat(v[CultivationField.TOTAL_ASSETS.ordinal()]).isEqualTo(1234.5);
        assertThat(v[CultivationField.ST_STAFF.ordinal()]).isEqualTo(1.0);
        assertThat(v[CultivationField.TOTAL_LIABILITIES.ordinal()]).isNaN();
    }

    @Test
    void withoutTheOptionTheColumnsStayUnknownForTheRecordReader() {
        String csv = Fixtures.csv(List.of(Fixtures.validRow())).replaceFirst("\n", ",total_assets\n").trim() + ",5\n";
        ReadResult plain = Fixtures.read(csv);
        assertThat(plain.violations()).extracting(Violation::ruleZh).anyMatch(r -> r.startsWith("未知的列名"));
        ReadResult allowed = RecordReader.read(csv.getBytes(StandardCharsets.UTF_8), Fixtures.RULES.withCultivationColumns(),
                ProgressListener.NONE);
        assertThat(allowed.violations()).isEmpty();
        assertThat(allowed.records()).hasSize(1);
    }

    @Test
    void mainProductIpMayNotExceedAllIpOfItsClass() {
        Map<String, String> row = Fixtures.validRowWith("ip_class2", "2");
        String csv = Fixtures.csv(List.of(row)).replaceFirst("\n", ",main_ip_class2,主营产品Ⅰ类知识产权数\n").trim() + ",3,0\n";
        CultivationReader.Result r = CultivationReader.read(csv.getBytes(StandardCharsets.UTF_8));
        assertThat(r.violations()).extracting(Violation::toChinese)
                .containsExactly("第 2 行，列「主营产品Ⅱ类知识产权数(main_ip_class2)」，值「3」：不得大于有效Ⅱ类知识产权数（有效Ⅱ类知识产权数为 2）");
    }
}
