package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * Reads a CSV file held in memory: detects the encoding, resolves the header, then validates the data
 * rows — in parallel chunks on a multi-core machine, since a million rows must be read in about a
 * second.
 *
 * <p>Chunks are split at line ends. Whether such a line end really ends a record depends on the quotes
 * before it, which only a sequential reader knows; so each chunk after the first starts speculatively,
 * and is kept only if the chunk before it (whose own start was right) ended exactly there. Otherwise —
 * a quoted cell with a line break straddles the split — the chunk is read again from the right place.
 * The result never depends on the number of chunks.
 */
final class CsvReader {

    /** Below this a chunk is not worth a thread. */
    private static final int MIN_CHUNK_BYTES = 4 << 20;
    private static final int MAX_CHUNKS = 8;
    /** Rows between progress reports and abort checks. */
    private static final int REPORT_EVERY = 1 << 13;

    private CsvReader() {
    }

    static RecordReader.Parsed read(byte[] b, ReadRules rules, ProgressListener progress) {
        return read(b, rules, progress, defaultChunks(), MIN_CHUNK_BYTES);
    }

    /**
     * @param maxChunks     upper bound on parallel chunks
     * @param minChunkBytes lower bound on a chunk's size (tests make it small to split small files)
     */
    static RecordReader.Parsed read(byte[] b, ReadRules rules, ProgressListener progress, int maxChunks,
                                    int minChunkBytes) {
        Chunking chunking = new Chunking(maxChunks, minChunkBytes);
        boolean utf16 = b.length >= 2
                && ((b[0] == (byte) 0xFF && b[1] == (byte) 0xFE) || (b[0] == (byte) 0xFE && b[1] == (byte) 0xFF));
        if (utf16) { // Excel's "Unicode text": recognisable by its BOM, and not worth a third decoder
            return RecordReader.Parsed.fileProblem(new Problem(
                    "不支持 UTF-16 编码的文本，请在 Excel 中另存为“CSV UTF-8”或 .xlsx",
                    "UTF-16 text is not supported; save as \"CSV UTF-8\" or .xlsx"), "UTF-16");
        }
        if (b.length >= 3 && b[0] == (byte) 0xEF && b[1] == (byte) 0xBB && b[2] == (byte) 0xBF) {
            return new Run(b, 3, rules, progress, chunking,
                    () -> CellDecoder.fixed(StandardCharsets.UTF_8), "UTF-8 (BOM)").read();
        }
        try {
            return new Run(b, 0, rules, progress, chunking, CellDecoder::utf8Guess, "UTF-8").read();
        } catch (CellDecoder.NotUtf8 e) {
            return new Run(b, 0, rules, progress, chunking,
                    () -> CellDecoder.fixed(CellDecoder.GB18030), "GB18030").read();
        }
    }

    private record Chunking(int maxChunks, int minChunkBytes) {
    }

    private static int defaultChunks() {
        return Math.min(MAX_CHUNKS, Runtime.getRuntime().availableProcessors());
    }

    /** One attempt at reading the file in one encoding. */
    private static final class Run {
        private final byte[] b;
        private final int start;
        private final ReadRules rules;
        private final ProgressListener progress;
        private final Chunking chunking;
        private final Supplier<CellDecoder> decoders;
        private final String encoding;
        private final AtomicLong bytesDone = new AtomicLong();
        private volatile boolean abort;

        Run(byte[] b, int start, ReadRules rules, ProgressListener progress, Chunking chunking,
            Supplier<CellDecoder> decoders, String encoding) {
            this.b = b;
            this.start = start;
            this.rules = rules;
            this.progress = progress;
            this.chunking = chunking;
            this.decoders = decoders;
            this.encoding = encoding;
        }

        RecordReader.Parsed read() {
            ViolationSink headerSink = new ViolationSink(RecordReader.MAX_LISTED_VIOLATIONS);
            int end = b.length;
            int p = start;
            int row = 1;
            HeaderCells header = null;
            while (p < end) {
                HeaderCells cells = new HeaderCells(decoders.get(), row, headerSink);
                p = CsvTokenizer.record(b, p, end, cells);
                row++;
                if (!cells.blank()) {
                    header = cells;
                    break;
                }
            }
            if (header == null) {
                return RecordReader.Parsed.fileProblem(RecordReader.EMPTY_FILE, encoding);
            }
            InputField[] columns = header.broken ? null : Header.resolve(header.cells, header.row, headerSink, rules);

            List<Chunk> chunks = split(p, end, row, columns);
            runAll(chunks);
            List<RowAssembler> runs = new ArrayList<>();
            List<ViolationSink> sinks = new ArrayList<>();
            sinks.add(headerSink);
            int expectedStart = p;
            int nextRow = row;
            for (Chunk c : chunks) {
                if (c.from != expectedStart) {
                    c = new Chunk(this, expectedStart, Math.max(expectedStart, c.to), nextRow, columns, false);
                    c.run();
                    rethrow(c);
                } else if (c.firstRow != nextRow) {
                    c.sink.shiftRows(nextRow - c.firstRow);
                    c.rows.shiftRows(nextRow - c.firstRow);
                }
                runs.add(c.rows);
                sinks.add(c.sink);
                expectedStart = c.stoppedAt;
                nextRow += c.records;
            }
            progress.progress(end, end);
            int dataRows = runs.stream().mapToInt(RowAssembler::dataRows).sum();
            if (dataRows == 0 && columns != null) {
                headerSink.add(RecordReader.fileViolation(RecordReader.NO_DATA_ROWS));
            }
            return new RecordReader.Parsed(runs, sinks, encoding);
        }

        /** Chunks of about equal size, each after the first starting just after a line feed. */
        private List<Chunk> split(int from, int end, int firstRow, InputField[] columns) {
            long bySize = (long) (end - from) / chunking.minChunkBytes();
            int n = (int) Math.max(1, Math.min(chunking.maxChunks(), bySize));
            List<Chunk> chunks = new ArrayList<>(n);
            int chunkStart = from;
            for (int k = 1; k <= n; k++) {
                int chunkEnd = k == n ? end : lineStartAfter(from + (int) ((long) (end - from) * k / n), end);
                if (chunkEnd <= chunkStart) {
                    continue;
                }
                boolean first = chunks.isEmpty();
                chunks.add(new Chunk(this, chunkStart, chunkEnd, first ? firstRow : 1, columns, first));
                chunkStart = chunkEnd;
            }
            if (chunks.isEmpty()) {
                chunks.add(new Chunk(this, from, end, firstRow, columns, true));
            }
            return chunks;
        }

        private int lineStartAfter(int p, int end) {
            while (p < end && b[p] != '\n') {
                p++;
            }
            return Math.min(end, p + 1);
        }

        /** The first chunk runs on the calling thread (which alone reports progress), the rest alongside. */
        private void runAll(List<Chunk> chunks) {
            List<Thread> threads = new ArrayList<>();
            for (Chunk c : chunks.subList(1, chunks.size())) {
                Thread t = new Thread(c, "csv-reader-chunk");
                t.setDaemon(true);
                t.start();
                threads.add(t);
            }
            chunks.get(0).run();
            for (Thread t : threads) {
                try {
                    while (t.isAlive()) {
                        t.join(200);
                        progress.progress(bytesDone.get(), b.length);
                    }
                } catch (InterruptedException e) {
                    abort = true;
                    Thread.currentThread().interrupt();
                    throw new IllegalStateException("interrupted while reading", e);
                }
            }
            for (Chunk c : chunks) {
                rethrow(c);
            }
        }

        private static void rethrow(Chunk c) {
            if (c.error instanceof RuntimeException e) {
                throw e; // NotUtf8 included: the caller starts over in GB18030
            }
            if (c.error instanceof Error e) {
                throw e;
            }
        }
    }

    /** A run of records from {@code from} to (at least) {@code to}, on one thread. */
    private static final class Chunk implements Runnable {
        private final Run run;
        final int from;
        final int to;
        /** The first row's number — relative (1) for a chunk whose position in the file is not yet known. */
        final int firstRow;
        private final boolean reportsProgress;
        final ViolationSink sink = new ViolationSink(RecordReader.MAX_LISTED_VIOLATIONS);
        private final InputField[] columns;
        /** Made by the chunk's own thread: its column arrays (a few hundred MB in all) are then allocated in parallel. */
        RowAssembler rows;
        int stoppedAt;
        int records;
        Throwable error;

        Chunk(Run run, int from, int to, int firstRow, InputField[] columns, boolean reportsProgress) {
            this.run = run;
            this.from = from;
            this.to = to;
            this.firstRow = firstRow;
            this.reportsProgress = reportsProgress;
            this.columns = columns;
        }

        @Override
        public void run() {
            try {
                byte[] b = run.b;
                rows = new RowAssembler(columns, run.rules, run.decoders.get(), sink, estimateRows(b, from, to));
                int p = from;
                int row = firstRow;
                int reported = from;
                while (p < to) {
                    rows.beginRow(row);
                    p = CsvTokenizer.record(b, p, b.length, rows);
                    rows.endRow();
                    row++;
                    if ((row & (REPORT_EVERY - 1)) == 0) {
                        if (run.abort) {
                            break;
                        }
                        long done = run.bytesDone.addAndGet(p - reported);
                        reported = p;
                        if (reportsProgress) {
                            run.progress.progress(done, b.length);
                        }
                    }
                }
                run.bytesDone.addAndGet(p - reported);
                stoppedAt = p;
                records = row - firstRow;
            } catch (RuntimeException | Error e) {
                error = e;
                run.abort = true;
            }
        }

        /** Sizes the per-row arrays from the line density of the chunk's first 64 KB (+10 %). */
        private static int estimateRows(byte[] b, int from, int to) {
            int sample = Math.min(to - from, 1 << 16);
            int lines = 1;
            for (int i = from; i < from + sample; i++) {
                if (b[i] == '\n') {
                    lines++;
                }
            }
            long estimate = (long) lines * (to - from) / Math.max(1, sample) * 11 / 10 + 16;
            return (int) Math.min(Integer.MAX_VALUE - 16, estimate);
        }
    }

    /** Collects the header row's cells as text. */
    private static final class HeaderCells implements CsvTokenizer.CellConsumer {
        private final CellDecoder decoder;
        final int row;
        private final ViolationSink sink;
        final List<String> cells = new ArrayList<>();
        boolean broken;

        HeaderCells(CellDecoder decoder, int row, ViolationSink sink) {
            this.decoder = decoder;
            this.row = row;
            this.sink = sink;
        }

        @Override
        public void cell(int col, byte[] b, int from, int to, boolean quoted) {
            cells.add(decoder.decode(b, from, to));
        }

        @Override
        public void cellProblem(int col, byte[] b, int from, int to, Problem problem) {
            String text = decoder.decode(b, from, Math.min(to, from + 100));
            cells.add(text);
            sink.add(new Violation(row, RowAssembler.columnName(col), text, problem.zh(), problem.en()));
            broken = true;
        }

        boolean blank() {
            return !broken && cells.stream().allMatch(String::isBlank);
        }
    }
}
