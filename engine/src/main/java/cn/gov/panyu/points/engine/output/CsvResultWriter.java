package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.stream.IntStream;

/**
 * Writes an evaluation as UTF-8 CSV with a BOM (so that Excel shows the Chinese names correctly).
 *
 * <p>Rows are formatted in parallel blocks and written in order: formatting a million rows of numbers
 * costs more than writing them, and the machine has more than one core.
 */
public final class CsvResultWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BLOCK = 16_384;

    private CsvResultWriter() {
    }

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        out.write(BOM);
        out.write((String.join(",", ResultColumns.header(evaluation.model())) + "\n").getBytes(StandardCharsets.UTF_8));
        int n = evaluation.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        // two blocks in flight per step keep both cores busy while bounding memory
        int step = Math.max(2, Runtime.getRuntime().availableProcessors() * 2);
        for (int first = 0; first < blocks; first += step) {
            int last = Math.min(blocks, first + step);
            byte[][] formatted = new byte[last - first][];
            final int base = first;
            IntStream.range(first, last).parallel().forEach(b ->
                    formatted[b - base] = formatBlock(evaluation, b * BLOCK, Math.min(n, (b + 1) * BLOCK)));
            for (byte[] bytes : formatted) {
                out.write(bytes);
            }
        }
        out.flush();
    }

    private static byte[] formatBlock(Evaluation e, int from, int to) {
        // rows average about 200 bytes: room for 256 each means the buffer (almost) never grows mid-block
        RowBuffer buf = new RowBuffer((to - from) * 256);
        int indicators = e.model().indicators().size();
        RecordColumns.Cursor row = e.columns().cursor();
        StringBuilder text = new StringBuilder(64);
        for (int i = from; i < to; i++) {
            row.at(i).uscc(buf);
            buf.comma();
            // the name's bytes as stored; only a name that needs quoting or neutralising takes the String path
            int nameAt = buf.size();
            row.name(buf);
            if (buf.needsCsvEscaping(nameAt)) {
                buf.truncate(nameAt);
                text.setLength(0);
                appendText(text, SpreadsheetText.neutralise(e.columns().name(i)));
                buf.utf8(text);
            }
            buf.comma().ascii(e.stage(i).name()).comma();
            buf.cents(Rounding.cents(e.core(i))).comma();
            buf.cents(Rounding.cents(e.bonus(i))).comma();
            buf.cents(Rounding.cents(e.deduction(i))).comma();
            buf.cents(e.totalCents(i)).comma();
            if (e.eligible(i)) {
                buf.integer(e.rank(i));
            }
            buf.comma();
            if (e.tier(i) != null) {
                buf.ascii(e.tier(i).name());
            }
            buf.comma().ascii(e.eligible(i) ? "true" : "false");
            for (int j = 0; j < indicators; j++) {
                buf.comma().cents(Rounding.cents(e.points(i, j)));
            }
            buf.newline();
        }
        return buf.toByteArray();
    }

    /** RFC 4180: quote a field that holds a comma, quote or line break; double inner quotes. */
    static void appendText(StringBuilder sb, String text) {
        boolean quote = false;
        for (int k = 0; k < text.length() && !quote; k++) {
            char c = text.charAt(k);
            quote = c == ',' || c == '"' || c == '\n' || c == '\r';
        }
        if (!quote) {
            sb.append(text);
            return;
        }
        sb.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
