package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * Writes {@link Row}s as the engine's CSV input (spec §1): header of the {@link InputField} keys in
 * enum order, UTF-8 without BOM, amounts with two decimals, an empty cell for a missing value, sets
 * joined by ';' in enum order.
 *
 * <p>Straight into a byte buffer — no String, no formatter, no charset encoder per row — because this
 * is the loop that writes a million rows; what each column needs is worked out once, not per cell. No
 * cell needs quoting: codes, numbers and dates cannot hold a comma, and the name and town word lists
 * contain none (a test checks it).
 */
final class CsvRowWriter {

    private static final InputField[] FIELDS = InputField.values();
    /** What each column is, by position: one of the cell constants below. */
    private static final int[] CELL = new int[FIELDS.length];
    /** For numeric columns, the index into the row's values. */
    private static final int[] NUMERIC_INDEX = new int[FIELDS.length];
    private static final int FEN = 0;
    private static final int COUNT = 1;
    private static final int OTHER = 2;

    private static final byte[][] QUALIFICATION_CODES = codes(Qualification.values());
    private static final byte[][] NEGATIVE_CODES = codes(Negative.values());
    /** Room for any number: a sign, 19 digits, a point. */
    private static final int NUMBER_BYTES = 21;

    static {
        for (int i = 0; i < FIELDS.length; i++) {
            InputField f = FIELDS[i];
            NUMERIC_INDEX[i] = f.numericIndex();
            CELL[i] = !f.kind().numeric() ? OTHER : Row.inFen(f) ? FEN : COUNT;
        }
    }

    private final OutputStream out;
    /** Whether the pre-assessment's columns follow the input columns. */
    private final boolean cultivation;
    private final long[] extra = new long[CultivationDraw.FIELDS.length];
    private final byte[] buffer = new byte[1 << 16];
    private final byte[] digits = new byte[20];
    private int position;

    CsvRowWriter(OutputStream out) {
        this(out, false);
    }

    CsvRowWriter(OutputStream out, boolean cultivation) {
        this.out = out;
        this.cultivation = cultivation;
    }

    void writeHeader() throws IOException {
        for (int i = 0; i < FIELDS.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            put(FIELDS[i].key().getBytes(StandardCharsets.US_ASCII));
        }
        if (cultivation) {
            for (CultivationField f : CultivationDraw.FIELDS) {
                put((byte) ',');
                put(f.key().getBytes(StandardCharsets.US_ASCII));
            }
        }
        put((byte) '\n');
    }

    void write(Row row) throws IOException {
        for (int i = 0; i < FIELDS.length; i++) {
            if (i > 0) {
                put((byte) ',');
            }
            int cell = CELL[i];
            if (cell == OTHER) {
                writeText(FIELDS[i], row);
                continue;
            }
            long v = row.get(NUMERIC_INDEX[i]);
            if (v == Row.MISSING) {
                continue;
            }
            ensure(NUMBER_BYTES);
            if (cell == FEN) {
                putFen(v);
            } else {
                putLong(v);
            }
        }
        if (cultivation) {
            writeCultivation(row);
        }
        put((byte) '\n');
    }

    private void writeCultivation(Row row) throws IOException {
        CultivationDraw.fill(row, extra);
        for (CultivationField f : CultivationDraw.FIELDS) {
            put((byte) ',');
            long v = extra[f.ordinal()];
            if (v == Row.MISSING) {
                continue;
            }
            ensure(NUMBER_BYTES);
            if (CultivationDraw.inFen(f)) {
                putFen(v);
            } else {
                putLong(v);
            }
        }
    }

    private void writeText(InputField field, Row row) throws IOException {
        switch (field) {
            case USCC -> put(row.uscc);
            case NAME -> {
                for (int p = 0; p < row.nameLength; p++) {
                    put(row.nameParts[p].utf8());
                }
            }
            case TOWN -> put(row.town.word().utf8());
            case INDUSTRY -> put(row.industry.code().utf8());
            case ESTABLISHED -> putDate(row.establishedYear, row.establishedMonth, row.establishedDay);
            case QUALIFICATIONS -> putSet(row.qualifications, QUALIFICATION_CODES);
            case NEGATIVES -> putSet(row.negatives, NEGATIVE_CODES);
            default -> throw new IllegalStateException("no text cell: " + field);
        }
    }

    /** Hands everything buffered to the stream and flushes it; the caller keeps the stream open. */
    void flush() throws IOException {
        drain();
        out.flush();
    }

    private void drain() throws IOException {
        out.write(buffer, 0, position);
        position = 0;
    }

    private void ensure(int bytes) throws IOException {
        if (position + bytes > buffer.length) {
            drain();
        }
    }

    private void put(byte b) throws IOException {
        ensure(1);
        buffer[position++] = b;
    }

    private void put(byte[] bytes) throws IOException {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, position, bytes.length);
        position += bytes.length;
    }

    /** Needs {@link #NUMBER_BYTES} of room. */
    private void putLong(long v) {
        if (v < 0) {
            buffer[position++] = '-';
            v = -v; // the model's values are far from Long.MIN_VALUE
        }
        if (v < 10) {
            // most counts are 0 or a single digit
            buffer[position++] = (byte) ('0' + v);
            return;
        }
        // two digits per division: this runs for some twenty cells of every row
        int n = 0;
        while (v >= 100) {
            int pair = (int) (v % 100);
            v /= 100;
            digits[n++] = (byte) ('0' + pair % 10);
            digits[n++] = (byte) ('0' + pair / 10);
        }
        int rest = (int) v;
        digits[n++] = (byte) ('0' + rest % 10);
        if (rest >= 10) {
            digits[n++] = (byte) ('0' + rest / 10);
        }
        while (n > 0) {
            buffer[position++] = digits[--n];
        }
    }

    /** Fen as 万元 with exactly two decimals: 12345 → "123.45", -5 → "-0.05". Needs {@link #NUMBER_BYTES} of room. */
    private void putFen(long fen) {
        if (fen < 0) {
            buffer[position++] = '-';
            fen = -fen;
        }
        putLong(fen / 100);
        int cents = (int) (fen % 100);
        buffer[position++] = '.';
        buffer[position++] = (byte) ('0' + cents / 10);
        buffer[position++] = (byte) ('0' + cents % 10);
    }

    private void putDate(int year, int month, int day) throws IOException {
        ensure(10);
        twoDigits(year / 100);
        twoDigits(year % 100);
        buffer[position++] = '-';
        twoDigits(month);
        buffer[position++] = '-';
        twoDigits(day);
    }

    private void twoDigits(int v) {
        buffer[position++] = (byte) ('0' + v / 10);
        buffer[position++] = (byte) ('0' + v % 10);
    }

    private void putSet(int bits, byte[][] codes) throws IOException {
        boolean first = true;
        for (int i = 0; i < codes.length; i++) {
            if ((bits & (1 << i)) != 0) {
                if (!first) {
                    put((byte) ';');
                }
                put(codes[i]);
                first = false;
            }
        }
    }

    private static byte[][] codes(Enum<?>[] constants) {
        byte[][] codes = new byte[constants.length][];
        for (int i = 0; i < constants.length; i++) {
            codes[i] = constants[i].name().getBytes(StandardCharsets.US_ASCII);
        }
        return codes;
    }
}
