package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Checks the cells of data rows against scoring-spec §1 and builds a record from every row that breaks
 * no rule. Works on the cell's bytes, so that the CSV reader can hand over slices of the file without
 * making a String per cell; the XLSX reader hands over each cell's text as UTF-8. The rules and their
 * messages are {@link FieldRules}' — the same the platform's imports and declarations apply; only the
 * way to reach a verdict fast is this class's own.
 *
 * <p>One instance reads one run of consecutive rows (a CSV chunk or a whole sheet) on one thread. It
 * remembers, per data row, the row number, the valid USCC and the record (null when rejected); the
 * caller then checks USCC uniqueness across all runs, which needs the whole file.
 */
final class RowAssembler implements CsvTokenizer.CellConsumer {

    /** Longer cell text is cut in messages: a runaway quoted cell must not flood the report. */
    private static final int MAX_SHOWN_VALUE = 100;

    private static final InputField[] FIELDS = InputField.values();
    private static final FieldRules.Limit[] LIMITS = FieldRules.LIMITS.toArray(new FieldRules.Limit[0]);
    private static final long REQUIRED_FIELDS = required();
    /** Digits the fast path accepts: the mantissa then fits a long. */
    private static final int MAX_FAST_DIGITS = 18;
    /** {@link #established} of a row without a valid date. */
    private static final int NO_DATE = Integer.MIN_VALUE;

    private final InputField[] columns;
    /** Per column, the index into {@link #numbers} of a numeric field, else -1: saves lookups per cell. */
    private final int[] numberSlots;
    /** Per column, the rule of a numeric field (else null), looked up once rather than per cell. */
    private final FieldRules.NumberRule[] numberRules;
    private final CellDecoder decoder;
    private final ViolationSink sink;
    /** False after a broken header: rows are then only counted, since their columns mean nothing. */
    private final boolean validate;
    private final ReadRules rules;

    private final ByteKeyCache townCache = new ByteKeyCache();
    private final ByteKeyCache industryCache = new ByteKeyCache();
    private final ByteKeyCache qualificationCache = new ByteKeyCache();
    private final ByteKeyCache negativeCache = new ByteKeyCache();

    // the row being read
    private int row;
    private long present; // bit per field ordinal: a non-blank value was seen
    private boolean failed;
    private boolean brokenSyntax;
    /** The valid USCC's 18 ASCII bytes, or {@link #usccLength} 0 when there is none. */
    private final byte[] uscc = new byte[UnifiedSocialCreditCode.LENGTH];
    private int usccLength;
    /** The name's UTF-8 bytes ({@link #nameLength} of them; -1 when missing), kept without a String. */
    private byte[] name = new byte[256];
    private int nameLength = -1;
    private String town;
    private String industry;
    /** Days since 1970-01-01, or {@link #NO_DATE}. */
    private int established = NO_DATE;
    private double[] numbers = missingNumbers();
    private int qualifications;
    private int negatives;

    // per data row of this run
    private int dataRows;
    private int[] rowNumbers;
    /** The valid USCC packed in two halves ({@link UnifiedSocialCreditCode#packHalf}); high -1 = none. */
    private long[] usccHighs;
    private long[] usccLows;
    /** Per data row, its index in {@link #accepted} or -1 when the row broke a rule. */
    private int[] slots;
    private final RecordColumns.Segment accepted;

    RowAssembler(InputField[] columns, ReadRules rules, CellDecoder decoder, ViolationSink sink,
                 int expectedRows) {
        this.columns = columns;
        this.validate = columns != null;
        this.numberSlots = new int[validate ? columns.length : 0];
        this.numberRules = new FieldRules.NumberRule[numberSlots.length];
        for (int i = 0; i < numberSlots.length; i++) {
            boolean numeric = columns[i] != null && columns[i].kind().numeric();
            numberSlots[i] = numeric ? columns[i].numericIndex() : -1;
            numberRules[i] = numeric ? FieldRules.numberRule(columns[i]) : null;
        }
        this.decoder = decoder;
        this.sink = sink;
        this.rules = rules;
        int capacity = Math.max(16, expectedRows);
        this.rowNumbers = new int[capacity];
        this.usccHighs = new long[capacity];
        this.usccLows = new long[capacity];
        this.slots = new int[capacity];
        this.accepted = new RecordColumns.Segment(validate ? capacity : 0);
    }

    void beginRow(int rowNumber) {
        row = rowNumber;
    }

    @Override
    public void cell(int col, byte[] b, int from, int to, boolean grouping) {
        while (from < to && (b[from] & 0xff) <= ' ') {
            from++;
        }
        while (to > from && (b[to - 1] & 0xff) <= ' ') {
            to--;
        }
        InputField f = validate && col < columns.length ? columns[col] : null;
        if (f == null) {
            // a column with a blank header (or beyond the header): ignored, but its bytes still decide
            // the encoding, and when the header is broken any content still makes the row a data row
            decoder.validate(b, from, to);
            if (!validate && from < to) {
                present = 1;
            }
            return;
        }
        if (from == to) {
            return; // empty = missing, never 0
        }
        present |= 1L << f.ordinal();
        switch (f.kind()) {
            case AMOUNT, SIGNED_AMOUNT, COUNT, FLAG -> number(col, f, b, from, to, grouping);
            case DATE -> date(b, from, to);
            case TEXT -> text(f, b, from, to);
            case SET -> set(f, b, from, to);
        }
    }

    @Override
    public void cellProblem(int col, byte[] b, int from, int to, Problem problem) {
        // after broken CSV syntax the rest of the row is not where it seems: report only the cause
        brokenSyntax |= problem == CsvTokenizer.UNCLOSED_QUOTE;
        InputField f = validate && col < columns.length ? columns[col] : null;
        present |= 1L << (f == null ? 63 : f.ordinal());
        fail(f == null ? columnName(col) : f.key(), b, from, to, problem);
    }

    /** A problem found before there were bytes to look at (an Excel error cell). */
    void cellProblem(int col, String value, Problem problem) {
        byte[] b = value.getBytes(StandardCharsets.UTF_8);
        cellProblem(col, b, 0, b.length, problem);
    }

    /** Ends the row: checks what needs the whole row, then keeps a record or rejects the row. */
    void endRow() {
        if (present == 0 && !failed) {
            resetRow();
            return; // a blank row (often trailing, or Excel's formatted-but-empty rows): not data
        }
        if (validate && !brokenSyntax) {
            if ((present & REQUIRED_FIELDS) != REQUIRED_FIELDS) {
                for (InputField f : FIELDS) {
                    if (f.required() && (present & (1L << f.ordinal())) == 0) {
                        fail(f.key(), null, 0, 0, FieldRules.REQUIRED);
                    }
                }
            }
            for (FieldRules.Limit limit : LIMITS) {
                notAbove(limit);
            }
        }
        if (dataRows == rowNumbers.length) {
            int capacity = dataRows + (dataRows >> 1) + 16;
            rowNumbers = Arrays.copyOf(rowNumbers, capacity);
            usccHighs = Arrays.copyOf(usccHighs, capacity);
            usccLows = Arrays.copyOf(usccLows, capacity);
            slots = Arrays.copyOf(slots, capacity);
        }
        rowNumbers[dataRows] = row;
        boolean hasUscc = usccLength == UnifiedSocialCreditCode.LENGTH;
        usccHighs[dataRows] = hasUscc ? UnifiedSocialCreditCode.packHalf(uscc, 0, 0) : -1;
        usccLows[dataRows] = hasUscc ? UnifiedSocialCreditCode.packHalf(uscc, 0, UnifiedSocialCreditCode.LENGTH / 2) : 0;
        if (validate && !failed) {
            slots[dataRows] = accepted.add(uscc, usccLength, name, nameLength, town, industry, established, numbers,
                    qualifications, negatives);
        } else {
            slots[dataRows] = -1;
        }
        if (present != 0) {
            Arrays.fill(numbers, Double.NaN);
        }
        dataRows++;
        resetRow();
    }

    private void resetRow() {
        present = 0;
        failed = false;
        brokenSyntax = false;
        usccLength = 0;
        nameLength = -1;
        town = null;
        industry = null;
        established = NO_DATE;
        qualifications = 0;
        negatives = 0;
    }

    int dataRows() {
        return dataRows;
    }

    int rowNumber(int i) {
        return rowNumbers[i];
    }

    /** The row's USCC, packed, when it is well-formed (even if the row broke other rules), else -1. */
    long usccHigh(int i) {
        return usccHighs[i];
    }

    long usccLow(int i) {
        return usccLows[i];
    }

    /** True when the row broke no rule (so far). */
    boolean accepted(int i) {
        return slots[i] >= 0;
    }

    /** The rows that broke no rule, by column. */
    RecordColumns.Segment acceptedRows() {
        return accepted;
    }

    /** Index of data row {@code i} in {@link #acceptedRows()}, or -1. */
    int slot(int i) {
        return slots[i];
    }

    /** Shifts row numbers by {@code offset}: a CSV chunk read in parallel learns its first row only later. */
    void shiftRows(int offset) {
        for (int i = 0; i < dataRows; i++) {
            rowNumbers[i] += offset;
        }
    }

    // ---------------------------------------------------------------- cells

    private void number(int col, InputField f, byte[] b, int from, int to, boolean grouping) {
        FieldRules.NumberRule rule = numberRules[col];
        double v = Decimals.parse(b, from, to, grouping);
        Problem p = rule.check(v, b[from] == '-');
        if (p != null && mayHaveUnicodeBlanks(b, from, to)) {
            byte[] t = unicodeStripped(f, b, from, to);
            if (t == null) {
                return; // only blanks (missing), or undecodable bytes (reported)
            }
            v = Decimals.parse(t, 0, t.length, grouping);
            p = rule.check(v, t[0] == '-');
        }
        if (p != null) {
            fail(f.key(), b, from, to, p);
        } else {
            numbers[f.numericIndex()] = v;
        }
    }

    /**
     * The CSV fast path for numeric columns: an unquoted {@code -?digits[.digits]} that satisfies its
     * column's rule is parsed while its end is searched. Anything else — blanks, separators, too many
     * digits, a broken rule — returns -1 and takes the general path, which reports the details; the
     * value is the same either way (see {@link Decimals}).
     */
    @Override
    public int plainNumber(int col, byte[] b, int from, int end) {
        if (col >= numberSlots.length || numberSlots[col] < 0) {
            return -1;
        }
        InputField f = columns[col];
        int i = from;
        boolean minus = i < end && b[i] == '-';
        if (minus) {
            i++;
        }
        long mantissa = 0;
        int start = i;
        for (int d; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
            mantissa = mantissa * 10 + d;
        }
        int digits = i - start;
        int fraction = 0;
        if (i < end && b[i] == '.') {
            int point = ++i;
            for (int d; i < end && (d = b[i] - '0') >= 0 && d <= 9; i++) {
                mantissa = mantissa * 10 + d;
            }
            fraction = i - point;
            digits += fraction;
        }
        if (digits == 0 || digits > MAX_FAST_DIGITS || !Decimals.fits(mantissa, fraction)
                || (i < end && b[i] != ',' && b[i] != '\n' && b[i] != '\r')) {
            return -1;
        }
        double v = Decimals.exact(mantissa, fraction, minus);
        if (numberRules[col].check(v, minus) != null) {
            return -1;
        }
        present |= 1L << f.ordinal();
        numbers[numberSlots[col]] = v;
        return i;
    }

    private void date(byte[] b, int from, int to) {
        int ymd = Dates.parse(b, from, to);
        if (ymd < 0 && mayHaveUnicodeBlanks(b, from, to)) {
            byte[] t = unicodeStripped(InputField.ESTABLISHED, b, from, to);
            if (t == null) {
                return; // only blanks (missing), or undecodable bytes (reported)
            }
            ymd = Dates.parse(t, 0, t.length);
        }
        Problem p = FieldRules.dateProblem(ymd, rules.year());
        if (p != null) {
            fail(InputField.ESTABLISHED.key(), b, from, to, p);
            return;
        }
        established = Dates.epochDay(ymd / 10000, ymd / 100 % 100, ymd % 100);
    }

    private void text(InputField f, byte[] b, int from, int to) {
        switch (f) {
            case USCC -> {
                if (UnifiedSocialCreditCode.isValidAscii(b, from, to)) {
                    keepUscc(b, from);
                    return;
                }
                String s = decode(f, b, from, to);
                if (s != null) { // else blank or undecodable, reported
                    Problem p = FieldRules.uscc(s);
                    if (p == null) {
                        keepUscc(s.getBytes(StandardCharsets.US_ASCII), 0); // valid once trimmed of Unicode blanks
                    } else {
                        fail(f.key(), b, from, to, p);
                    }
                }
            }
            case NAME -> {
                if (decoder.isPlainUtf8(b, from, to)) {
                    keepName(b, from, to);
                } else {
                    String s = decode(f, b, from, to);
                    if (s != null) {
                        byte[] utf8 = s.getBytes(StandardCharsets.UTF_8);
                        keepName(utf8, 0, utf8.length);
                    }
                }
            }
            case TOWN -> {
                Object v = cached(townCache, f, b, from, to);
                if (v instanceof String s) {
                    town = s;
                }
            }
            case INDUSTRY -> {
                Object v = cached(industryCache, f, b, from, to);
                if (v instanceof String s) {
                    industry = s;
                }
            }
            default -> throw new IllegalStateException("not a text field: " + f);
        }
    }

    private void keepUscc(byte[] b, int from) {
        System.arraycopy(b, from, uscc, 0, UnifiedSocialCreditCode.LENGTH);
        usccLength = UnifiedSocialCreditCode.LENGTH;
    }

    private void keepName(byte[] b, int from, int to) {
        nameLength = to - from;
        if (nameLength > name.length) {
            name = new byte[Math.max(nameLength, 2 * name.length)];
        }
        System.arraycopy(b, from, name, 0, nameLength);
    }

    private void set(InputField f, byte[] b, int from, int to) {
        Object v = cached(f == InputField.QUALIFICATIONS ? qualificationCache : negativeCache, f, b, from, to);
        if (v instanceof Integer bits) {
            if (f == InputField.QUALIFICATIONS) {
                qualifications = bits;
            } else {
                negatives = bits;
            }
        }
    }

    /**
     * The checked value of a column with few distinct values, looked up by its bytes: a String or bit set
     * when valid; otherwise the violation is reported and a {@link Problem} returned.
     */
    private Object cached(ByteKeyCache cache, InputField f, byte[] b, int from, int to) {
        Object v = cache.get(b, from, to);
        if (v == null) {
            String s = decode(f, b, from, to);
            if (s == null) {
                return null;
            }
            v = switch (f) {
                case TOWN -> {
                    Problem p = FieldRules.town(s, rules);
                    yield p == null ? internTown(s) : p;
                }
                case INDUSTRY -> {
                    Problem p = FieldRules.industry(s);
                    yield p == null ? s : p;
                }
                case QUALIFICATIONS, NEGATIVES -> SetCodes.of(f).parse(s);
                default -> throw new IllegalStateException("not a cached field: " + f);
            };
            cache.put(b, from, to, v);
        }
        if (v instanceof Problem p) {
            fail(f.key(), b, from, to, p);
        }
        return v;
    }

    /** The caller's own String for a town, so that a million records share 16 strings. */
    private String internTown(String s) {
        for (String t : rules.towns()) {
            if (t.equals(s)) {
                return t;
            }
        }
        return s;
    }

    /** The trimmed text of a cell, or null (after reporting) when it is blank or not decodable. */
    private String decode(InputField f, byte[] b, int from, int to) {
        String s = decoder.decode(b, from, to);
        if (decoder.malformed()) {
            fail(f.key(), b, from, to, CellDecoder.UNDECODABLE);
            return null;
        }
        // byte trimming left other Unicode blanks (the full-width space U+3000 of Chinese input methods)
        if (!s.isEmpty() && (blank(s.charAt(0)) || blank(s.charAt(s.length() - 1)))) {
            s = s.strip();
        }
        if (s.isEmpty()) {
            present &= ~(1L << f.ordinal()); // only blanks: missing
            return null;
        }
        return s;
    }

    /**
     * Whether a value the byte-level checks refused may yet be valid once Unicode blanks are trimmed: the
     * bytes were trimmed of ASCII blanks only, and {@link FieldRules} ignores the full-width space too.
     * Asked only after a refusal, so that valid values pay nothing for it.
     */
    private static boolean mayHaveUnicodeBlanks(byte[] b, int from, int to) {
        return b[from] < 0 || b[to - 1] < 0;
    }

    /** The cell's text trimmed as {@link #decode} trims it, in UTF-8; null when blank or undecodable. */
    private byte[] unicodeStripped(InputField f, byte[] b, int from, int to) {
        String s = decode(f, b, from, to);
        return s == null ? null : s.getBytes(StandardCharsets.UTF_8);
    }

    /** {@link Character#isWhitespace}, with a quick exit for the common letters, digits and CJK characters. */
    private static boolean blank(char c) {
        return c <= ' ' || (c >= '\u1680' && c <= '\u3000' && Character.isWhitespace(c));
    }

    // ---------------------------------------------------------------- rules across cells

    /** A cross-field rule, checked when both values are present and valid (a NaN breaks nothing). */
    private void notAbove(FieldRules.Limit limit) {
        double v = numbers[limit.field().numericIndex()];
        Problem p = limit.check(v, numbers[limit.limit().numericIndex()]);
        if (p != null) {
            // the value, not the cell's text: the cells are gone by now, and the numbers are what counts
            byte[] value = FieldRules.plain(v).getBytes(StandardCharsets.US_ASCII);
            fail(limit.field().key(), value, 0, value.length, p);
        }
    }

    // ---------------------------------------------------------------- violations

    private void fail(String column, byte[] b, int from, int to, Problem p) {
        failed = true;
        if (!sink.listing()) {
            if (b != null) {
                decoder.validate(b, from, to); // still needed to decide the encoding
            }
            sink.addUnlisted();
            return;
        }
        sink.add(new Violation(row, column, b == null ? "" : shown(b, from, to), p.zh(), p.en()));
    }

    private String shown(byte[] b, int from, int to) {
        String s = decoder.decode(b, from, to);
        return s.length() > MAX_SHOWN_VALUE ? s.substring(0, MAX_SHOWN_VALUE) + "…" : s;
    }

    /** Spreadsheet column name of a zero-based index: 0 → A, 26 → AA. */
    static String columnName(int col) {
        StringBuilder sb = new StringBuilder();
        for (int c = col + 1; c > 0; c = (c - 1) / 26) {
            sb.insert(0, (char) ('A' + (c - 1) % 26));
        }
        return sb.toString();
    }

    private static long required() {
        long mask = 0;
        for (InputField f : InputField.values()) {
            if (f.required()) {
                mask |= 1L << f.ordinal();
            }
        }
        return mask;
    }

    private static double[] missingNumbers() {
        double[] a = new double[InputField.numericFields().size()];
        Arrays.fill(a, Double.NaN);
        return a;
    }
}
