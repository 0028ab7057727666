package cn.gov.panyu.points.platform.evaluation;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

/**
 * The exact input of a run as the engine's CSV (scoring-spec §1): header of the {@link InputField} keys in
 * enum order, records in the given order (the loader sorts by USCC), UTF-8, '\n' line ends, an empty
 * cell for a missing value, sets in enum order joined by ';'. The text is a pure function of the
 * records, so identical data gives identical bytes and therefore the same SHA-256 (the run's input hash).
 *
 * <p>Numbers are written so that they parse back to the very same double: a value that is a whole
 * number of hundredths is written with two decimals (what the forms and imports produce), anything else
 * in its shortest exact decimal form. The engine's own readers accept the file.
 */
final class CanonicalCsv {

    private static final InputField[] FIELDS = InputField.values();
    private static final InputField.Kind[] KINDS = new InputField.Kind[FIELDS.length];
    private static final int[] NUMERIC = new int[FIELDS.length];
    private static final HexFormat HEX = HexFormat.of();

    static {
        for (int i = 0; i < FIELDS.length; i++) {
            KINDS[i] = FIELDS[i].kind();
            NUMERIC[i] = FIELDS[i].numericIndex();
        }
    }

    private CanonicalCsv() {
    }

    static String header() {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < FIELDS.length; i++) {
            sb.append(i == 0 ? "" : ",").append(FIELDS[i].key());
        }
        return sb.toString();
    }

    static byte[] write(List<EnterpriseRecord> records) {
        StringBuilder sb = new StringBuilder(records.size() * 220 + 512);
        sb.append(header()).append('\n');
        for (EnterpriseRecord r : records) {
            appendRow(sb, r);
        }
        return sb.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void appendRow(StringBuilder sb, EnterpriseRecord r) {
        for (int i = 0; i < FIELDS.length; i++) {
            if (i > 0) {
                sb.append(',');
            }
            switch (FIELDS[i]) {
                case USCC -> text(sb, r.uscc());
                case NAME -> text(sb, r.name());
                case TOWN -> text(sb, r.town());
                case INDUSTRY -> text(sb, r.industry());
                case ESTABLISHED -> sb.append(r.established());
                case QUALIFICATIONS -> {
                    String sep = "";
                    for (Qualification q : Qualification.values()) {
                        if (r.has(q)) {
                            sb.append(sep).append(q.name());
                            sep = ";";
                        }
                    }
                }
                case NEGATIVES -> {
                    String sep = "";
                    for (Negative n : Negative.values()) {
                        if (r.has(n)) {
                            sb.append(sep).append(n.name());
                            sep = ";";
                        }
                    }
                }
                default -> number(sb, r.number(NUMERIC[i]), KINDS[i]);
            }
        }
        sb.append('\n');
    }

    /** Quoted only when needed (RFC 4180), so that names with commas or quotes survive. */
    private static void text(StringBuilder sb, String s) {
        if (s.indexOf(',') < 0 && s.indexOf('"') < 0 && s.indexOf('\n') < 0 && s.indexOf('\r') < 0) {
            sb.append(s);
            return;
        }
        sb.append('"').append(s.replace("\"", "\"\"")).append('"');
    }

    static void number(StringBuilder sb, double v, InputField.Kind kind) {
        if (Double.isNaN(v)) {
            return;
        }
        if (kind != InputField.Kind.AMOUNT && kind != InputField.Kind.SIGNED_AMOUNT && v == Math.rint(v)
                && Math.abs(v) < 1e15) {
            sb.append((long) v);
            return;
        }
        double scaled = v * 100;
        if (Math.abs(scaled) < 1e15) {
            long cents = Math.round(scaled);
            // cents / 100.0 is the correctly rounded quotient, as parsing "x.yz" is: equal means exact
            if (cents / 100.0 == v) {
                if (cents < 0) {
                    sb.append('-');
                    cents = -cents;
                }
                sb.append(cents / 100).append('.');
                long rest = cents % 100;
                sb.append(rest < 10 ? "0" : "").append(rest);
                return;
            }
        }
        sb.append(BigDecimal.valueOf(v).toPlainString());
    }

    /** Reads a file written by {@link #write(List)} back into the same records (for 重新计算核对). */
    static List<EnterpriseRecord> read(byte[] csv) {
        String text = new String(csv, StandardCharsets.UTF_8);
        List<EnterpriseRecord> records = new ArrayList<>();
        int pos = text.indexOf('\n') + 1;
        if (!text.substring(0, Math.max(0, pos - 1)).equals(header())) {
            throw new EvaluationException("保存的评价输入格式不符，无法核对。");
        }
        List<String> cells = new ArrayList<>(FIELDS.length);
        while (pos < text.length()) {
            cells.clear();
            pos = parseLine(text, pos, cells);
            if (cells.size() != FIELDS.length) {
                throw new EvaluationException("保存的评价输入第 " + (records.size() + 2) + " 行列数不符，无法核对。");
            }
            records.add(record(cells));
        }
        return records;
    }

    private static int parseLine(String text, int pos, List<String> cells) {
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (quoted) {
                if (c == '"') {
                    if (pos < text.length() && text.charAt(pos) == '"') {
                        cell.append('"');
                        pos++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n') {
                break;
            } else {
                cell.append(c);
            }
        }
        cells.add(cell.toString());
        return pos;
    }

    private static EnterpriseRecord record(List<String> cells) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(cells.get(InputField.USCC.ordinal()))
                .name(cells.get(InputField.NAME.ordinal()))
                .town(cells.get(InputField.TOWN.ordinal()))
                .industry(cells.get(InputField.INDUSTRY.ordinal()))
                .established(LocalDate.parse(cells.get(InputField.ESTABLISHED.ordinal())));
        for (InputField f : InputField.numericFields()) {
            String cell = cells.get(f.ordinal());
            if (!cell.isEmpty()) {
                b.set(f, Double.parseDouble(cell));
            }
        }
        for (String code : cells.get(InputField.QUALIFICATIONS.ordinal()).split(";")) {
            if (!code.isEmpty()) {
                b.qualification(Qualification.valueOf(code));
            }
        }
        for (String code : cells.get(InputField.NEGATIVES.ordinal()).split(";")) {
            if (!code.isEmpty()) {
                b.negative(Negative.valueOf(code));
            }
        }
        return b.build();
    }

    static String sha256(byte[] bytes) {
        try {
            return HEX.formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    /** Gzip at a fast level: the stored copy is for reproduction, read rarely, written on every run. */
    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 5 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16) {
            {
                def.setLevel(Deflater.BEST_SPEED);
            }
        }) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    static byte[] gunzip(byte[] bytes) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes), 1 << 16)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new EvaluationException("保存的评价输入已损坏，无法核对。", e);
        }
    }
}
