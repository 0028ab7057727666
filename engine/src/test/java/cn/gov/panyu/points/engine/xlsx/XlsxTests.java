package cn.gov.panyu.points.engine.xlsx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;

class XlsxTests {

    @Test
    void everySheetDeclaresTheCellsItHoldsSoStreamingReadersSeeThemAll() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Xlsx.write(out, "test", wb -> {
            var big = wb.newWorksheet("big");
            for (int r = 0; r < 30_000; r++) {
                for (int c = 0; c < 28; c++) {
                    big.value(r, c, r + "/" + c);
                }
                if (r % 10_000 == 0) {
                    big.flush();
                }
            }
            wb.newWorksheet("one").value(0, 0, "只有一格");
        });

        List<List<String>> rows = StreamingXlsx.rows(out.toByteArray(), 0);
        assertThat(rows).hasSize(30_000);
        assertThat(rows.get(29_999)).hasSize(28).endsWith("29999/27");
        assertThat(StreamingXlsx.rows(out.toByteArray(), 1)).containsExactly(List.of("只有一格"));
    }

    @Test
    void aRangeIsMeasuredFromTheCellReferencesAcrossBufferBoundaries() throws IOException {
        StringBuilder xml = new StringBuilder("<worksheet><dimension ref=\"A1\"/><sheetData>");
        for (int r = 1; r <= 20_000; r++) {
            xml.append("<row r=\"").append(r).append("\"><c r=\"B").append(r).append("\" t=\"inlineStr\"><is><t>&lt;c r=&quot;ZZ9</t></is></c>")
                    .append("<c r=\"AC").append(r).append("\"><v>1</v></c></row>");
        }
        xml.append("</sheetData></worksheet>");

        Xlsx.Range range = Xlsx.measure(new ByteArrayInputStream(xml.toString().getBytes(StandardCharsets.UTF_8)));

        assertThat(range.ref()).isEqualTo("B1:AC20000");
        assertThat(new Xlsx.Range().ref()).isEqualTo("A1");
    }
}
