package cn.gov.panyu.points.engine.generate;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Writes a range of enterprises as one CSV file, drawing large ranges on several threads.
 *
 * <p>Drawing, not writing, is what costs, and every row is a pure function of its index, so chunks of
 * rows can be drawn independently and written in order: the file is byte for byte the same as with one
 * thread. At most two chunks per thread are held at once, so memory stays flat however many rows.
 */
final class CsvExport {

    /** Below this a pool costs more than it saves. */
    static final int PARALLEL_FROM = 50_000;
    static final int CHUNK_ROWS = 4096;

    private final EnterpriseModel model;
    private final boolean cultivation;

    CsvExport(EnterpriseModel model) {
        this(model, false);
    }

    CsvExport(EnterpriseModel model, boolean cultivation) {
        this.model = model;
        this.cultivation = cultivation;
    }

    /** Rows {@code first … first + count - 1}, header first; uses as many threads as there are processors. */
    void write(long first, int count, OutputStream out) throws IOException {
        int threads = count < PARALLEL_FROM ? 1 : Runtime.getRuntime().availableProcessors();
        write(first, count, out, threads);
    }

    void write(long first, int count, OutputStream out, int threads) throws IOException {
        CsvRowWriter writer = new CsvRowWriter(out, cultivation);
        writer.writeHeader();
        if (threads <= 1) {
            writeRows(first, count, writer);
            writer.flush();
            return;
        }
        writer.flush();
        ExecutorService pool = Executors.newFixedThreadPool(threads, daemonThreads());
        try {
            ArrayDeque<Future<byte[]>> pending = new ArrayDeque<>();
            long next = first;
            long end = first + count;
            while (next < end || !pending.isEmpty()) {
                while (next < end && pending.size() < 2 * threads) {
                    long chunkFirst = next;
                    int chunkRows = (int) Math.min(CHUNK_ROWS, end - next);
                    pending.add(pool.submit(() -> chunk(chunkFirst, chunkRows)));
                    next += chunkRows;
                }
                out.write(await(pending.poll()));
            }
            out.flush();
        } finally {
            pool.shutdownNow();
        }
    }

    private byte[] chunk(long first, int count) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(count * 200);
        try {
            CsvRowWriter writer = new CsvRowWriter(bytes, cultivation);
            writeRows(first, count, writer);
            writer.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a ByteArrayOutputStream does not throw
        }
        return bytes.toByteArray();
    }

    private void writeRows(long first, int count, CsvRowWriter writer) throws IOException {
        Row row = new Row();
        for (int i = 0; i < count; i++) {
            model.fill(first + i, row);
            writer.write(row);
        }
    }

    private static byte[] await(Future<byte[]> chunk) throws IOException {
        try {
            return chunk.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing synthetic enterprises");
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            if (e.getCause() instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(e.getCause());
        }
    }

    /** Daemon threads: a caller that gives up on a half-written file must not keep the JVM alive. */
    private static ThreadFactory daemonThreads() {
        AtomicInteger number = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "synthetic-district-" + number.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
