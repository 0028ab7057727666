package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV is the input format of spec §1 and says exactly what the records say. */
class SyntheticCsvTests {

    private static final InputField[] FIELDS = InputField.values();

    @Test
    void theFileIsStrictUtf8WithoutBomAndTheHeaderIsTheFieldKeys() throws IOException {
        byte[] bytes = csv(new SyntheticDistrict(1, 2025), 100);
        assertThat(Arrays.copyOf(bytes, 3)).isNotEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        String text = strictUtf8(bytes);
        String header = text.substring(0, text.indexOf('\n'));
        assertThat(header).isEqualTo(Arrays.stream(FIELDS).map(InputField::key).collect(Collectors.joining(",")));
        assertThat(text).endsWith("\n").doesNotContain("\r");
    }

    @Test
    void everyCellIsWhatTheRecordHoldsInTheSpecFormat() throws IOException {
        int count = 5_000;
        List<String> lines = lines(csv(new SyntheticDistrict(77, 2025), count));
        List<EnterpriseRecord> records = new SyntheticDistrict(77, 2025).records(count);
        assertThat(lines).hasSize(count + 1);
        for (int i = 0; i < count; i++) {
            // -1 keeps trailing empty cells: a row always has one cell per field
            String[] cells = lines.get(i + 1).split(",", -1);
            assertThat(cells).as("row %d", i).hasSize(FIELDS.length);
            EnterpriseRecord r = records.get(i);
            for (int c = 0; c < FIELDS.length; c++) {
                assertThat(cells[c]).as("row %d %s", i, FIELDS[c].key()).isEqualTo(expectedCell(r, FIELDS[c]));
            }
        }
    }

    @Test
    void aLongerFileStartsWithTheShorterOne() throws IOException {
        byte[] shorter = csv(new SyntheticDistrict(5, 2025), 1_000);
        byte[] longer = csv(new SyntheticDistrict(5, 2025), 2_000);
        assertThat(Arrays.copyOf(longer, shorter.length)).isEqualTo(shorter);
    }

    @Test
    void drawingOnSeveralThreadsWritesTheSameBytesAsOne() throws IOException {
        EnterpriseModel model = new EnterpriseModel(123, 2025);
        int count = 3 * CsvExport.CHUNK_ROWS + 17; // a partial last chunk
        ByteArrayOutputStream one = new ByteArrayOutputStream();
        new CsvExport(model).write(100, count, one, 1);
        ByteArrayOutputStream three = new ByteArrayOutputStream();
        new CsvExport(model).write(100, count, three, 3);
        assertThat(three.toByteArray()).isEqualTo(one.toByteArray());
    }

    @Test
    void aLargeFileIsTheSameAsItsRecords() throws IOException {
        // above the parallel threshold, so this goes through the pool on a multi-core machine
        int count = CsvExport.PARALLEL_FROM + 1_000;
        List<String> lines = lines(csv(new SyntheticDistrict(8, 2025), count));
        SyntheticDistrict district = new SyntheticDistrict(8, 2025);
        assertThat(lines).hasSize(count + 1);
        for (int i = 0; i < count; i += 997) {
            EnterpriseRecord r = district.recordAt(i);
            assertThat(lines.get(i + 1)).isEqualTo(Arrays.stream(FIELDS).map(f -> expectedCell(r, f))
                    .collect(Collectors.joining(",")));
        }
    }

    @Test
    void noWordANameOrTownIsMadeOfNeedsQuoting() {
        for (Word[] list : CompanyNames.wordLists()) {
            assertThat(list).allSatisfy(w -> assertThat(w.text())
                    .doesNotContain(",", "\"", "\n", "\r", ";").isNotBlank());
        }
        for (PanyuTown town : PanyuTown.values()) {
            assertThat(town.label()).doesNotContain(",", "\"");
        }
    }

    /** The spec's format, derived independently of the writer: BigDecimal for amounts, enum order for sets. */
    private static String expectedCell(EnterpriseRecord r, InputField f) {
        return switch (f.kind()) {
            case TEXT -> switch (f) {
                case USCC -> r.uscc();
                case NAME -> r.name();
                case TOWN -> r.town();
                case INDUSTRY -> r.industry();
                default -> throw new IllegalArgumentException(f.key());
            };
            case DATE -> r.established().toString();
            case AMOUNT, SIGNED_AMOUNT -> r.isMissing(f) ? ""
                    : BigDecimal.valueOf(r.value(f)).setScale(2, RoundingMode.UNNECESSARY).toPlainString();
            case COUNT, FLAG -> r.isMissing(f) ? "" : Long.toString((long) r.value(f));
            case SET -> f == InputField.QUALIFICATIONS
                    ? Arrays.stream(Qualification.values()).filter(r::has).map(Enum::name)
                            .collect(Collectors.joining(";"))
                    : Arrays.stream(Negative.values()).filter(r::has).map(Enum::name)
                            .collect(Collectors.joining(";"));
        };
    }

    private static byte[] csv(SyntheticDistrict district, int count) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        district.writeCsv(count, out);
        return out.toByteArray();
    }

    private static List<String> lines(byte[] csv) throws CharacterCodingException {
        return strictUtf8(csv).lines().toList();
    }

    private static String strictUtf8(byte[] bytes) throws CharacterCodingException {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes)).toString();
    }
}
