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
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.input.TableReader;

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
    private static final List<String> HEADER = Arrays.stream(FIELDS).map(InputField::key).toList();

    static {
        for (int i = 0; i < FIELDS.length; i++) {
            KINDS[i] = FIELDS[i].kind();
            NUMERIC[i] = FIELDS[i].numericIndex();
        }
    }

    private CanonicalCsv() {
    }

    static String header() {
        return String.join(",", HEADER);
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
                case QUALIFICATIONS -> sb.append(SetCodes.QUALIFICATIONS.toStored(r.qualifications()));
                case NEGATIVES -> sb.append(SetCodes.NEGATIVES.toStored(r.negatives()));
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

    /**
     * Reads a file written by {@link #write(List)} back into the same records (for 重新计算核对 and the
     * what-if of a frozen run).
     *
     * <p>The file is read by the engine's {@link TableReader} — the CSV machinery of its record reader —
     * but not through the record reader's rules: this file is the archive of what a run scored and must
     * read back exactly as written, also where the merged data break a rule of scoring-spec §1 that no
     * single source could check (rd_staff ≤ employees when 统计 and 社保 each report one of them, which
     * {@code PlausibilityChecks} flags but does not block) or data imported before a rule was enforced.
     * Refusing such a record here would make a past run unverifiable. Values are read as written:
     * numbers as the engine parses them (the double {@link Double#parseDouble} gives, which is what
     * {@code RecordReader} reads, too), dates in ISO form, sets in their stored form ({@link SetCodes}).
     */
    static List<EnterpriseRecord> read(byte[] csv) {
        TableReader.Table table = TableReader.read(csv, null);
        if (table.problemZh() != null || !table.header().equals(HEADER)) {
            throw new EvaluationException("保存的评价输入格式不符，无法核对。");
        }
        List<EnterpriseRecord> records = new ArrayList<>(table.rows().size());
        for (TableReader.TableRow row : table.rows()) {
            if (row.cells().length != FIELDS.length || row.problems() != null) {
                throw new EvaluationException("保存的评价输入第 " + row.number() + " 行格式不符，无法核对。");
            }
            records.add(record(row));
        }
        return records;
    }

    private static EnterpriseRecord record(TableReader.TableRow row) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(text(row, InputField.USCC))
                .name(text(row, InputField.NAME))
                .town(text(row, InputField.TOWN))
                .industry(text(row, InputField.INDUSTRY))
                .established(LocalDate.parse(text(row, InputField.ESTABLISHED)));
        for (InputField f : InputField.numericFields()) {
            String cell = row.cell(f.ordinal());
            if (cell != null) {
                b.set(f, Double.parseDouble(cell));
            }
        }
        SetCodes.QUALIFICATIONS.fromStored(row.cell(InputField.QUALIFICATIONS.ordinal())).forEach(b::qualification);
        SetCodes.NEGATIVES.fromStored(row.cell(InputField.NEGATIVES.ordinal())).forEach(b::negative);
        return b.build();
    }

    /** A text cell; the table reader gives a blank one as null, the record as "". */
    private static String text(TableReader.TableRow row, InputField field) {
        String cell = row.cell(field.ordinal());
        return cell == null ? "" : cell;
    }

    /**
     * The rows of the given enterprises as written, keyed by USCC; an enterprise the file does not hold is
     * absent. Compared, not parsed: two runs scored an enterprise with the same data exactly when its rows
     * are equal, because the text is a pure function of the record. The USCC opens every row unquoted; a
     * row ends at a line end outside quotes (a quoted name may hold one).
     */
    static Map<String, String> rows(byte[] csv, Set<String> usccs) {
        String text = new String(csv, StandardCharsets.UTF_8);
        Map<String, String> rows = new HashMap<>();
        int start = text.indexOf('\n') + 1; // after the header
        boolean quoted = false;
        for (int i = start; i < text.length() && rows.size() < usccs.size(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (c == '\n' && !quoted) {
                int comma = text.indexOf(',', start);
                if (comma > start && comma < i && usccs.contains(text.substring(start, comma))) {
                    rows.put(text.substring(start, comma), text.substring(start, i));
                }
                start = i + 1;
            }
        }
        return rows;
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
