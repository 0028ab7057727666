package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.ModelLoader;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The oracle is only worth something if it is right: it reproduces the spec's published sample
 * (examples/sample-240.csv → expected-240.csv) on every number, to the hundredth, and exactly on stage,
 * rank, tier and eligibility.
 *
 * <p>The sample is read here by a few lines of its own rather than by the engine's readers, so that
 * nothing of the engine but its record and model classes stands between the file and the reference.
 */
class ReferenceScorerSampleTests {

    @Test
    void theReferenceReproducesTheSpecSample() {
        List<Map<String, String>> input = csv("sample-240.csv");
        List<Map<String, String>> expected = csv("expected-240.csv");
        List<EnterpriseRecord> records = input.stream().map(ReferenceScorerSampleTests::record).toList();

        List<ReferenceResult> results = ReferenceScorer.score(ModelLoader.defaultModel(), records);

        assertThat(results).hasSameSizeAs(expected).hasSize(240);
        for (int i = 0; i < results.size(); i++) {
            ReferenceResult got = results.get(i);
            Map<String, String> want = expected.get(i);
            String row = "row " + (i + 1) + " (" + want.get("uscc") + ") ";
            assertThat(got.uscc()).as(row + "uscc").isEqualTo(want.get("uscc"));
            assertThat(got.stage().name()).as(row + "stage").isEqualTo(want.get("stage"));
            assertThat(got.eligible()).as(row + "eligible").isEqualTo(Boolean.parseBoolean(want.get("eligible")));
            assertThat(got.rank() == null ? "" : got.rank().toString()).as(row + "rank").isEqualTo(want.get("rank"));
            assertThat(got.tier() == null ? "" : got.tier().name()).as(row + "tier").isEqualTo(want.get("tier"));
            assertHundredths(row + "core", got.core(), want.get("core"));
            assertHundredths(row + "bonus", got.bonus(), want.get("bonus"));
            assertHundredths(row + "deduction", got.deduction(), want.get("deduction"));
            assertHundredths(row + "total", got.total(), want.get("total"));
            assertThat(got.points().keySet()).as(row + "indicators").allMatch(want::containsKey);
            got.points().forEach((code, points) -> assertHundredths(row + code, points, want.get(code)));
        }
    }

    /** Equal as published: the same number of hundredths (so certainly within 0.01). */
    private static void assertHundredths(String what, BigDecimal got, String want) {
        assertThat(got).as(what).isEqualByComparingTo(new BigDecimal(want));
    }

    /** A spec §1 row as a record: empty numeric cells stay missing, sets are ';'-separated codes. */
    private static EnterpriseRecord record(Map<String, String> row) {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(row.get("uscc")).name(row.get("name"))
                .town(row.get("town")).industry(row.get("industry"))
                .established(LocalDate.parse(row.get("established")));
        for (InputField field : InputField.values()) {
            String cell = row.get(field.key());
            if (field.kind().numeric() && !cell.isEmpty()) {
                b.set(field, Double.parseDouble(cell)); // §2: amounts parsed as doubles
            }
        }
        for (String code : codes(row.get("qualifications"))) {
            b.qualification(Qualification.valueOf(code));
        }
        for (String code : codes(row.get("negatives"))) {
            b.negative(Negative.valueOf(code));
        }
        return b.build();
    }

    private static List<String> codes(String cell) {
        return cell.isEmpty() ? List.of() : List.of(cell.split(";"));
    }

    /** The example files have no quoted cells, so a row is its cells split at commas. */
    private static List<Map<String, String>> csv(String name) {
        String text;
        try (InputStream in = ReferenceScorerSampleTests.class.getResourceAsStream("/examples/" + name)) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8).replace("\uFEFF", "");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        assertThat(text).as("%s needs a real CSV parser once it quotes cells", name).doesNotContain("\"");
        List<String> lines = text.lines().toList();
        String[] header = lines.get(0).split(",", -1);
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] cells = line.split(",", -1);
            assertThat(cells).as(line).hasSameSizeAs(header);
            Map<String, String> row = new HashMap<>();
            for (int c = 0; c < header.length; c++) {
                row.put(header[c], cells[c]);
            }
            rows.add(row);
        }
        return rows;
    }
}
