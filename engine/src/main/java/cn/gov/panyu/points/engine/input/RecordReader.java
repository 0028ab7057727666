package cn.gov.panyu.points.engine.input;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * Reads enterprise records (scoring-spec §1) from a CSV or XLSX file and reports every broken rule.
 *
 * <p>The format is chosen by content, not by file name: an XLSX is a zip ({@code PK\3\4}); anything
 * else is read as CSV in UTF-8 (with or without BOM) or, when it is not valid UTF-8, GB18030 (a superset
 * of the GBK that Chinese Excel saves). A file that cannot be read at all yields a result with a
 * file-level violation rather than an exception, so that callers have one path for all bad input.
 */
public final class RecordReader {

    /** Violations listed in a result; beyond this only a count is given. */
    public static final int MAX_LISTED_VIOLATIONS = 10_000;

    /** Below this, a second thread costs more than reading takes. */
    private static final int PARALLEL_READ_BYTES = 16 << 20;
    /** Below this, a thread costs more than hashing takes. */
    private static final int PARALLEL_HASH_BYTES = 1 << 20;

    static final Problem EMPTY_FILE = new Problem("文件为空", "the file is empty");
    static final Problem NO_DATA_ROWS = new Problem("没有数据行（只有表头）", "there are no data rows (only a header)");

    private RecordReader() {
    }

    /**
     * Reads a file (CSV or XLSX, by content). Never throws for bad input: an unreadable, empty or
     * malformed file comes back as a result with violations. Safe to call from several threads at once.
     *
     * @param progress told the bytes (CSV) or rows (XLSX) done; may be null
     */
    public static ReadResult read(Path file, ReadRules rules, ProgressListener progress) {
        Prefetch content = new Prefetch(file);
        content.run();
        return read(content, rules, progress);
    }

    /**
     * Starts loading a file's bytes on another thread and returns at once: a command line tool loads its
     * model meanwhile (a 200 MB file takes a few tenths of a second to load, and so does the model).
     */
    public static Prefetch prefetch(Path file) {
        Prefetch content = new Prefetch(file);
        Thread loader = new Thread(content, "input-prefetch");
        loader.setDaemon(true);
        loader.start();
        return content;
    }

    /**
     * As {@link #read(Path, ReadRules, ProgressListener)}, for a file whose loading has started. The
     * prefetch gives up its bytes to this call: a 200 MB array must not stay alive (and be moved by every
     * full garbage collection) while the records are scored.
     */
    public static ReadResult read(Prefetch file, ReadRules rules, ProgressListener progress) {
        Object loaded = file.take();
        return loaded instanceof Problem p ? unreadable(p) : read((byte[]) loaded, rules, progress);
    }

    /**
     * A file's bytes being loaded: the content, or the problem that prevents it. What loading throws
     * instead — an Error such as running out of memory, or a bug — is no problem of the file: it is
     * handed to the thread that takes the content and thrown there, not lost with the loader thread.
     */
    public static final class Prefetch implements Runnable {
        private final Path file;
        private final CountDownLatch done = new CountDownLatch(1);
        /** The bytes or a {@link Problem}; null once taken. */
        private Object loaded;
        /** What loading threw instead of giving bytes or a problem; set at most once, before {@code done}. */
        private Throwable failure;

        private Prefetch(Path file) {
            this.file = Objects.requireNonNull(file, "file");
        }

        @Override
        public void run() {
            try {
                loaded = load(file);
            } catch (RuntimeException | Error e) {
                failure = e;
            } finally {
                done.countDown();
            }
        }

        private static Object load(Path file) {
            try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
                long size = channel.size();
                if (size > Integer.MAX_VALUE - 16) {
                    return new Problem("文件过大（超过 2 GB）", "the file is too large (over 2 GB)");
                }
                return read(channel, (int) size);
            } catch (IOException e) {
                return new Problem("无法读取文件：" + e.getMessage(), "cannot read the file: " + e.getMessage());
            }
        }

        /**
         * The file's bytes; a large file is read by two threads at once (each half by position): copying
         * 200 MB out of the page cache is work for a core, and the other one is free until parsing starts.
         */
        private static byte[] read(FileChannel channel, int size) throws IOException {
            byte[] content = new byte[size];
            if (size < PARALLEL_READ_BYTES) {
                readFully(channel, content, 0, size);
            } else {
                int half = size / 2;
                FutureTask<Void> secondHalf = new FutureTask<>(() -> {
                    readFully(channel, content, half, size);
                    return null;
                });
                Thread reader = new Thread(secondHalf, "input-prefetch-2");
                reader.setDaemon(true);
                reader.start();
                readFully(channel, content, 0, half);
                try {
                    secondHalf.get();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new IOException("interrupted while reading", e);
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
                }
            }
            if (channel.size() != size) {
                throw new IOException("the file changed while it was read");
            }
            return content;
        }

        private static void readFully(FileChannel channel, byte[] into, int from, int to) throws IOException {
            ByteBuffer buffer = ByteBuffer.wrap(into, from, to - from);
            while (buffer.hasRemaining()) {
                if (channel.read(buffer, buffer.position()) < 0) {
                    throw new IOException("the file ended early (it changed while it was read)");
                }
            }
        }

        /** Waits for the bytes (or the problem) and hands them over once. */
        private Object take() {
            try {
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while loading the input", e);
            }
            if (failure instanceof Error error) {
                throw error;
            }
            if (failure instanceof RuntimeException bug) {
                throw bug;
            }
            Object result = loaded;
            if (result == null) {
                throw new IllegalStateException("the prefetched input was already read");
            }
            loaded = null;
            return result;
        }
    }

    /** As {@link #read(Path, ReadRules, ProgressListener)}, for content already in memory (an upload). */
    public static ReadResult read(byte[] content, ReadRules rules, ProgressListener progress) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(rules, "rules");
        ProgressListener listener = monotonic(progress == null ? ProgressListener.NONE : progress);
        // hashing 200 MB takes a tenth of a second: done alongside parsing rather than before it
        FutureTask<String> sha256 = new FutureTask<>(() -> sha256(content));
        if (content.length < PARALLEL_HASH_BYTES) {
            sha256.run();
        } else {
            Thread hasher = new Thread(sha256, "input-sha256");
            hasher.setDaemon(true);
            hasher.start();
        }
        Parsed parsed;
        if (content.length == 0) {
            parsed = Parsed.fileProblem(EMPTY_FILE, "");
        } else if (XlsxReader.isZip(content)) {
            parsed = XlsxReader.read(content, rules, listener);
        } else if (XlsxReader.isLegacyXls(content)) {
            parsed = Parsed.fileProblem(new Problem("不支持旧版 Excel (.xls) 文件，请另存为 .xlsx 或“CSV UTF-8”",
                    "legacy Excel (.xls) files are not supported; save as .xlsx or \"CSV UTF-8\""), "XLS");
        } else {
            parsed = CsvReader.read(content, rules, listener);
        }
        return finish(parsed, await(sha256));
    }

    private static String await(FutureTask<String> task) {
        try {
            return task.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while hashing the input", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("hashing the input failed", e.getCause());
        }
    }

    /**
     * The runs of rows a format reader produced, before the one rule that needs all rows at once (USCC
     * uniqueness) is checked.
     */
    record Parsed(List<RowAssembler> runs, List<ViolationSink> sinks, String encoding) {
        static Parsed fileProblem(Problem p, String encoding) {
            ViolationSink sink = new ViolationSink(MAX_LISTED_VIOLATIONS);
            sink.add(fileViolation(p));
            return new Parsed(List.of(), List.of(sink), encoding);
        }
    }

    /**
     * Never lets progress go backwards: a CSV that turns out not to be UTF-8 is read again as GB18030,
     * and a progress bar should not jump back for that.
     */
    private static ProgressListener monotonic(ProgressListener listener) {
        long[] max = {0};
        return (done, total) -> {
            if (done >= max[0]) {
                max[0] = done;
                listener.progress(done, total);
            }
        };
    }

    static Violation fileViolation(Problem p) {
        return new Violation(0, "", null, p.zh(), p.en());
    }

    /** Checks USCC uniqueness across all runs in row order, then keeps the records of clean rows. */
    static ReadResult finish(Parsed parsed, String sha256) {
        int dataRows = 0;
        for (RowAssembler run : parsed.runs()) {
            dataRows += run.dataRows();
        }
        UsccIndex firstRows = new UsccIndex(dataRows);
        ViolationSink duplicates = new ViolationSink(MAX_LISTED_VIOLATIONS);
        List<RecordColumns.Segment> parts = new ArrayList<>();
        List<boolean[]> dropped = new ArrayList<>();
        for (RowAssembler run : parsed.runs()) {
            boolean[] drop = new boolean[run.acceptedRows().size()];
            for (int i = 0; i < run.dataRows(); i++) {
                long high = run.usccHigh(i);
                if (high >= 0) {
                    int row = run.rowNumber(i);
                    int first = firstRows.putIfAbsent(high, run.usccLow(i), row);
                    if (first != 0) {
                        String uscc = UnifiedSocialCreditCode.unpack(high, run.usccLow(i));
                        duplicates.add(new Violation(row, InputField.USCC.key(), uscc,
                                "统一社会信用代码重复，首次出现在第 " + first + " 行",
                                "duplicate, first seen in row " + first));
                        if (run.accepted(i)) {
                            drop[run.slot(i)] = true;
                        }
                    }
                }
            }
            parts.add(run.acceptedRows());
            dropped.add(drop);
        }
        List<ViolationSink> sinks = new ArrayList<>(parsed.sinks());
        sinks.add(duplicates);
        return new ReadResult(RecordColumns.join(parts, dropped),
                ViolationSink.merge(sinks, MAX_LISTED_VIOLATIONS), dataRows, sha256, parsed.encoding());
    }

    private static ReadResult unreadable(Problem p) {
        return new ReadResult(List.of(), List.of(fileViolation(p)), 0, "", "");
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
    }
}
