package cn.gov.panyu.points.platform.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.xlsx.StreamingXlsx;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;

class ExcelExportTests {

    record Item(int n, String name, BigDecimal amount, LocalDate day) {
    }

    /** More rows than one flush, so the sheet is streamed in parts as a real export is. */
    @Test
    void aStreamingReaderSeesEveryRowAndColumnOfAnExport() throws IOException {
        List<Item> items = IntStream.rangeClosed(1, 25_000)
                .mapToObj(i -> new Item(i, "企业" + i, BigDecimal.valueOf(i, 2), LocalDate.of(2025, 1, 1))).toList();
        List<Column<Item>> columns = List.of(new Column<>("序号", Item::n), new Column<>("名称", Item::name),
                new Column<>("金额", Item::amount), new Column<>("日期", Item::day));
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        ExcelExport.write(out, "清单", columns, items);

        List<List<String>> rows = StreamingXlsx.rows(out.toByteArray(), 0);
        assertThat(rows).hasSize(25_001);
        assertThat(rows.get(0)).containsExactly("序号", "名称", "金额", "日期");
        List<String> last = rows.get(25_000);
        assertThat(last).hasSize(4).startsWith("25000", "企业25000");
        assertThat(new BigDecimal(last.get(2))).isEqualByComparingTo("250");
    }
}
