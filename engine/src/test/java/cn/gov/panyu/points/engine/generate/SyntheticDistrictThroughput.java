package cn.gov.panyu.points.engine.generate;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Throughput check for {@link SyntheticDistrict#writeCsv}, not run by the build (a benchmark is not a
 * test): {@code java -cp <test classpath> cn.gov.panyu.points.engine.generate.SyntheticDistrictThroughput
 * [rows] [file]} writes the file five times and reports time and size; the first run includes JIT warm-up.
 */
public final class SyntheticDistrictThroughput {

    private SyntheticDistrictThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("synthetic-district-", ".csv");
        System.out.printf("%,d rows, %d cores, max heap %,d MB%n",
                rows, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            try (OutputStream out = Files.newOutputStream(file)) {
                new SyntheticDistrict(2025, 2025).writeCsv(rows, out);
            }
            long ns = System.nanoTime() - t0;
            long size = Files.size(file);
            System.out.printf("wrote %,d bytes in %,d ms: %,.0f rows/s, %,.0f MB/s%n",
                    size, ns / 1_000_000, rows / (ns / 1e9), size / (ns / 1e9) / 1e6);
        }
    }
}
