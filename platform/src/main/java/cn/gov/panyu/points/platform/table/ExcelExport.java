package cn.gov.panyu.points.platform.table;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.function.Function;

import org.dhatim.fastexcel.Worksheet;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

import cn.gov.panyu.points.engine.output.SpreadsheetText;
import cn.gov.panyu.points.engine.xlsx.Xlsx;

/**
 * "导出Excel" for any list: a header row of Chinese column titles, then one row per item, numbers as
 * numeric cells, text neutralised against formula injection. Streams, so a 100,000-row export fits in
 * little memory.
 */
public final class ExcelExport {

    public static final MediaType XLSX =
            MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

    /** A column: its title and how to get the cell value (String, Number, LocalDate, Boolean or null). */
    public record Column<T>(String title, Function<T, Object> value) {
    }

    private ExcelExport() {
    }

    /** A download response named {@code fileName.xlsx} (the browser shows the Chinese name). */
    public static <T> ResponseEntity<StreamingResponseBody> response(String fileName, String sheet,
                                                                     List<Column<T>> columns, Iterable<T> rows) {
        ContentDisposition disposition = ContentDisposition.attachment()
                .filename(fileName + ".xlsx", StandardCharsets.UTF_8).build();
        StreamingResponseBody body = out -> write(out, sheet, columns, rows);
        return ResponseEntity.ok().contentType(XLSX)
                .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
                .header("X-Export-Name", URLEncoder.encode(fileName, StandardCharsets.UTF_8))
                .body(body);
    }

    public static <T> void write(OutputStream out, String sheet, List<Column<T>> columns, Iterable<T> rows)
            throws IOException {
        Xlsx.write(out, "番禺区企业创新积分智能评价平台", wb -> write(wb.newWorksheet(sheet), columns, rows));
    }

    private static <T> void write(Worksheet ws, List<Column<T>> columns, Iterable<T> rows) throws IOException {
        for (int c = 0; c < columns.size(); c++) {
            ws.value(0, c, columns.get(c).title());
            ws.width(c, Math.max(10, columns.get(c).title().length() * 2.2));
        }
        ws.range(0, 0, 0, columns.size() - 1).style().bold().fillColor("DDE7F7").set();
        ws.freezePane(0, 1);
        int r = 1;
        for (T row : rows) {
            for (int c = 0; c < columns.size(); c++) {
                cell(ws, r, c, columns.get(c).value().apply(row));
            }
            if (r % 10_000 == 0) {
                ws.flush();
            }
            r++;
        }
    }

    private static void cell(Worksheet ws, int r, int c, Object v) {
        if (v == null) {
            return;
        }
        if (v instanceof BigDecimal d) {
            ws.value(r, c, d);
            ws.style(r, c).format(d.scale() > 0 ? "#,##0.00" : "#,##0").set();
        } else if (v instanceof Number n) {
            ws.value(r, c, n);
        } else if (v instanceof LocalDate d) {
            ws.value(r, c, d);
            ws.style(r, c).format("yyyy-mm-dd").set();
        } else if (v instanceof LocalDateTime t) {
            ws.value(r, c, t);
            ws.style(r, c).format("yyyy-mm-dd hh:mm").set();
        } else if (v instanceof Boolean b) {
            ws.value(r, c, b ? "是" : "否");
        } else {
            ws.value(r, c, SpreadsheetText.neutralise(v.toString()));
        }
    }
}
