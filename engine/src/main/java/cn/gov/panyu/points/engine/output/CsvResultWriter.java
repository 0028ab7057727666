package cn.gov.panyu.points.engine.output;

import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.scoring.Evaluation;
import cn.gov.panyu.points.engine.scoring.Rounding;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Writes an evaluation as UTF-8 CSV with a BOM (so that Excel shows the Chinese names correctly).
 *
 * <p>Rows are formatted in blocks on all cores while the calling thread writes the finished blocks in
 * order: formatting a million rows of numbers is CPU work, and writing 200 MB is kernel work of the same
 * order, so the two overlap rather than take turns.
 */
public final class CsvResultWriter {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    private static final int BLOCK = 16_384;

    private CsvResultWriter() {
    }

    public static void write(Evaluation evaluation, OutputStream out) throws IOException {
        out.write(BOM);
        out.write((String.join(",", ResultColumns.header(evaluation.model())) + "\n").getBytes(StandardCharsets.UTF_8));
        int n = evaluation.size();
        int blocks = (n + BLOCK - 1) / BLOCK;
        int threads = Runtime.getRuntime().availableProcessors();
        ExecutorService formatters = Executors.newFixedThreadPool(threads, task -> {
            Thread t = new Thread(task, "csv-result-format");
            t.setDaemon(true);
            return t;
        });
        try {
            // two blocks in flight per core keep every core busy while bounding memory; a written block's
            // buffer is formatted into again, so that a million rows make a few buffers, not 400 MB of garbage
            int window = 2 * threads;
            Deque<Future<RowBuffer>> pending = new ArrayDeque<>();
            Queue<RowBuffer> written = new ConcurrentLinkedQueue<>();
            int next = 0;
            while (next < blocks || !pending.isEmpty()) {
                while (next < blocks && pending.size() < window) {
                    int from = next++ * BLOCK;
                    pending.add(formatters.submit(() ->
                            formatBlock(evaluation, from, Math.min(n, from + BLOCK), written.poll())));
                }
                RowBuffer block = await(pending.poll());
                block.writeTo(out);
                written.add(block);
            }
        } finally {
            formatters.shutdownNow();
        }
        out.flush();
    }

    private static RowBuffer await(Future<RowBuffer> block) throws IOException {
        try {
            return block.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while writing results");
        } catch (ExecutionException e) {
            throw new IllegalStateException("formatting results failed", e.getCause());
        }
    }

    /** @param reused a buffer already written out, or null */
    private static RowBuffer formatBlock(Evaluation e, int from, int to, RowBuffer reused) {
        // rows average about 200 bytes: room for 256 each means the buffer (almost) never grows mid-block
        RowBuffer buf = reused != null ? reused : new RowBuffer(BLOCK * 256);
        buf.truncate(0);
        RowFormat format = new RowFormat(e, buf);
        for (int i = from; i < to; i++) {
            format.row(i);
        }
        return buf;
    }

    /**
     * One block's rows. The row is a method of its own, called per row, rather than the body of the block's
     * loop: the JIT then compiles it once, instead of once more for each loop it enters a long-running
     * block at (on-stack replacement) — on two cores, compiling is a good part of a million-row run.
     */
    private static final class RowFormat {
        private static final byte[][] STAGES = asciiNames(Stage.values());
        private static final byte[][] TIERS = asciiNames(Tier.values());
        private static final byte[] TRUE = "true".getBytes(StandardCharsets.US_ASCII);
        private static final byte[] FALSE = "false".getBytes(StandardCharsets.US_ASCII);

        private final Evaluation e;
        private final RowBuffer buf;
        private final RecordColumns.Cursor row;
        private final int indicators;
        /** core, bonus, deduction, then the indicators' points: rounded and written by one loop each. */
        private final double[] unrounded;
        private final long[] cents;
        private final StringBuilder text = new StringBuilder(64);

        RowFormat(Evaluation e, RowBuffer buf) {
            this.e = e;
            this.buf = buf;
            this.row = e.columns().cursor();
            this.indicators = e.model().indicators().size();
            this.unrounded = new double[3 + indicators];
            this.cents = new long[3 + indicators];
        }

        void row(int i) {
            row.at(i).uscc(buf);
            buf.comma();
            // the name's bytes as stored; only a name that needs quoting or neutralising takes the String path
            int nameAt = buf.size();
            row.name(buf);
            if (buf.needsCsvEscaping(nameAt)) {
                buf.truncate(nameAt);
                text.setLength(0);
                appendText(text, SpreadsheetText.neutralise(e.columns().name(i)));
                buf.utf8(text);
            }
            buf.comma().bytes(STAGES[e.stage(i).ordinal()]);
            round(i);
            buf.commaCents(cents, 0, 3).comma().cents(e.totalCents(i)).comma();
            if (e.eligible(i)) {
                buf.integer(e.rank(i));
            }
            buf.comma();
            if (e.tier(i) != null) {
                buf.bytes(TIERS[e.tier(i).ordinal()]);
            }
            buf.comma().bytes(e.eligible(i) ? TRUE : FALSE);
            buf.commaCents(cents, 3, cents.length).newline();
        }

        private static byte[][] asciiNames(Enum<?>[] constants) {
            byte[][] names = new byte[constants.length][];
            for (Enum<?> c : constants) {
                names[c.ordinal()] = c.name().getBytes(StandardCharsets.US_ASCII);
            }
            return names;
        }

        /** Fills {@link #cents}; its loops are kept out of {@link #row} so that it has none (see above). */
        private void round(int i) {
            unrounded[0] = e.core(i);
            unrounded[1] = e.bonus(i);
            unrounded[2] = e.deduction(i);
            for (int j = 0; j < indicators; j++) {
                unrounded[3 + j] = e.points(i, j);
            }
            for (int m = 0; m < cents.length; m++) {
                double v = unrounded[m];
                cents[m] = v == 0 ? 0 : Rounding.cents(v); // most points are 0: skip the rounding arithmetic
            }
        }
    }

    /** Whether a field holding character {@code c} must be quoted (RFC 4180); all such characters are ASCII. */
    static boolean needsQuotes(int c) {
        return c == ',' || c == '"' || c == '\n' || c == '\r';
    }

    /** RFC 4180: quote a field that holds a comma, quote or line break; double inner quotes. */
    static void appendText(StringBuilder sb, String text) {
        boolean quote = false;
        for (int k = 0; k < text.length() && !quote; k++) {
            quote = needsQuotes(text.charAt(k));
        }
        if (!quote) {
            sb.append(text);
            return;
        }
        sb.append('"');
        for (int k = 0; k < text.length(); k++) {
            char c = text.charAt(k);
            if (c == '"') {
                sb.append('"');
            }
            sb.append(c);
        }
        sb.append('"');
    }
}
