package cn.gov.panyu.points.engine.cli;

import cn.gov.panyu.points.engine.calibration.CalibrationException;
import cn.gov.panyu.points.engine.input.Violation;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import java.util.regex.Pattern;

/**
 * The small UTF-8 CSV files of the calibration commands (weights, ahp, correlate): comma-separated cells,
 * numbers only, read whole. Every bad cell is reported at once, by row (as a spreadsheet numbers it) and column,
 * like the scoring input; the commands then exit 2 without printing any figure.
 *
 * @param header   the column names; for a file without a header, "1", "2", …
 * @param rows     the numbers, {@code rows[i][j]}
 * @param firstRow the file row of {@code rows[0]} (2 after a header, 1 without)
 */
record NumberTable(List<String> header, double[][] rows, int firstRow) {

    /** Plain decimal numbers: digits, an optional point and sign; no exponent, no thousands separator. */
    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+(\\.\\d*)?|\\.\\d+)");

    /** Input the command cannot use: the problems, in file order. */
    static final class Rejected extends Exception {
        final transient List<Violation> violations;
        final int dataRows;

        Rejected(List<Violation> violations, int dataRows) {
            super(violations.get(0).toEnglish());
            this.violations = violations;
            this.dataRows = dataRows;
        }

        Rejected(Violation v) {
            this(List.of(v), 0);
        }
    }

    /** A file with a header of names, then rows of plain decimal numbers. */
    static NumberTable withHeader(Path file) throws IOException, Rejected {
        List<String[]> lines = cells(file);
        if (lines.isEmpty()) {
            throw new Rejected(new Violation(0, "", null, "文件为空，应有表头和数据行", "the file is empty; a header and data rows are expected"));
        }
        String[] header = lines.get(0);
        List<Violation> problems = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int j = 0; j < header.length; j++) {
            if (header[j].isEmpty()) {
                problems.add(new Violation(1, String.valueOf(j + 1), "", "表头中的名称不能为空", "a header name is empty"));
            } else if (!seen.add(header[j])) {
                problems.add(new Violation(1, header[j], header[j], "表头中的名称重复", "the header repeats this name"));
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems, lines.size() - 1);
        }
        return numbers(Arrays.asList(header), lines.subList(1, lines.size()), 2, NumberTable::decimal, "数字", "a plain decimal number");
    }

    /** A file without a header: every row numbers, each read by {@code parse} (NaN = not acceptable). */
    static NumberTable withoutHeader(Path file, ToDoubleFunction<String> parse, String kindZh, String kindEn)
            throws IOException, Rejected {
        List<String[]> lines = cells(file);
        if (lines.isEmpty()) {
            throw new Rejected(new Violation(0, "", null, "文件为空", "the file is empty"));
        }
        int width = 0;
        for (String[] l : lines) {
            width = Math.max(width, l.length);
        }
        List<String> names = new ArrayList<>();
        for (int j = 1; j <= width; j++) {
            names.add(String.valueOf(j));
        }
        return numbers(names, lines, 1, parse, kindZh, kindEn);
    }

    /** The file row and column name of a calibration method's complaint about this table's data. */
    Violation locate(CalibrationException e) {
        int row = e.row() < 0 ? 0 : firstRow + e.row();
        String column = e.column() < 0 ? "" : header.get(e.column());
        String value = e.row() >= 0 && e.column() >= 0 ? plain(rows[e.row()][e.column()]) : null;
        return new Violation(row, column, value, e.messageZh(), e.messageEn());
    }

    /** Column j as an array. */
    double[] column(int j) {
        double[] c = new double[rows.length];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i][j];
        }
        return c;
    }

    static double decimal(String text) {
        return DECIMAL.matcher(text).matches() ? Double.parseDouble(text) : Double.NaN;
    }

    /** A number as a person typed it: no ".0" after a whole number. */
    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    private static NumberTable numbers(List<String> header, List<String[]> lines, int firstRow,
                                       ToDoubleFunction<String> parse, String kindZh, String kindEn) throws Rejected {
        List<Violation> problems = new ArrayList<>();
        double[][] rows = new double[lines.size()][];
        for (int i = 0; i < lines.size(); i++) {
            String[] cells = lines.get(i);
            int row = firstRow + i;
            if (isBlank(cells)) {
                problems.add(new Violation(row, "", null, "空行", "empty line"));
                continue;
            }
            if (cells.length != header.size()) {
                problems.add(new Violation(row, "", null, "应有 " + header.size() + " 个数，实际有 " + cells.length + " 个",
                        "expected " + header.size() + " values, found " + cells.length));
                continue;
            }
            rows[i] = new double[cells.length];
            for (int j = 0; j < cells.length; j++) {
                double v = parse.applyAsDouble(cells[j]);
                if (Double.isNaN(v)) {
                    problems.add(new Violation(row, header.get(j), cells[j], cells[j].isEmpty() ? "缺少数值" : "不是" + kindZh,
                            cells[j].isEmpty() ? "a number is missing" : "not " + kindEn));
                }
                rows[i][j] = v;
            }
        }
        if (!problems.isEmpty()) {
            throw new Rejected(problems, lines.size());
        }
        return new NumberTable(List.copyOf(header), rows, firstRow);
    }

    /** The file's lines as trimmed cells, a BOM and the blank lines at the end left out. */
    private static List<String[]> cells(Path file) throws IOException, Rejected {
        if (!Files.isRegularFile(file)) {
            throw new Rejected(new Violation(0, "", null, "找不到文件：" + file, "file not found: " + file));
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(Files.readAllBytes(file))).toString();
        } catch (CharacterCodingException e) {
            throw new Rejected(new Violation(0, "", null, "文件不是 UTF-8 编码", "the file is not UTF-8"));
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String[]> lines = new ArrayList<>();
        for (String line : text.split("\r\n|\r|\n")) { // split drops the trailing empty lines
            String[] cells = line.split(",", -1);
            for (int j = 0; j < cells.length; j++) {
                cells[j] = cells[j].trim();
            }
            lines.add(cells);
        }
        // a final line of spaces too; a blank line inside the file stays, so rows keep the numbers an editor shows
        while (!lines.isEmpty() && isBlank(lines.get(lines.size() - 1))) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }

    private static boolean isBlank(String[] cells) {
        return cells.length == 1 && cells[0].isEmpty();
    }
}
