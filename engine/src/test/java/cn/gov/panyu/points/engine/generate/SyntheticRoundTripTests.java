package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.ProgressListener;
import cn.gov.panyu.points.engine.input.ReadResult;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.RecordReader;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The engine's own reader accepts every generated row and reads back exactly the generated records. */
class SyntheticRoundTripTests {

    @ParameterizedTest
    @CsvSource({"2025, 2025, 20000", "7, 1990, 2000", "8, 2031, 2000", "9, 9998, 500"})
    void theReaderFindsNoViolationAndTheSameRecords(long seed, int year, int count, @TempDir Path dir)
            throws IOException {
        Path file = dir.resolve("district.csv");
        try (OutputStream out = Files.newOutputStream(file)) {
            new SyntheticDistrict(seed, year).writeCsv(count, out);
        }

        ReadResult read = RecordReader.read(file, ReadRules.panyu(year), ProgressListener.NONE);

        assertThat(read.violations()).isEmpty();
        assertThat(read.dataRows()).isEqualTo(count);
        assertThat(read.encoding()).isEqualTo("UTF-8");
        List<EnterpriseRecord> generated = new SyntheticDistrict(seed, year).records(count);
        assertThat(read.records()).isEqualTo(generated);
    }
}
