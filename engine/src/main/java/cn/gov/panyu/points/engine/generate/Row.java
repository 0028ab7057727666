package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * One synthetic enterprise while it is being drawn: mutable and reused from row to row, so that
 * streaming a million rows to CSV builds no record, no String per cell and no boxed number.
 * {@link #toRecord()} turns it into the engine's immutable record.
 *
 * <p>Amounts are held as whole fen (0.01 万元 — the CSV's two decimals), counts as themselves. Keeping
 * amounts integral is what makes the file and the in-memory record agree exactly: the reader parses
 * "123.45" to the same double as {@code 12345 / 100.0}, and a rule such as hitech_revenue ≤ revenue_y0
 * that holds in fen cannot be broken by rounding.
 */
final class Row {

    static final long MISSING = Long.MIN_VALUE;

    private static final InputField[] NUMERIC = InputField.numericFields().toArray(InputField[]::new);

    /** The 统一社会信用代码 as ASCII bytes, the way the CSV holds it. */
    final byte[] uscc = new byte[18];
    final Word[] nameParts = new Word[CompanyNames.MAX_PARTS];
    int nameLength;
    PanyuTown town;
    IndustryProfile industry;
    int establishedYear;
    int establishedMonth;
    int establishedDay;
    /** Bits by {@link Qualification#ordinal()} and {@link Negative#ordinal()}, as in the record. */
    int qualifications;
    int negatives;
    /** Indexed by {@link InputField#numericIndex()}; fen for amounts, the count otherwise. */
    private final long[] values = new long[NUMERIC.length];

    void clear() {
        Arrays.fill(values, MISSING);
        qualifications = 0;
        negatives = 0;
        nameLength = 0;
    }

    long get(InputField field) {
        return values[field.numericIndex()];
    }

    /** The value at {@link InputField#numericIndex()}, for the writer's precomputed column plan. */
    long get(int numericIndex) {
        return values[numericIndex];
    }

    void set(InputField field, long value) {
        values[field.numericIndex()] = value;
    }

    void setMissing(InputField field) {
        values[field.numericIndex()] = MISSING;
    }

    /** The value as the engine sees it (万元 for amounts), {@code NaN} when missing. */
    double value(InputField field) {
        long v = get(field);
        if (v == MISSING) {
            return Double.NaN;
        }
        return inFen(field) ? v / 100.0 : v;
    }

    void add(Qualification q) {
        qualifications |= 1 << q.ordinal();
    }

    boolean has(Qualification q) {
        return (qualifications & (1 << q.ordinal())) != 0;
    }

    void add(Negative n) {
        negatives |= 1 << n.ordinal();
    }

    boolean has(Negative n) {
        return (negatives & (1 << n.ordinal())) != 0;
    }

    static boolean inFen(InputField field) {
        return field.kind() == InputField.Kind.AMOUNT || field.kind() == InputField.Kind.SIGNED_AMOUNT;
    }

    String name() {
        StringBuilder sb = new StringBuilder(24);
        for (int i = 0; i < nameLength; i++) {
            sb.append(nameParts[i].text());
        }
        return sb.toString();
    }

    EnterpriseRecord toRecord() {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(new String(uscc, StandardCharsets.ISO_8859_1))
                .name(name())
                .town(town.label())
                .industry(industry.name())
                .established(LocalDate.of(establishedYear, establishedMonth, establishedDay));
        for (InputField f : NUMERIC) {
            b.set(f, value(f));
        }
        for (Qualification q : Qualification.values()) {
            if (has(q)) {
                b.qualification(q);
            }
        }
        for (Negative n : Negative.values()) {
            if (has(n)) {
                b.negative(n);
            }
        }
        return b.build();
    }
}
