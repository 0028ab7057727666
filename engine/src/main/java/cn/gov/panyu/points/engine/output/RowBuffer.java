package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.input.RecordColumns;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * A growable byte buffer that formats numbers straight into bytes. Writing a million result rows is
 * mostly formatting 28 numbers per row; doing it without a String per number, two digits per division,
 * is what keeps the writer at a fraction of a second.
 */
final class RowBuffer implements RecordColumns.Utf8Sink {

    /** "00", "01", … "99": one table look-up writes two digits. */
    private static final byte[] PAIRS = new byte[200];

    static {
        for (int i = 0; i < 100; i++) {
            PAIRS[2 * i] = (byte) ('0' + i / 10);
            PAIRS[2 * i + 1] = (byte) ('0' + i % 10);
        }
    }

    private byte[] bytes;
    private int size;

    RowBuffer(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    RowBuffer comma() {
        return put((byte) ',');
    }

    RowBuffer newline() {
        return put((byte) '\n');
    }

    RowBuffer utf8(CharSequence s) {
        byte[] b = s.toString().getBytes(StandardCharsets.UTF_8);
        return bytes(b, 0, b.length);
    }

    /** Bytes already in the output's encoding. */
    @Override
    public void utf8(byte[] b, int from, int to) {
        bytes(b, from, to);
    }

    RowBuffer bytes(byte[] b) {
        return bytes(b, 0, b.length);
    }

    RowBuffer bytes(byte[] b, int from, int to) {
        ensure(to - from);
        System.arraycopy(b, from, bytes, size, to - from);
        size += to - from;
        return this;
    }

    int size() {
        return size;
    }

    /** Drops what was written after {@code mark}. */
    void truncate(int mark) {
        size = mark;
    }

    /**
     * Whether the text written since {@code mark} must be quoted (RFC 4180) or neutralised against
     * formula injection ({@link SpreadsheetText}) to be one safe CSV field. Bytes suffice: every
     * character that matters is ASCII, and UTF-8 never uses ASCII bytes inside other characters.
     */
    boolean needsCsvEscaping(int mark) {
        if (mark < size && SpreadsheetText.startsFormula(bytes[mark])) {
            return true;
        }
        for (int k = mark; k < size; k++) {
            if (CsvResultWriter.needsQuotes(bytes[k])) {
                return true;
            }
        }
        return false;
    }

    RowBuffer integer(long v) {
        ensure(20);
        if (v < 0) {
            bytes[size++] = '-';
            v = -v;
        }
        if (v <= Integer.MAX_VALUE) {
            digits((int) v); // int division is markedly cheaper than long division, and nearly every number fits
        } else {
            byte[] text = Long.toString(v).getBytes(StandardCharsets.US_ASCII);
            System.arraycopy(text, 0, bytes, size, text.length);
            size += text.length;
        }
        return this;
    }

    /** Hundredths as a plain two-decimal number: 29538 → "295.38". */
    RowBuffer cents(long cents) {
        ensure(24);
        if (cents < 0) {
            bytes[size++] = '-';
            cents = -cents;
        }
        long whole = cents / 100;
        int rest = (int) (cents - whole * 100);
        integer(whole);
        bytes[size++] = '.';
        bytes[size++] = PAIRS[2 * rest];
        bytes[size++] = PAIRS[2 * rest + 1];
        return this;
    }

    /** {@code ,v} for each of {@code values[from, to)}, as {@link #cents}. */
    RowBuffer commaCents(long[] values, int from, int to) {
        for (int m = from; m < to; m++) {
            comma().cents(values[m]);
        }
        return this;
    }

    void writeTo(OutputStream out) throws IOException {
        out.write(bytes, 0, size);
    }

    /** A non-negative int, written from its last digits backwards, two at a time. */
    private void digits(int v) {
        int length = length(v);
        int end = size + length;
        int p = end;
        while (v >= 100) {
            int q = v / 100;
            int pair = 2 * (v - q * 100);
            bytes[--p] = PAIRS[pair + 1];
            bytes[--p] = PAIRS[pair];
            v = q;
        }
        if (v >= 10) {
            bytes[--p] = PAIRS[2 * v + 1];
            bytes[--p] = PAIRS[2 * v];
        } else {
            bytes[--p] = (byte) ('0' + v);
        }
        size = end;
    }

    /** Decimal digits of a non-negative int; comparisons only, the numbers here are mostly short. */
    private static int length(int v) {
        if (v < 10_000) {
            return v < 100 ? (v < 10 ? 1 : 2) : (v < 1000 ? 3 : 4);
        }
        if (v < 100_000_000) {
            return v < 1_000_000 ? (v < 100_000 ? 5 : 6) : (v < 10_000_000 ? 7 : 8);
        }
        return v < 1_000_000_000 ? 9 : 10;
    }

    private RowBuffer put(byte b) {
        ensure(1);
        bytes[size++] = b;
        return this;
    }

    private void ensure(int more) {
        if (size + more > bytes.length) {
            grow(more);
        }
    }

    /** Apart from {@link #ensure}, so that the rare copy is not compiled into every caller. */
    private void grow(int more) {
        bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, size + more));
    }
}
