package cn.gov.panyu.points.engine.input;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * Checks an XLSX (a zip) before any XML parser sees it, so that an upload cannot exhaust memory or CPU:
 * a few kilobytes can inflate to gigabytes ("zip bomb"), and entries can overlap so that one compressed
 * kernel is inflated many times over.
 *
 * <p>The check follows the central directory — the view the XLSX library uses — and inflates every
 * entry, counting the bytes actually produced: the sizes a zip declares may lie. Costs one extra
 * inflation of the file, acceptable for XLSX (CSV is the fast path for very large inputs).
 */
final class ZipGuard {

    private static final int MAX_ENTRIES = 10_000;
    /** Worksheets stream through the parser; 1,048,576 rows of 27 cells are about 1.3 GB of XML. */
    private static final long MAX_SHEET_BYTES = 2L << 30;
    /** Other parts — shared strings above all — are held in memory by the parser. */
    private static final long MAX_OTHER_BYTES = 256L << 20;
    private static final long MAX_TOTAL_BYTES = 4L << 30;
    /** Real sheets compress 5–50×; DEFLATE's maximum is ~1032×. */
    private static final long MAX_RATIO = 200;
    private static final long RATIO_FLOOR = 1L << 20;

    private static final int EOCD_SIGNATURE = 0x06054b50;
    private static final int CENTRAL_SIGNATURE = 0x02014b50;
    private static final int LOCAL_SIGNATURE = 0x04034b50;

    private ZipGuard() {
    }

    /** {@code null} when the zip is safe to parse, else why not. */
    static Problem check(byte[] zip) {
        try {
            return inspect(zip);
        } catch (ArrayIndexOutOfBoundsException | DataFormatException e) {
            return corrupt();
        }
    }

    private static Problem inspect(byte[] zip) throws DataFormatException {
        int eocd = findEndOfCentralDirectory(zip);
        if (eocd < 0) {
            return corrupt();
        }
        int entries = u16(zip, eocd + 10);
        long directory = u32(zip, eocd + 16);
        if (entries == 0xFFFF || directory == 0xFFFFFFFFL) {
            return tooLarge(); // ZIP64: only needed beyond 4 GB, far beyond any sheet we accept
        }
        if (entries > MAX_ENTRIES) {
            return new Problem("压缩包内文件过多，不是正常的 Excel 文件", "too many entries for an Excel file");
        }
        long[] spans = new long[entries * 2]; // [local header offset, data end] per entry
        long total = 0;
        byte[] sink = new byte[1 << 16];
        int p = (int) directory;
        for (int i = 0; i < entries; i++) {
            if (u32(zip, p) != CENTRAL_SIGNATURE) {
                return corrupt();
            }
            int method = u16(zip, p + 10);
            long compressed = u32(zip, p + 20);
            int nameLength = u16(zip, p + 28);
            int extraLength = u16(zip, p + 30);
            int commentLength = u16(zip, p + 32);
            long local = u32(zip, p + 42);
            String name = new String(zip, p + 46, nameLength, StandardCharsets.UTF_8);
            if (compressed == 0xFFFFFFFFL || local == 0xFFFFFFFFL) {
                return tooLarge();
            }
            if (local + 30 > zip.length || u32(zip, (int) local) != LOCAL_SIGNATURE) {
                return corrupt();
            }
            long data = local + 30 + u16(zip, (int) local + 26) + u16(zip, (int) local + 28);
            if (data + compressed > zip.length) {
                return corrupt();
            }
            spans[2 * i] = local;
            spans[2 * i + 1] = data + compressed;
            long limit = name.startsWith("xl/worksheets/") ? MAX_SHEET_BYTES : MAX_OTHER_BYTES;
            long size = inflatedSize(zip, (int) data, (int) compressed, method, Math.min(limit, MAX_TOTAL_BYTES - total), sink);
            if (size < 0) {
                return size == -2 ? corrupt() : bomb();
            }
            total += size;
            p += 46 + nameLength + extraLength + commentLength;
        }
        return overlapping(spans) ? bomb() : null;
    }

    /** Bytes the entry inflates to; -1 when over {@code limit} or the ratio cap, -2 for an unknown method. */
    private static long inflatedSize(byte[] zip, int data, int compressed, int method, long limit, byte[] sink)
            throws DataFormatException {
        if (method == 0) {
            return compressed <= limit ? compressed : -1;
        }
        if (method != 8) {
            return -2;
        }
        long ratioLimit = Math.max(RATIO_FLOOR, MAX_RATIO * compressed);
        Inflater inflater = new Inflater(true);
        try {
            inflater.setInput(zip, data, compressed);
            long out = 0;
            while (!inflater.finished()) {
                int n = inflater.inflate(sink);
                if (n == 0 && (inflater.needsInput() || inflater.needsDictionary())) {
                    break; // truncated stream: the XML parser will report it
                }
                out += n;
                if (out > limit || out > ratioLimit) {
                    return -1;
                }
            }
            return out;
        } finally {
            inflater.end();
        }
    }

    private static boolean overlapping(long[] spans) {
        int n = spans.length / 2;
        long[][] sorted = new long[n][];
        for (int i = 0; i < n; i++) {
            sorted[i] = new long[] {spans[2 * i], spans[2 * i + 1]};
        }
        Arrays.sort(sorted, (a, b) -> Long.compare(a[0], b[0]));
        for (int i = 1; i < n; i++) {
            if (sorted[i][0] < sorted[i - 1][1]) {
                return true;
            }
        }
        return false;
    }

    private static int findEndOfCentralDirectory(byte[] zip) {
        int lowest = Math.max(0, zip.length - 22 - 0xFFFF); // the record may be followed by a comment
        for (int i = zip.length - 22; i >= lowest; i--) {
            if (u32(zip, i) == EOCD_SIGNATURE) {
                return i;
            }
        }
        return -1;
    }

    private static int u16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static long u32(byte[] b, int i) {
        return (u16(b, i) | (long) u16(b, i + 2) << 16);
    }

    private static Problem corrupt() {
        return new Problem("这不是有效的 Excel 文件：压缩结构已损坏（文件可能不完整）。请在 Excel 中打开并另存为 .xlsx 后重新上传",
                "not a valid .xlsx file (broken zip structure)");
    }

    private static Problem tooLarge() {
        return new Problem("Excel 文件过大", "the Excel file is too large");
    }

    private static Problem bomb() {
        return new Problem("Excel 文件解压后异常庞大（疑似压缩炸弹），已拒绝读取",
                "the Excel file inflates to an abnormal size (suspected zip bomb) and was not read");
    }
}
