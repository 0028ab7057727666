package cn.gov.panyu.points.engine.input;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Throughput check for the CSV path, not run by the build (a benchmark is not a test):
 * {@code java -XX:+UseParallelGC -Xms1g -Xmx1g -Druns=5 -cp <test classpath>
 * cn.gov.panyu.points.engine.input.ReaderThroughput [rows] [file]} writes a file of the sample's rows
 * repeated with fresh valid USCCs (unless the file exists), then reads it {@code runs} times. The first
 * run is what a one-shot CLI sees (JIT warm-up included); a long-running platform sees the later ones.
 */
public final class ReaderThroughput {

    private ReaderThroughput() {
    }

    public static void main(String[] args) throws IOException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = args.length > 1 ? Path.of(args[1]) : Files.createTempFile("throughput-", ".csv");
        if (!Files.exists(file) || Files.size(file) == 0) {
            writeRepeatedSample(file, rows);
        }
        long size = Files.size(file);
        System.out.printf("file: %,d bytes, %,d rows requested, %d cores, max heap %,d MB%n",
                size, rows, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        int runs = Integer.getInteger("runs", 5);
        for (int i = 0; i < runs; i++) {
            long gc0 = gcMillis();
            long cpu0 = processCpuNanos();
            long t0 = System.nanoTime();
            ReadResult r = RecordReader.read(file, ReadRules.panyu(2025), ProgressListener.NONE);
            long ns = System.nanoTime() - t0;
            System.out.printf("read %,d records (%d violations) in %,d ms (cpu %,d ms, gc %,d ms): %,.0f rows/s, %,.0f MB/s%n",
                    r.records().size(), r.violations().size(), ns / 1_000_000,
                    (processCpuNanos() - cpu0) / 1_000_000, gcMillis() - gc0,
                    r.dataRows() / (ns / 1e9), size / (ns / 1e9) / 1e6);
        }
    }

    private static long gcMillis() {
        long sum = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            sum += Math.max(0, gc.getCollectionTime());
        }
        return sum;
    }

    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    /** The sample's rows, cycled, each with a new USCC (valid check character, unique per row). */
    static void writeRepeatedSample(Path file, int rows) throws IOException {
        List<String> sample = sampleLines();
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(sample.get(0));
            w.write('\n');
            for (int i = 0; i < rows; i++) {
                String line = sample.get(1 + i % (sample.size() - 1));
                w.write(uniqueUscc(i));
                w.write(line, line.indexOf(','), line.length() - line.indexOf(','));
                w.write('\n');
            }
        }
    }

    /** 914401 + 11 characters encoding {@code n} in base 31 + the check character. */
    static String uniqueUscc(long n) {
        char[] c = new char[17];
        "914401".getChars(0, 6, c, 0);
        for (int i = 16; i >= 6; i--) {
            c[i] = UnifiedSocialCreditCode.CHARSET.charAt((int) (n % 31));
            n /= 31;
        }
        String first17 = new String(c);
        return first17 + UnifiedSocialCreditCode.checkCharacter(first17);
    }

    static List<String> sampleLines() {
        try (InputStream in = ReaderThroughput.class.getResourceAsStream("/examples/sample-240.csv")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
