package cn.gov.panyu.points.engine.model;

import static org.assertj.core.api.Assertions.assertThat;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.ProgressListener;
import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.input.RecordReader;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/**
 * The scorer reads values a column at a time ({@link ValueKey#extract(RecordColumns.Slice, ScoreModel, double[],
 * int)}), what-if and explanations a record at a time; both must give the very same double, or a what-if of
 * an unchanged record would move its points.
 */
class ValueKeyTests {

    private static final ScoreModel MODEL = ModelLoader.defaultModel();
    private static final double UNTOUCHED = -4242.4242;
    private static final List<InputField> NUMERIC = InputField.numericFields();

    @Property(tries = 500)
    void bulkExtractionAgreesWithPerRecordExtraction(@ForAll("cohorts") List<EnterpriseRecord> records,
                                                     @ForAll @IntRange(max = 7) int at) {
        assertBulkAgrees(RecordColumns.of(records), at);
    }

    @Provide
    Arbitrary<List<EnterpriseRecord>> cohorts() {
        // missing values, zeros of both signs, negatives (net profit) and extremes: where a ratio's cases differ
        Arbitrary<Double> value = Arbitraries.of(Double.NaN, Double.NaN, 0.0, -0.0, 1.0, 2.5, 3.0, 7.0, 10.0, 499.99,
                -12.0, 1e-300, 1e300, Double.MIN_VALUE, 123456.78);
        Arbitrary<double[]> numbers = value.array(double[].class).ofSize(NUMERIC.size());
        // key (C36, C24, I64) and other industries in random runs; an equal String that is another object too
        Arbitrary<String> industry = Arbitraries.of("C36", "C38", "C24", "A01", "I64", "M74")
                .map(code -> code.equals("C24") ? new String(code) : code);
        Arbitrary<EnterpriseRecord> firm = numbers.flatMap(v -> industry.map(ind -> record(v, ind)));
        return firm.list().ofMinSize(1).ofMaxSize(60).map(ValueKeyTests::withUniqueUsccs);
    }

    @Test
    void keyIndustriesAlternatingWithOthers() {
        // the bulk form looks an industry up again only when the String reference changes
        String key = "C36";
        String other = "C38";
        String equalKey = new String("C36");
        String[] industries = {key, other, key, other, other, key, key, equalKey, other, equalKey, key, "I64", "I65",
                other, "M73", new String("C38"), key};
        List<EnterpriseRecord> records = new ArrayList<>();
        for (String industry : industries) {
            double[] v = new double[NUMERIC.size()];
            Arrays.fill(v, Double.NaN);
            records.add(record(v, industry));
        }
        RecordColumns columns = RecordColumns.of(withUniqueUsccs(records));
        double[] out = new double[industries.length];
        for (RecordColumns.Slice slice : columns.slices()) {
            ValueKey.KEY_INDUSTRY.extract(slice, MODEL, out, slice.start());
        }
        double[] expected = new double[industries.length];
        for (int i = 0; i < industries.length; i++) {
            expected[i] = MODEL.isKeyIndustry(industries[i]) ? 1 : 0;
        }
        assertThat(out).containsExactly(expected);
        assertThat(out).containsExactly(1, 0, 1, 0, 0, 1, 1, 1, 0, 1, 1, 1, 1, 0, 1, 0, 1);
    }

    @Test
    void onASyntheticDistrict() {
        // enough rows that the bulk loops are compiled, not only interpreted
        assertBulkAgrees(RecordColumns.of(new SyntheticDistrict(2025, 2025).records(60_000)), 3);
    }

    @Test
    void onColumnsAsTheReaderStoresThem() throws IOException {
        // a file large enough to be read in parallel chunks on a multi-core machine: several slices, each
        // with arrays longer than its rows
        ByteArrayOutputStream csv = new ByteArrayOutputStream();
        new SyntheticDistrict(7, 2025).writeCsv(60_000, csv);
        ReadResult read = RecordReader.read(csv.toByteArray(), ReadRules.panyu(2025), ProgressListener.NONE);
        assertThat(read.violations()).isEmpty();
        assertBulkAgrees(read.columns(), 0);
    }

    private static void assertBulkAgrees(RecordColumns columns, int at) {
        int n = columns.size();
        List<EnterpriseRecord> records = new ArrayList<>(n);
        for (int row = 0; row < n; row++) {
            records.add(columns.record(row));
        }
        assertThat(columns.slices().stream().mapToInt(RecordColumns.Slice::size).sum()).isEqualTo(n);
        for (ValueKey key : ValueKey.values()) {
            if (key.isSet()) {
                for (RecordColumns.Slice slice : columns.slices()) {
                    byte[] bits = key.members(slice);
                    for (int i = 0; i < slice.size(); i++) {
                        assertThat(bits[i] & 0xFF).isEqualTo(key.members(records.get(slice.start() + i)));
                    }
                }
                continue;
            }
            double[] out = new double[at + n + 3];
            Arrays.fill(out, UNTOUCHED);
            for (RecordColumns.Slice slice : columns.slices()) {
                key.extract(slice, MODEL, out, at + slice.start());
            }
            for (int k = 0; k < at; k++) {
                assertThat(out[k]).as("%s wrote before its place", key).isEqualTo(UNTOUCHED);
            }
            for (int k = at + n; k < out.length; k++) {
                assertThat(out[k]).as("%s wrote beyond the rows", key).isEqualTo(UNTOUCHED);
            }
            for (int row = 0; row < n; row++) {
                double single = key.extract(records.get(row), MODEL);
                double bulk = out[at + row];
                if (Double.doubleToRawLongBits(bulk) != Double.doubleToRawLongBits(single)) {
                    assertThat(bulk).as("%s of row %d: %s", key, row, records.get(row)).isEqualTo(single);
                    assertThat(Double.doubleToRawLongBits(bulk)).as("%s of row %d: NaN payload", key, row)
                            .isEqualTo(Double.doubleToRawLongBits(single));
                }
            }
        }
    }

    private static EnterpriseRecord record(double[] values, String industry) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder("").name("企业").town("市桥街道").industry(industry)
                .established(LocalDate.of(2015, 6, 30));
        for (int k = 0; k < NUMERIC.size(); k++) {
            b.set(NUMERIC.get(k), values[k]);
        }
        return b.build();
    }

    private static List<EnterpriseRecord> withUniqueUsccs(List<EnterpriseRecord> records) {
        List<EnterpriseRecord> unique = new ArrayList<>(records.size());
        for (int k = 0; k < records.size(); k++) {
            EnterpriseRecord r = records.get(k);
            EnterpriseRecord.Builder b = EnterpriseRecord.builder(String.format("U%017d", k)).name(r.name())
                    .town(r.town()).industry(r.industry()).established(r.established());
            for (InputField f : NUMERIC) {
                b.set(f, r.value(f));
            }
            unique.add(b.build());
        }
        return unique;
    }
}
