package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.AbstractList;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Many enterprise records stored by column: one {@code double[]} per numeric field, the USCCs and names
 * as bytes in two pools, towns and industries as shared strings. A million enterprises take about
 * 230 MB in a few dozen arrays instead of seven small objects each — the garbage collector then has
 * almost nothing to trace or copy, which decides whether a million rows score in seconds with 1 GB.
 * Rows are materialised as {@link EnterpriseRecord}s only when asked for ({@link #record(int)}).
 *
 * <p>The rows may sit in several segments (one per chunk a reader parsed in parallel), joined without
 * copying; accessors find a row's segment, and a {@link Cursor} remembers it between rows.
 */
public final class RecordColumns {

    private static final int NUMERIC = InputField.numericFields().size();

    private final Segment[] segments;
    /** Row number of each segment's first row, plus the total size at the end. */
    private final int[] starts;

    private RecordColumns(List<Segment> parts) {
        segments = parts.toArray(Segment[]::new);
        starts = new int[segments.length + 1];
        for (int s = 0; s < segments.length; s++) {
            starts[s + 1] = starts[s] + segments[s].size;
        }
    }

    public static RecordColumns of(List<EnterpriseRecord> records) {
        Segment b = new Segment(records.size());
        for (EnterpriseRecord r : records) {
            double[] values = new double[NUMERIC];
            for (int k = 0; k < NUMERIC; k++) {
                values[k] = r.number(k);
            }
            byte[] uscc = r.uscc().getBytes(StandardCharsets.UTF_8);
            byte[] name = r.name().getBytes(StandardCharsets.UTF_8);
            b.add(uscc, uscc.length, name, name.length, r.town(), r.industry(), (int) r.established().toEpochDay(), values,
                    r.qualificationBits(), r.negativeBits());
        }
        return new RecordColumns(List.of(b));
    }

    /**
     * Joins segments in order, leaving out the rows marked in {@code dropped} (per segment, indexed by
     * row; a shorter array means "none dropped beyond"). Without drops nothing is copied.
     */
    static RecordColumns join(List<Segment> parts, List<boolean[]> dropped) {
        boolean anyDropped = false;
        for (boolean[] d : dropped) {
            for (boolean x : d) {
                anyDropped |= x;
            }
        }
        if (!anyDropped) {
            return new RecordColumns(parts);
        }
        List<Segment> kept = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) {
            Segment from = parts.get(p);
            boolean[] drop = dropped.get(p);
            Segment to = new Segment(from.size);
            for (int i = 0; i < from.size; i++) {
                if (i >= drop.length || !drop[i]) {
                    to.copyRow(from, i);
                }
            }
            kept.add(to);
        }
        return new RecordColumns(kept);
    }

    public int size() {
        return starts[segments.length];
    }

    public String uscc(int row) {
        int s = segmentOf(row);
        return segments[s].usccs.get(row - starts[s]);
    }

    public String name(int row) {
        int s = segmentOf(row);
        return segments[s].names.get(row - starts[s]);
    }

    public String town(int row) {
        int s = segmentOf(row);
        return segments[s].towns[row - starts[s]];
    }

    public String industry(int row) {
        int s = segmentOf(row);
        return segments[s].industries[row - starts[s]];
    }

    public LocalDate established(int row) {
        int s = segmentOf(row);
        return LocalDate.ofEpochDay(segments[s].established[row - starts[s]]);
    }

    /** The value of numeric field {@code numericIndex} ({@link InputField#numericIndex()}) in a row. */
    public double number(int row, int numericIndex) {
        int s = segmentOf(row);
        return segments[s].numbers[numericIndex][row - starts[s]];
    }

    public int qualificationBits(int row) {
        int s = segmentOf(row);
        return segments[s].qualifications[row - starts[s]];
    }

    public int negativeBits(int row) {
        int s = segmentOf(row);
        return segments[s].negatives[row - starts[s]];
    }

    /** Receives text as UTF-8 bytes, valid only during the call. */
    @FunctionalInterface
    public interface Utf8Sink {
        void utf8(byte[] b, int from, int to);
    }

    /** One row as a record (allocates; bulk paths use the column accessors or a {@link Cursor}). */
    public EnterpriseRecord record(int row) {
        int s = segmentOf(row);
        Segment seg = segments[s];
        int i = row - starts[s];
        double[] values = new double[NUMERIC];
        for (int k = 0; k < NUMERIC; k++) {
            values[k] = seg.numbers[k][i];
        }
        return EnterpriseRecord.ofValidated(seg.usccs.get(i), seg.names.get(i), seg.towns[i], seg.industries[i],
                LocalDate.ofEpochDay(seg.established[i]), values, seg.qualifications[i], seg.negatives[i]);
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
                return RecordColumns.this.size();
            }
        };
    }

    /**
     * The rows as stored, segment by segment, for column-wise bulk work (the scorer reads a column in one
     * tight loop instead of a row at a time through an interface).
     */
    public List<Slice> slices() {
        List<Slice> slices = new ArrayList<>(segments.length);
        for (int s = 0; s < segments.length; s++) {
            slices.add(new Slice(segments[s], starts[s]));
        }
        return slices;
    }

    /**
     * Rows {@code start() .. start() + size()} as columns. The arrays are the store's own (no copy) and may
     * be longer than {@link #size()}: read them, never write them.
     */
    public static final class Slice {
        private final Segment segment;
        private final int start;

        private Slice(Segment segment, int start) {
            this.segment = segment;
            this.start = start;
        }

        /** The first row's index in the whole {@link RecordColumns}. */
        public int start() {
            return start;
        }

        public int size() {
            return segment.size;
        }

        /** Numeric field {@code numericIndex} ({@link InputField#numericIndex()}), {@code NaN} = missing. */
        public double[] numbers(int numericIndex) {
            return segment.numbers[numericIndex];
        }

        public String[] industries() {
            return segment.industries;
        }

        /** Qualification bits per row (mask with 0xFF). */
        public byte[] qualifications() {
            return segment.qualifications;
        }

        /** Negative-circumstance bits per row (mask with 0xFF). */
        public byte[] negatives() {
            return segment.negatives;
        }
    }

    /** A movable view of one row at a time, without allocation; one per thread. */
    public Cursor cursor() {
        return new Cursor();
    }

    private int segmentOf(int row) {
        if (row < 0 || row >= size()) {
            throw new IndexOutOfBoundsException(row);
        }
        int s = 0;
        while (starts[s + 1] <= row) {
            s++; // a handful of segments at most: a linear walk beats a binary search
        }
        return s;
    }

    /** See {@link #cursor()}. */
    public final class Cursor implements EnterpriseValues {
        private Segment segment;
        private int first = 0;
        private int end = -1;
        private int i;

        public Cursor at(int row) {
            if (row < first || row >= end) {
                int s = segmentOf(row);
                segment = segments[s];
                first = starts[s];
                end = starts[s + 1];
            }
            i = row - first;
            return this;
        }

        @Override
        public double number(int numericIndex) {
            return segment.numbers[numericIndex][i];
        }

        @Override
        public String industry() {
            return segment.industries[i];
        }

        /** Hands the USCC's bytes (ASCII, so also UTF-8) to {@code sink}: bulk writers need no String. */
        public void uscc(Utf8Sink sink) {
            segment.usccs.writeTo(i, sink);
        }

        /** Hands the name's UTF-8 bytes to {@code sink}: bulk writers need no String. */
        public void name(Utf8Sink sink) {
            segment.names.writeTo(i, sink);
        }

        @Override
        public int qualificationBits() {
            return segment.qualifications[i];
        }

        @Override
        public int negativeBits() {
            return segment.negatives[i];
        }
    }

    /** Rows appended by one reader thread; arrays may be longer than {@link #size}. */
    static final class Segment {
        private int size;
        private final double[][] numbers;
        private final TextPool usccs;
        private final TextPool names;
        private String[] towns;
        private String[] industries;
        private int[] established;
        private byte[] qualifications;
        private byte[] negatives;

        Segment(int expected) {
            int capacity = Math.max(16, expected);
            numbers = new double[NUMERIC][capacity];
            usccs = new TextPool(capacity, capacity * 18L);
            names = new TextPool(capacity, capacity * 48L);
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
        int add(byte[] uscc, int usccLength, byte[] name, int nameLength, String town, String industry, int establishedEpochDay,
                double[] values, int qualificationBits, int negativeBits) {
            ensureRoom();
            for (int k = 0; k < NUMERIC; k++) {
                numbers[k][size] = values[k];
            }
            usccs.append(uscc, 0, usccLength);
            names.append(name, 0, nameLength);
            towns[size] = town;
            industries[size] = industry;
            established[size] = establishedEpochDay;
            qualifications[size] = (byte) qualificationBits;
            negatives[size] = (byte) negativeBits;
            return size++;
        }

        void copyRow(Segment from, int i) {
            ensureRoom();
            for (int k = 0; k < NUMERIC; k++) {
                numbers[k][size] = from.numbers[k][i];
            }
            usccs.copyFrom(from.usccs, i);
            names.copyFrom(from.names, i);
            towns[size] = from.towns[i];
            industries[size] = from.industries[i];
            established[size] = from.established[i];
            qualifications[size] = from.qualifications[i];
            negatives[size] = from.negatives[i];
            size++;
        }

        private void ensureRoom() {
            if (size < towns.length) {
                return;
            }
            int capacity = size + (size >> 1) + 16;
            for (int k = 0; k < NUMERIC; k++) {
                numbers[k] = Arrays.copyOf(numbers[k], capacity);
            }
            towns = Arrays.copyOf(towns, capacity);
            industries = Arrays.copyOf(industries, capacity);
            established = Arrays.copyOf(established, capacity);
            qualifications = Arrays.copyOf(qualifications, capacity);
            negatives = Arrays.copyOf(negatives, capacity);
        }
    }

    /**
     * Strings kept as UTF-8 in one growing byte array with offsets: no object per string. Text i spans
     * {@code bytes[starts[i] .. starts[i + 1])}; {@code starts[0] = 0}, so no row needs a special case.
     */
    static final class TextPool {
        private byte[] bytes;
        private int used;
        private int[] starts;
        private int count;

        /** @param byteCapacity initial size of the byte array (it grows as needed) */
        TextPool(int capacity, long byteCapacity) {
            bytes = new byte[(int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, byteCapacity))];
            starts = new int[Math.max(16, capacity) + 1];
        }

        void copyFrom(TextPool other, int i) {
            append(other.bytes, other.starts[i], other.starts[i + 1] - other.starts[i]);
        }

        void append(byte[] src, int from, int length) {
            if (used + length > bytes.length) {
                bytes = Arrays.copyOf(bytes, Math.max(bytes.length + (bytes.length >> 1), used + length));
            }
            if (count + 1 == starts.length) {
                starts = Arrays.copyOf(starts, count + (count >> 1) + 16);
            }
            System.arraycopy(src, from, bytes, used, length);
            used += length;
            starts[++count] = used;
        }

        String get(int i) {
            return new String(bytes, starts[i], starts[i + 1] - starts[i], StandardCharsets.UTF_8);
        }

        void writeTo(int i, Utf8Sink sink) {
            sink.utf8(bytes, starts[i], starts[i + 1]);
        }
    }
}
