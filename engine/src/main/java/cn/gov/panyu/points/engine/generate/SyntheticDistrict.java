package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A synthetic 番禺 district: a fixed, practically endless sequence of realistic enterprise records for
 * one evaluation year — for tests, benchmarks and demo data, so that nobody needs real firms' data to
 * build or show the platform.
 *
 * <p>The sequence is a pure function of (seed, year): enterprise number i is always the same, however
 * it is obtained. {@link #next()}, {@link #records(int)} and {@link #writeCsv(int, OutputStream)} all
 * hand out the <em>next</em> enterprises of that one sequence and move past them, so the first N rows of
 * 2N are exactly the N rows of a fresh district, and a file written after ten {@code next()} calls
 * starts with enterprise number 10.
 *
 * <p>Every record satisfies every rule of scoring-spec §1 (valid and unique 统一社会信用代码, one of the
 * 16 towns, a GB/T 4754-2017 division, established 1990 … 31 Dec of the year, rd_staff ≤ employees,
 * hitech_revenue ≤ revenue_y0 …). The shape of the data — stages about 55% / 38% / 7%, heavy-tailed
 * revenue, many zeros, some missing cells, consistent qualifications, 1–2% on the negative list — is
 * described in {@link EnterpriseModel}.
 *
 * <p>Not thread-safe: a district is a cursor. Use one per thread.
 */
public final class SyntheticDistrict {

    /** No synthetic firm is older than this year. */
    public static final int FIRST_YEAR = 1990;
    /** The last evaluation year the engine's readers accept, so that every district can be read back. */
    public static final int LAST_YEAR = 9998;

    private final EnterpriseModel model;
    private final Row row = new Row();
    private long cursor;

    /**
     * @param seed any long; the same seed always gives the same district
     * @param year the evaluation year Y (1990 … 9998, the years the readers accept): revenue_y0 is Y's,
     *             no firm is established after 31 December of Y and none before 1990
     */
    public SyntheticDistrict(long seed, int year) {
        if (year < FIRST_YEAR || year > LAST_YEAR) {
            throw new IllegalArgumentException(
                    "evaluation year must be within " + FIRST_YEAR + " … " + LAST_YEAR + ", was " + year);
        }
        this.model = new EnterpriseModel(seed, year);
    }

    /** The next enterprise. */
    public EnterpriseRecord next() {
        return recordAt(advance(1));
    }

    /** The next {@code count} enterprises, in order. */
    public List<EnterpriseRecord> records(int count) {
        long first = advance(count);
        List<EnterpriseRecord> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(recordAt(first + i));
        }
        return Collections.unmodifiableList(list);
    }

    /**
     * Writes the next {@code count} enterprises as a complete CSV input file (header line first) in the
     * format the engine reads: {@link InputField} keys in order, UTF-8 without BOM, amounts with two
     * decimals, empty cells for missing values, sets joined by ';'. Buffers internally; flushes but does
     * not close {@code out}. The enterprises count as handed out even if writing fails.
     *
     * <p>Large counts are drawn on all processors (a million rows take a second or two); the bytes are
     * the same as with one thread.
     */
    public void writeCsv(int count, OutputStream out) throws IOException {
        writeCsv(count, out, false);
    }

    /**
     * As {@link #writeCsv(int, OutputStream)}, with the pre-assessment's columns
     * ({@link cn.gov.panyu.points.engine.input.CultivationField}) after the input columns when
     * {@code cultivation} is set. The input columns are the same bytes either way.
     */
    public void writeCsv(int count, OutputStream out, boolean cultivation) throws IOException {
        new CsvExport(model, cultivation).write(advance(count), count, out);
    }

    /** Enterprise number {@code index} of this district, without moving the cursor. */
    EnterpriseRecord recordAt(long index) {
        model.fill(index, row);
        return row.toRecord();
    }

    private long advance(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("count must not be negative, was " + count);
        }
        // the USCC numbering is a bijection on row indices below this bound only
        if (cursor + count > SyntheticUscc.MAX_INDEX + 1) {
            throw new IllegalStateException(
                    "a synthetic district has at most " + (SyntheticUscc.MAX_INDEX + 1) + " enterprises");
        }
        long first = cursor;
        cursor += count;
        return first;
    }
}
