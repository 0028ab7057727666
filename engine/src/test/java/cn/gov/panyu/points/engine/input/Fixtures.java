package cn.gov.panyu.points.engine.input;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

/** Test data built from the 240-row sample: files are generated here rather than committed as binaries. */
final class Fixtures {

    /** The sample's evaluation year (its establishment dates run into 2025). */
    static final int YEAR = 2025;
    static final ReadRules RULES = ReadRules.panyu(YEAR);

    private Fixtures() {
    }

    static List<String> sampleLines() {
        return ReaderThroughput.sampleLines();
    }

    static String sampleCsv() {
        return String.join("\n", sampleLines()) + "\n";
    }

    static List<String> keys() {
        return Arrays.asList(sampleLines().get(0).split(",", -1));
    }

    /** The first sample row as key → text, in header order; tests change a cell and write it back. */
    static Map<String, String> validRow() {
        List<String> keys = keys();
        String[] cells = sampleLines().get(1).split(",", -1);
        Map<String, String> row = new LinkedHashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            row.put(keys.get(i), cells[i]);
        }
        return row;
    }

    /** A CSV of the sample header and the given rows (values are written as they are, unquoted). */
    static String csv(List<Map<String, String>> rows) {
        StringBuilder sb = new StringBuilder(String.join(",", keys())).append('\n');
        for (Map<String, String> row : rows) {
            sb.append(String.join(",", row.values())).append('\n');
        }
        return sb.toString();
    }

    /** The valid row with one cell replaced. */
    static Map<String, String> validRowWith(String key, String value) {
        Map<String, String> row = validRow();
        if (row.put(key, value) == null) {
            throw new IllegalArgumentException(key);
        }
        return row;
    }

    static ReadResult read(String csv) {
        return read(csv.getBytes(StandardCharsets.UTF_8));
    }

    static ReadResult read(byte[] content) {
        return RecordReader.read(content, RULES, ProgressListener.NONE);
    }

    static String uscc(long n) {
        return ReaderThroughput.uniqueUscc(n);
    }

    /**
     * An XLSX of the sample, numbers as numeric cells and dates as date cells, like a user's workbook.
     *
     * @param header the header text of each field (key or template label)
     */
    static byte[] sampleXlsx(Function<InputField, String> header) {
        List<String> lines = sampleLines();
        List<String> keys = keys();
        return xlsx(ws -> {
            for (int c = 0; c < keys.size(); c++) {
                ws.value(0, c, header.apply(InputField.forHeader(keys.get(c))));
            }
            for (int r = 1; r < lines.size(); r++) {
                String[] cells = lines.get(r).split(",", -1);
                for (int c = 0; c < cells.length; c++) {
                    InputField f = InputField.forHeader(keys.get(c));
                    String v = cells[c];
                    if (v.isEmpty()) {
                        continue;
                    }
                    if (f.kind() == InputField.Kind.DATE) {
                        ws.value(r, c, LocalDate.parse(v));
                        ws.style(r, c).format("yyyy-mm-dd").set();
                    } else if (f.kind().numeric()) {
                        ws.value(r, c, Double.parseDouble(v));
                    } else {
                        ws.value(r, c, v);
                    }
                }
            }
        });
    }

    interface SheetWriter {
        void write(Worksheet ws) throws IOException;
    }

    static byte[] xlsx(SheetWriter writer) {
        try {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Workbook wb = new Workbook(out, "tests", "1.0");
            writer.write(wb.newWorksheet("data"));
            wb.finish();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The rule texts of a result, for compact assertions. */
    static List<String> rules(ReadResult r) {
        List<String> rules = new ArrayList<>();
        r.violations().forEach(v -> rules.add(v.row() + " " + v.column() + " " + v.ruleEn()));
        return rules;
    }
}
