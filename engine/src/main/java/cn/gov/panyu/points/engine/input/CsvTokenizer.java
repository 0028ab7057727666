package cn.gov.panyu.points.engine.input;

/**
 * Splits RFC 4180 CSV into cells, on bytes: quoted cells, doubled quotes, CRLF, LF (or a lone CR) line
 * ends and line breaks inside quotes. Cells are handed over as slices of the buffer — no String per
 * cell — except the rare quoted cell with doubled quotes, which has to be copied to drop them.
 */
final class CsvTokenizer {

    /** Receives the cells of one record, in column order. */
    interface CellConsumer {
        /**
         * @param quoted whether the cell was in quotes; only quoted numbers may use ',' as a thousands
         *               separator (unquoted, the comma would have ended the cell)
         */
        void cell(int col, byte[] b, int from, int to, boolean quoted);

        /** A cell the CSV syntax itself is broken in; {@code b[from, to)} is its raw text. */
        void cellProblem(int col, byte[] b, int from, int to, Problem problem);

        /**
         * Offered every unquoted cell before it is delimited: a consumer that can read the cell in the
         * same pass that finds its end (a plain number) does so and returns the end; otherwise -1, and
         * the cell comes through {@link #cell} as usual. Saves a second pass over most of the bytes.
         */
        default int plainNumber(int col, byte[] b, int from, int end) {
            return -1;
        }
    }

    static final Problem UNCLOSED_QUOTE =
            new Problem("引号未闭合（缺少结尾的 \"）", "has an opening quote that is never closed");
    static final Problem TEXT_AFTER_QUOTE =
            new Problem("结尾引号后还有字符（单元格内的引号应写成两个 \"\"）",
                    "has text after its closing quote (a quote inside a cell must be doubled)");

    private CsvTokenizer() {
    }

    /**
     * Reads the record that starts at {@code p} and hands its cells to {@code consumer}.
     *
     * @return the position after the record's line end (or {@code end})
     */
    static int record(byte[] b, int p, int end, CellConsumer consumer) {
        int col = 0;
        while (true) {
            int open = p < end && (b[p] == '"' || b[p] == ' ' || b[p] == '\t') ? openingQuote(b, p, end) : -1;
            if (open >= 0) {
                p = quoted(b, open, end, col, consumer);
            } else {
                int q = consumer.plainNumber(col, b, p, end);
                if (q < 0) {
                    q = delimiter(b, p, end);
                    consumer.cell(col, b, p, q, false);
                }
                p = q;
            }
            if (p >= end) {
                return end;
            }
            byte d = b[p];
            if (d == ',') {
                p++;
                col++;
                continue;
            }
            return d == '\r' && p + 1 < end && b[p + 1] == '\n' ? p + 2 : p + 1;
        }
    }

    /** The opening quote of a cell starting at {@code p}, after blanks (`a, "b"` is common in hand-made files); else -1. */
    private static int openingQuote(byte[] b, int p, int end) {
        while (p < end && (b[p] == ' ' || b[p] == '\t')) {
            p++;
        }
        return p < end && b[p] == '"' ? p : -1;
    }

    /** The position of the first ',', CR or LF at or after {@code p}, or {@code end}. */
    static int delimiter(byte[] b, int p, int end) {
        while (p < end) {
            int c = b[p] & 0xff;
            // one comparison for nearly every byte: digits, letters and all non-ASCII bytes are above ','
            if (c <= ',' && (c == ',' || c == '\n' || c == '\r')) {
                break;
            }
            p++;
        }
        return p;
    }

    /** A quoted cell starting at the quote {@code open}; returns the position of the delimiter after it. */
    private static int quoted(byte[] b, int open, int end, int col, CellConsumer consumer) {
        boolean doubled = false;
        int q = open + 1;
        while (true) {
            while (q < end && b[q] != '"') {
                q++;
            }
            if (q >= end) {
                consumer.cellProblem(col, b, open, end, UNCLOSED_QUOTE);
                return end;
            }
            if (q + 1 < end && b[q + 1] == '"') {
                doubled = true;
                q += 2;
                continue;
            }
            break;
        }
        int close = q;
        int after = close + 1;
        while (after < end && (b[after] == ' ' || b[after] == '\t')) {
            after++;
        }
        if (after < end && b[after] != ',' && b[after] != '\n' && b[after] != '\r') {
            int d = after;
            while (d < end && b[d] != ',' && b[d] != '\n' && b[d] != '\r') {
                d++;
            }
            consumer.cellProblem(col, b, open, d, TEXT_AFTER_QUOTE);
            return d;
        }
        if (doubled) {
            byte[] copy = new byte[close - open - 1];
            int n = 0;
            for (int i = open + 1; i < close; i++) {
                copy[n++] = b[i];
                if (b[i] == '"') {
                    i++; // the second quote of a doubled pair
                }
            }
            consumer.cell(col, copy, 0, n, true);
        } else {
            consumer.cell(col, b, open + 1, close, true);
        }
        return after;
    }
}
