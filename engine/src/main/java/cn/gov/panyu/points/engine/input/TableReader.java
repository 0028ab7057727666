package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import org.dhatim.fastexcel.reader.Cell;
import org.dhatim.fastexcel.reader.CellType;
import org.dhatim.fastexcel.reader.Row;

/**
 * Reads any table — a header row and rows of cells as text — from CSV or XLSX with the same machinery as
 * {@link RecordReader}: format by content, UTF-8 (with or without BOM) or GB18030 detection, RFC 4180,
 * the zip-bomb guard, Excel error cells and formulas without a saved result. Unlike RecordReader it knows
 * nothing about the columns, so that files with other columns (a department's share of a record) can
 * reuse it; their meaning is the caller's, the rules for their values are {@link FieldRules}'.
 */
public final class TableReader {

    /** Rows between progress reports. */
    private static final int REPORT_EVERY = 4096;

    private TableReader() {
    }

    /**
     * A table as read.
     *
     * @param header      the header cells' text (blank cells as "")
     * @param headerRow   the header's row number (1 unless blank rows precede it)
     * @param rows        the non-blank rows below the header, in file order
     * @param encoding    {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030} or {@code XLSX}
     * @param problemZh   why the file as a whole cannot be read (empty, unreadable, not a table …), in
     *                    Chinese; null when it could be read
     * @param problemEn   the same in English
     * @param date1904    an XLSX workbook in the 1904 date system
     */
    public record Table(List<String> header, int headerRow, List<TableRow> rows, String encoding, String problemZh,
                        String problemEn, boolean date1904) {

        static Table problem(Problem p, String encoding) {
            return new Table(List.of(), 0, List.of(), encoding, p.zh(), p.en(), false);
        }

        /**
         * A date cell: {@code yyyy-M-d} or {@code yyyy/M/d}, or in an XLSX the serial day number Excel
         * stores for a date-formatted cell. Null when the text is not a date.
         */
        public LocalDate date(String text) {
            if (text == null) {
                return null;
            }
            byte[] b = text.strip().getBytes(StandardCharsets.UTF_8);
            int ymd = Dates.parse(b, 0, b.length);
            if (ymd > 0) {
                return LocalDate.of(ymd / 10000, ymd / 100 % 100, ymd % 100);
            }
            if ("XLSX".equals(encoding) && ymd == Dates.BAD_FORMAT) {
                double serial = Decimals.parse(b, 0, b.length, false);
                return Double.isNaN(serial) ? null : Dates.fromExcelSerial(serial, date1904);
            }
            return null;
        }
    }

    /**
     * One row.
     *
     * @param number   the spreadsheet row number (header = 1 in a file without leading blank rows)
     * @param cells    the cells' text by column; null for an empty cell
     * @param problems per column, a cell the file format itself is broken in (unclosed quote, Excel error
     *                 value, formula without result, undecodable bytes), in Chinese; null when none
     */
    public record TableRow(int number, String[] cells, String[] problems) {

        public String cell(int col) {
            return col < cells.length ? cells[col] : null;
        }

        public String problem(int col) {
            return problems == null || col >= problems.length ? null : problems[col];
        }
    }

    /**
     * Reads the table of a CSV file or of an XLSX workbook's first sheet; never throws on bad content.
     * An exception of the progress listener, or of a bug, is not bad content and propagates.
     */
    public static Table read(byte[] content, ProgressListener progress) {
        Objects.requireNonNull(content, "content");
        ProgressListener listener = progress == null ? ProgressListener.NONE : progress;
        if (content.length == 0) {
            return Table.problem(RecordReader.EMPTY_FILE, "");
        }
        if (XlsxReader.isZip(content)) {
            return xlsx(content, listener);
        }
        if (XlsxReader.isLegacyXls(content)) {
            return Table.problem(new Problem("不支持旧版 Excel (.xls) 文件，请另存为 .xlsx 或“CSV UTF-8”",
                    "legacy Excel (.xls) files are not supported; save as .xlsx or \"CSV UTF-8\""), "XLS");
        }
        return csv(content, listener);
    }

    // ---- CSV ----

    private static Table csv(byte[] b, ProgressListener progress) {
        if (b.length >= 2 && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF))) {
            return Table.problem(new Problem("不支持 UTF-16 编码的文本，请在 Excel 中另存为“CSV UTF-8”或 .xlsx",
                    "UTF-16 text is not supported; save as \"CSV UTF-8\" or .xlsx"), "UTF-16");
        }
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return csv(b, 3, CellDecoder.fixed(StandardCharsets.UTF_8), "UTF-8 (BOM)", progress);
        }
        try {
            return csv(b, 0, CellDecoder.utf8Guess(), "UTF-8", progress);
        } catch (CellDecoder.NotUtf8 e) {
            return csv(b, 0, CellDecoder.fixed(CellDecoder.GB18030), "GB18030", progress);
        }
    }

    private static Table csv(byte[] b, int start, CellDecoder decoder, String encoding, ProgressListener progress) {
        Cells cells = new Cells(decoder);
        int p = start;
        int row = 0;
        List<String> header = null;
        int headerRow = 0;
        List<TableRow> rows = new ArrayList<>();
        while (p < b.length) {
            row++;
            cells.clear();
            p = CsvTokenizer.record(b, p, b.length, cells);
            if (cells.blank()) {
                continue;
            }
            if (header == null) {
                header = new ArrayList<>();
                for (int i = 0; i < cells.count; i++) {
                    header.add(cells.texts[i] == null ? "" : cells.texts[i]);
                }
                headerRow = row;
            } else {
                rows.add(cells.toRow(row));
            }
            if ((row & (REPORT_EVERY - 1)) == 0) {
                progress.progress(p, b.length);
            }
        }
        progress.progress(b.length, b.length);
        if (header == null) {
            return Table.problem(RecordReader.EMPTY_FILE, encoding);
        }
        return new Table(List.copyOf(header), headerRow, rows, encoding, null, null, false);
    }

    /** Collects one CSV record's cells as text. */
    private static final class Cells implements CsvTokenizer.CellConsumer {
        private final CellDecoder decoder;
        String[] texts = new String[16];
        String[] problems = new String[16];
        boolean anyProblem;
        int count;

        Cells(CellDecoder decoder) {
            this.decoder = decoder;
        }

        void clear() {
            Arrays.fill(texts, 0, count, null);
            Arrays.fill(problems, 0, count, null);
            anyProblem = false;
            count = 0;
        }

        private void grow(int col) {
            if (col >= texts.length) {
                texts = Arrays.copyOf(texts, Math.max(col + 1, texts.length * 2));
                problems = Arrays.copyOf(problems, texts.length);
            }
            count = Math.max(count, col + 1);
        }

        @Override
        public void cell(int col, byte[] b, int from, int to, boolean quoted) {
            grow(col);
            String s = decoder.decode(b, from, to);
            if (decoder.malformed()) {
                problems[col] = CellDecoder.UNDECODABLE.zh();
                anyProblem = true;
            }
            s = s.strip();
            texts[col] = s.isEmpty() ? null : s;
        }

        @Override
        public void cellProblem(int col, byte[] b, int from, int to, Problem problem) {
            grow(col);
            texts[col] = decoder.decode(b, from, Math.min(to, from + 100));
            problems[col] = problem.zh();
            anyProblem = true;
        }

        boolean blank() {
            if (anyProblem) {
                return false;
            }
            for (int i = 0; i < count; i++) {
                if (texts[i] != null) {
                    return false;
                }
            }
            return true;
        }

        TableRow toRow(int number) {
            return new TableRow(number, Arrays.copyOf(texts, count), anyProblem ? Arrays.copyOf(problems, count) : null);
        }
    }

    // ---- XLSX ----

    private static Table xlsx(byte[] content, ProgressListener progress) {
        Problem unsafe = ZipGuard.check(content);
        if (unsafe != null) {
            return Table.problem(unsafe, "XLSX");
        }
        List<String> header = null;
        int headerRow = 0;
        List<TableRow> rows = new ArrayList<>();
        boolean date1904;
        try (XlsxSheet sheet = XlsxSheet.open(content)) {
            date1904 = sheet.date1904();
            int read = 0;
            for (Row row = sheet.next(); row != null; row = sheet.next()) {
                if (row.getRowNum() > XlsxReader.MAX_ROWS || ++read > XlsxReader.MAX_ROWS) {
                    return Table.problem(new Problem("工作表超过 Excel 的最大行数 " + XlsxReader.MAX_ROWS
                            + "，不是 Excel 生成的文件", "the sheet has more than Excel's " + XlsxReader.MAX_ROWS
                            + " rows"), "XLSX");
                }
                int n = row.getCellCount();
                String[] texts = new String[n];
                String[] problems = null;
                boolean blank = true;
                for (int col = 0; col < n; col++) {
                    Cell cell = row.getCell(col);
                    if (cell == null || cell.getType() == CellType.EMPTY) {
                        continue;
                    }
                    String problem = null;
                    if (cell.getType() == CellType.ERROR) {
                        problem = "单元格是 Excel 错误值";
                        texts[col] = String.valueOf(cell.getRawValue());
                    } else if (cell.getType() == CellType.FORMULA && cell.getRawValue() == null) {
                        problem = "公式没有保存计算结果，请在 Excel 中打开并保存后再上传";
                        texts[col] = "=" + cell.getFormula();
                    } else {
                        // as the record reader sees it: a negative zero keeps its sign
                        String t = XlsxReader.text(cell);
                        t = t == null ? null : t.strip();
                        texts[col] = t == null || t.isEmpty() ? null : t;
                    }
                    if (problem != null) {
                        problems = problems == null ? new String[n] : problems;
                        problems[col] = problem;
                    }
                    blank &= texts[col] == null && problem == null;
                }
                if (blank) {
                    continue;
                }
                if (header == null) {
                    header = new ArrayList<>();
                    for (String t : texts) {
                        header.add(t == null ? "" : t);
                    }
                    headerRow = row.getRowNum();
                } else {
                    rows.add(new TableRow(row.getRowNum(), texts, problems));
                }
                if (read % REPORT_EVERY == 0) {
                    progress.progress(read, -1);
                }
            }
            progress.progress(read, read);
        } catch (XlsxSheet.Unreadable e) {
            return Table.problem(e.problem(), "XLSX");
        }
        if (header == null) {
            return Table.problem(RecordReader.EMPTY_FILE, "XLSX");
        }
        return new Table(List.copyOf(header), headerRow, rows, "XLSX", null, null, date1904);
    }
}
