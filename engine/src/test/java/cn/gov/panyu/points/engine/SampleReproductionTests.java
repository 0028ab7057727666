package cn.gov.panyu.points.engine;

import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordReader;
import cn.gov.panyu.points.engine.input.ProgressListener;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.output.CsvResultWriter;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Scorer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The contract test: the sample of the scoring spec (240 enterprises) reproduces to 0.01 on every number
 * and exactly on stage, rank, tier and eligibility.
 */
class SampleReproductionTests {

    static Path resource(String name) throws URISyntaxException {
        return Path.of(SampleReproductionTests.class.getResource("/examples/" + name).toURI());
    }

    @Test
    void theSpecSampleReproducesExactly() throws Exception {
        ReadResult read = RecordReader.read(resource("sample-240.csv"), ReadRules.panyu(2025), ProgressListener.NONE);
        assertThat(read.violations()).isEmpty();
        assertThat(read.records()).hasSize(240);

        Evaluation evaluation = Scorer.score(ModelLoader.defaultModel(), read.records());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CsvResultWriter.write(evaluation, out);
        String produced = out.toString(StandardCharsets.UTF_8).replace("\uFEFF", "");

        List<String> expected = Files.readAllLines(resource("expected-240.csv"), StandardCharsets.UTF_8);
        List<String> actual = produced.lines().toList();
        assertThat(actual).hasSameSizeAs(expected);
        assertThat(actual.get(0)).isEqualTo(expected.get(0));
        String[] header = expected.get(0).split(",", -1);
        for (int row = 1; row < expected.size(); row++) {
            String[] want = expected.get(row).split(",", -1);
            String[] got = actual.get(row).split(",", -1);
            assertThat(got).as("row %d", row).hasSameSizeAs(want);
            for (int c = 0; c < header.length; c++) {
                String what = "row " + row + " (" + want[0] + ") column " + header[c];
                if (isNumber(header[c])) {
                    assertThat(Double.parseDouble(got[c])).as(what).isCloseTo(Double.parseDouble(want[c]), within(0.01));
                } else {
                    assertThat(got[c]).as(what).isEqualTo(want[c]);
                }
            }
        }
        // and in fact to the last digit: the CSV is byte-for-byte the expected one
        assertThat(actual).containsExactlyElementsOf(expected);
    }

    private static boolean isNumber(String column) {
        return !List.of("uscc", "name", "stage", "rank", "tier", "eligible").contains(column);
    }
}
