package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.Arrays;
import java.util.List;

/**
 * Many enterprise records stored by column: one {@code double[]} per numeric field, the USCCs and names
 * as bytes in two pools, towns and industries as shared strings. A million enterprises take about
 * 300 MB in a few dozen arrays instead of seven small objects each — the garbage collector then has
 * almost nothing to trace or copy, which decides whether a million rows score in seconds with 1 GB.
 * Rows are materialised as {@link EnterpriseRecord}s only when asked for ({@link #record(int)}).
 */
public final class RecordColumns {

    private static final int NUMERIC = InputField.numericFields().size();

    private final int size;
    private final double[][] numbers;
    private final TextPool usccs;
    private final TextPool names;
    private final String[] towns;
    private final String[] industries;
    private final int[] established;
    private final byte[] qualifications;
    private final byte[] negatives;

    private RecordColumns(int size, double[][] numbers, TextPool usccs, TextPool names, String[] towns,
                          String[] industries, int[] established, byte[] qualifications, byte[] negatives) {
        this.size = size;
        this.numbers = numbers;
        this.usccs = usccs;
        this.names = names;
        this.towns = towns;
        this.industries = industries;
        this.established = established;
        this.qualifications = qualifications;
        this.negatives = negatives;
    }

    public static RecordColumns of(List<EnterpriseRecord> records) {
        Builder b = new Builder(records.size());
        for (EnterpriseRecord r : records) {
            double[] values = new double[NUMERIC];
            for (int k = 0; k < NUMERIC; k++) {
                values[k] = r.number(k);
            }
            b.add(r.uscc(), r.name(), r.town(), r.industry(), r.established(), values, r.qualificationBits(),
                    r.negativeBits());
        }
        return b.build();
    }

    public int size() {
        return size;
    }

    public String uscc(int row) {
        return usccs.get(row);
    }

    public String name(int row) {
        return names.get(row);
    }

    public String town(int row) {
        return towns[row];
    }

    public String industry(int row) {
        return industries[row];
    }

    public LocalDate established(int row) {
        return LocalDate.ofEpochDay(established[row]);
    }

    /** The value of numeric field {@code numericIndex} ({@link InputField#numericIndex()}) in a row. */
    public double number(int row, int numericIndex) {
        return numbers[numericIndex][row];
    }

    public int qualificationBits(int row) {
        return qualifications[row];
    }

    public int negativeBits(int row) {
        return negatives[row];
    }

    /** One row as a record (allocates; bulk paths use the column accessors or a {@link Cursor}). */
    public EnterpriseRecord record(int row) {
        double[] values = new double[NUMERIC];
        for (int k = 0; k < NUMERIC; k++) {
            values[k] = numbers[k][row];
        }
        return EnterpriseRecord.ofValidated(uscc(row), name(row), towns[row], industries[row], established(row),
                values, qualifications[row], negatives[row]);
    }

    /** A read-only list view that materialises records on access. */
    public List<EnterpriseRecord> asRecords() {
        return new AbstractList<>() {
            @Override
            public EnterpriseRecord get(int index) {
                return record(index);
            }

            @Override
            public int size() {
                return size;
            }
        };
    }

    /** A movable view of one row at a time, without allocation; one per thread. */
    public Cursor cursor() {
        return new Cursor();
    }

    /** See {@link #cursor()}. */
    public final class Cursor implements EnterpriseValues {
        private int row;

        public Cursor at(int r) {
            row = r;
            return this;
        }

        @Override
        public double number(int numericIndex) {
            return numbers[numericIndex][row];
        }

        @Override
        public String industry() {
            return industries[row];
        }

        @Override
        public int qualificationBits() {
            return qualifications[row];
        }

        @Override
        public int negativeBits() {
            return negatives[row];
        }
    }

    /** Appends rows; {@link #concat} joins the builders of parallel chunks, keeping chosen rows only. */
    static final class Builder {
        private int size;
        private double[][] numbers;
        private final TextPool usccs;
        private final TextPool names;
        private String[] towns;
        private String[] industries;
        private int[] established;
        private byte[] qualifications;
        private byte[] negatives;

        Builder(int expected) {
            int capacity = Math.max(16, expected);
            numbers = new double[NUMERIC][capacity];
            usccs = new TextPool(capacity, capacity * 18L);
            names = new TextPool(capacity, capacity * 40L);
            towns = new String[capacity];
            industries = new String[capacity];
            established = new int[capacity];
            qualifications = new byte[capacity];
            negatives = new byte[capacity];
        }

        int size() {
            return size;
        }

        /** @return the new row's index */
        int add(String uscc, String name, String town, String industry, LocalDate date, double[] values,
                int qualificationBits, int negativeBits) {
            if (size == towns.length) {
                grow(size + (size >> 1) + 16);
            }
            for (int k = 0; k < NUMERIC; k++) {
                numbers[k][size] = values[k];
            }
            usccs.add(uscc);
            names.add(name);
            towns[size] = town;
            industries[size] = industry;
            established[size] = (int) date.toEpochDay();
            qualifications[size] = (byte) qualificationBits;
            negatives[size] = (byte) negativeBits;
            return size++;
        }

        private void grow(int capacity) {
            for (int k = 0; k < NUMERIC; k++) {
                numbers[k] = Arrays.copyOf(numbers[k], capacity);
            }
            towns = Arrays.copyOf(towns, capacity);
            industries = Arrays.copyOf(industries, capacity);
            established = Arrays.copyOf(established, capacity);
            qualifications = Arrays.copyOf(qualifications, capacity);
            negatives = Arrays.copyOf(negatives, capacity);
        }

        RecordColumns build() {
            return concat(List.of(this), List.of(new boolean[0]));
        }

        /**
         * Joins builders in order, leaving out the rows marked in {@code dropped} (per builder, indexed by
         * row; shorter arrays mean "none dropped beyond").
         */
        static RecordColumns concat(List<Builder> parts, List<boolean[]> dropped) {
            int total = 0;
            int usccBytes = 0;
            int nameBytes = 0;
            for (int p = 0; p < parts.size(); p++) {
                Builder b = parts.get(p);
                for (int i = 0; i < b.size; i++) {
                    if (!isDropped(dropped.get(p), i)) {
                        total++;
                        usccBytes += b.usccs.length(i);
                        nameBytes += b.names.length(i);
                    }
                }
            }
            double[][] numbers = new double[NUMERIC][total];
            TextPool usccs = new TextPool(total, usccBytes);
            TextPool names = new TextPool(total, nameBytes);
            String[] towns = new String[total];
            String[] industries = new String[total];
            int[] established = new int[total];
            byte[] qualifications = new byte[total];
            byte[] negatives = new byte[total];
            int row = 0;
            for (int p = 0; p < parts.size(); p++) {
                Builder b = parts.get(p);
                for (int i = 0; i < b.size; i++) {
                    if (isDropped(dropped.get(p), i)) {
                        continue;
                    }
                    for (int k = 0; k < NUMERIC; k++) {
                        numbers[k][row] = b.numbers[k][i];
                    }
                    usccs.copyFrom(b.usccs, i);
                    names.copyFrom(b.names, i);
                    towns[row] = b.towns[i];
                    industries[row] = b.industries[i];
                    established[row] = b.established[i];
                    qualifications[row] = b.qualifications[i];
                    negatives[row] = b.negatives[i];
                    row++;
                }
            }
            return new RecordColumns(total, numbers, usccs, names, towns, industries, established,
                    qualifications, negatives);
        }

        private static boolean isDropped(boolean[] dropped, int i) {
            return i < dropped.length && dropped[i];
        }
    }

    /**
     * Strings kept as UTF-8 in one growing byte array with end offsets: no object per string. Text i
     * spans {@code bytes[ends[i-1] .. ends[i])}, with ends[-1] = 0.
     */
    static final class TextPool {
        private byte[] bytes;
        private int used;
        private int[] ends;
        private int count;

        /** @param byteCapacity initial size of the byte array (it grows as needed) */
        TextPool(int capacity, long byteCapacity) {
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, byteCapacity))];
            ends = new int[Math.max(16, capacity)];
        }

        void add(String text) {
            byte[] b = text.getBytes(StandardCharsets.UTF_8);
            append(b, 0, b.length);
        }

        void copyFrom(TextPool other, int i) {
            int from = other.start(i);
            append(other.bytes, from, other.ends[i] - from);
        }

        private void append(byte[] src, int from, int length) {
            if (used + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), used + length));
            }
            if (count == ends.length) {
                ends = Arrays.copyOf(ends, count + (count >> 1) + 16);
            }
            System.arraycopy(src, from, bytes, used, length);
            used += length;
            ends[count++] = used;
        }

        int length(int i) {
            return ends[i] - start(i);
        }

        String get(int i) {
            int from = start(i);
            return new String(bytes, from, ends[i] - from, StandardCharsets.UTF_8);
        }

        private int start(int i) {
            return i == 0 ? 0 : ends[i - 1];
        }
    }
}
