package cn.gov.panyu.points.engine.input;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads the first sheet of an XLSX workbook with the same rules as a CSV: each cell is turned into the
 * text a CSV would hold and validated by the same {@link RowAssembler}, so both formats give equal
 * records. Numbers are taken from the cell's stored decimal text, which parses to the same double.
 */
final class XlsxReader {

    /** Excel's own row limit; more rows means the file was not made by Excel and is not read further. */
    static final int MAX_ROWS = 1_048_576;
    private static final int REPORT_EVERY = 4096;

    private static final Problem ERROR_CELL =
            new Problem("单元格是 Excel 错误值", "the cell holds an Excel error value");
    private static final Problem NO_CACHED_VALUE = new Problem("公式没有保存计算结果，请在 Excel 中打开并保存后再上传",
            "the formula has no saved result; open and save the file in Excel first");

    private XlsxReader() {
    }

    static boolean isZip(byte[] b) {
        return b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4;
    }

    /** The OLE2 compound-file signature of pre-2007 .xls files. */
    static boolean isLegacyXls(byte[] b) {
        return b.length >= 8 && (b[0] & 0xff) == 0xD0 && (b[1] & 0xff) == 0xCF && b[2] == 0x11 && (b[3] & 0xff) == 0xE0
                && (b[4] & 0xff) == 0xA1 && (b[5] & 0xff) == 0xB1 && b[6] == 0x1A && (b[7] & 0xff) == 0xE1;
    }

    static RecordReader.Parsed read(byte[] content, ReadRules rules, ProgressListener progress) {
        Problem unsafe = ZipGuard.check(content);
        if (unsafe != null) {
            return RecordReader.Parsed.fileProblem(unsafe, "XLSX");
        }
        ViolationSink headerSink = new ViolationSink(RecordReader.MAX_LISTED_VIOLATIONS);
        ViolationSink rowSink = new ViolationSink(RecordReader.MAX_LISTED_VIOLATIONS);
        RowAssembler rows = null;
        try (XlsxSheet sheet = XlsxSheet.open(content)) {
            boolean date1904 = sheet.date1904();
            InputField[] columns = null;
            int read = 0;
            for (Row row = sheet.next(); row != null; row = sheet.next()) {
                if (row.getRowNum() > MAX_ROWS || ++read > MAX_ROWS) {
                    headerSink.add(RecordReader.fileViolation(new Problem(
                            "工作表超过 Excel 的最大行数 " + MAX_ROWS + "，不是 Excel 生成的文件",
                            "the sheet has more than Excel's " + MAX_ROWS + " rows")));
                    break;
                }
                if (rows == null) {
                    List<String> header = headerTexts(row);
                    if (header.stream().allMatch(String::isBlank)) {
                        continue; // blank rows above the header
                    }
                    columns = Header.resolve(header, row.getRowNum(), headerSink, rules);
                    rows = new RowAssembler(columns, rules, CellDecoder.fixed(StandardCharsets.UTF_8), rowSink, 1024);
                    continue;
                }
                rows.beginRow(row.getRowNum());
                for (int col = 0; col < row.getCellCount(); col++) {
                    Cell cell = row.getCell(col);
                    if (cell != null) {
                        feed(rows, col, columns == null || col >= columns.length ? null : columns[col], cell, date1904);
                    }
                }
                rows.endRow();
                if (read % REPORT_EVERY == 0) {
                    progress.progress(read, -1);
                }
            }
            if (rows == null) {
                return RecordReader.Parsed.fileProblem(RecordReader.EMPTY_FILE, "XLSX");
            }
            progress.progress(read, read);
            if (rows.dataRows() == 0 && columns != null) {
                headerSink.add(RecordReader.fileViolation(RecordReader.NO_DATA_ROWS));
            }
        } catch (XlsxSheet.Unreadable e) {
            return RecordReader.Parsed.fileProblem(e.problem(), "XLSX");
        }
        return new RecordReader.Parsed(List.of(rows), List.of(headerSink, rowSink), "XLSX");
    }

    private static List<String> headerTexts(Row row) {
        List<String> texts = new ArrayList<>(row.getCellCount());
        for (int col = 0; col < row.getCellCount(); col++) {
            Cell cell = row.getCell(col);
            String text = cell == null ? null : text(cell);
            texts.add(text == null ? "" : text);
        }
        return texts;
    }

    private static void feed(RowAssembler rows, int col, InputField field, Cell cell, boolean date1904) {
        CellType type = cell.getType();
        if (type == CellType.EMPTY) {
            return;
        }
        if (field == null) {
            // an ignored column: its content only tells whether the row is blank
            String raw = cell.getRawValue();
            if (raw != null && !raw.isEmpty()) {
                byte[] b = raw.getBytes(StandardCharsets.UTF_8);
                rows.cell(col, b, 0, b.length, true);
            }
            return;
        }
        if (type == CellType.ERROR) {
            rows.cellProblem(col, String.valueOf(cell.getRawValue()), ERROR_CELL);
            return;
        }
        if (type == CellType.FORMULA && cell.getRawValue() == null) {
            rows.cellProblem(col, "=" + cell.getFormula(), NO_CACHED_VALUE);
            return;
        }
        String text;
        if (field == InputField.ESTABLISHED && cell.getValue() instanceof BigDecimal serial) {
            // a date cell is a number formatted as a date: the serial day count since 1900 (or 1904)
            LocalDate date = Dates.fromExcelSerial(serial.doubleValue(), date1904);
            text = date == null ? serial.toPlainString() : date.toString();
        } else {
            text = text(cell);
        }
        if (text == null || text.isEmpty()) {
            return;
        }
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        rows.cell(col, b, 0, b.length, true);
    }

    /** The cell as the text a CSV export would hold; numbers in plain decimal notation. */
    static String text(Cell cell) {
        Object value = cell.getValue();
        if (value instanceof BigDecimal number) {
            // the stored decimal, exactly: parses to the same double as the CSV text would — keeping
            // the sign of a negative zero, which BigDecimal drops but Double.parseDouble("-0.0") does not
            String plain = number.toPlainString();
            return number.signum() == 0 && cell.getRawValue().startsWith("-") ? "-" + plain : plain;
        }
        if (cell.getType() == CellType.BOOLEAN) {
            return Boolean.TRUE.equals(value) ? "1" : "0";
        }
        if (value instanceof String s) {
            return s;
        }
        return cell.getRawValue();
    }
}
