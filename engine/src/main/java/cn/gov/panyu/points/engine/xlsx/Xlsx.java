package cn.gov.panyu.points.engine.xlsx;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

import org.dhatim.fastexcel.Workbook;

/**
 * Writes a fastexcel workbook whose sheets declare the range of cells they hold.
 *
 * <p>fastexcel streams each sheet and so writes {@code <dimension ref="A1"/>} before it knows how many
 * rows follow. Excel and WPS ignore that, but streaming readers (pandas/openpyxl in read-only mode,
 * excel-streaming-reader and the tools built on them) trust it and see one cell of the sheet. The workbook
 * is therefore written to a temporary file first, each sheet's cells are measured, and the file is copied
 * to {@code out} with the true dimension. Both passes stream, so a million-row sheet needs no more memory
 * than fastexcel itself.
 */
public final class Xlsx {

    private static final Pattern SHEET = Pattern.compile("xl/worksheets/sheet\\d+\\.xml");
    private static final byte[] PLACEHOLDER = "<dimension ref=\"A1\"/>".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CELL = "<c r=\"".getBytes(StandardCharsets.US_ASCII);
    /** fastexcel writes the dimension within the sheet's first few hundred bytes. */
    private static final int HEAD = 8192;

    /** What goes into the workbook; {@link Workbook#finish()} is called afterwards, not by the content. */
    @FunctionalInterface
    public interface Content {
        void write(Workbook workbook) throws IOException;
    }

    private Xlsx() {
    }

    public static void write(OutputStream out, String application, Content content) throws IOException {
        Path draft = Files.createTempFile("points-", ".xlsx");
        try {
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(draft))) {
                Workbook workbook = new Workbook(file, application, "1.0");
                content.write(workbook);
                workbook.finish();
            }
            copyWithDimensions(draft, out);
        } finally {
            Files.deleteIfExists(draft);
        }
    }

    private static void copyWithDimensions(Path draft, OutputStream out) throws IOException {
        try (ZipFile zip = new ZipFile(draft.toFile())) {
            Map<String, String> dimensions = new HashMap<>();
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (SHEET.matcher(entry.getName()).matches()) {
                    try (InputStream in = zip.getInputStream(entry)) {
                        dimensions.put(entry.getName(), measure(in).ref());
                    }
                }
            }
            ZipOutputStream copy = new ZipOutputStream(out);
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                copy.putNextEntry(new ZipEntry(entry.getName()));
                try (InputStream in = zip.getInputStream(entry)) {
                    String ref = dimensions.get(entry.getName());
                    if (ref != null) {
                        copy.write(withDimension(in.readNBytes(HEAD), ref));
                    }
                    in.transferTo(copy);
                }
                copy.closeEntry();
            }
            copy.finish(); // the caller owns out (a response body, a file) and closes it
        }
    }

    private static byte[] withDimension(byte[] head, String ref) {
        int at = indexOf(head, PLACEHOLDER, 0);
        if (at < 0) {
            return head; // a fastexcel that writes the dimension right needs nothing
        }
        byte[] dimension = ("<dimension ref=\"" + ref + "\"/>").getBytes(StandardCharsets.US_ASCII);
        byte[] result = Arrays.copyOf(head, head.length - PLACEHOLDER.length + dimension.length);
        System.arraycopy(dimension, 0, result, at, dimension.length);
        System.arraycopy(head, at + PLACEHOLDER.length, result, at + dimension.length, head.length - at - PLACEHOLDER.length);
        return result;
    }

    private static int indexOf(byte[] data, byte[] pattern, int from) {
        outer:
        for (int i = from; i <= data.length - pattern.length; i++) {
            for (int j = 0; j < pattern.length; j++) {
                if (data[i + j] != pattern[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    /**
     * The range of the cells of a sheet's XML, read from each cell's reference ({@code <c r="AB12"}). Cell
     * text is XML-escaped, so {@code <c r="} occurs only where a cell starts.
     */
    static Range measure(InputStream sheet) throws IOException {
        Range range = new Range();
        byte[] buffer = new byte[1 << 16];
        int matched = 0; // bytes of CELL matched so far, carried across buffers
        int column = 0;
        int row = 0;
        boolean inRef = false;
        for (int n; (n = sheet.read(buffer)) > 0; ) {
            for (int i = 0; i < n; i++) {
                byte b = buffer[i];
                if (inRef) {
                    if (b >= 'A' && b <= 'Z') {
                        column = column * 26 + (b - 'A' + 1);
                    } else if (b >= '0' && b <= '9') {
                        row = row * 10 + (b - '0');
                    } else {
                        range.add(column, row);
                        inRef = false;
                    }
                } else if (b == CELL[matched]) {
                    if (++matched == CELL.length) {
                        matched = 0;
                        inRef = true;
                        column = 0;
                        row = 0;
                    }
                } else {
                    matched = b == CELL[0] ? 1 : 0;
                }
            }
        }
        return range;
    }

    /** The smallest rectangle around the cells seen; columns and rows count from 1. */
    static final class Range {
        private int firstColumn = Integer.MAX_VALUE;
        private int firstRow = Integer.MAX_VALUE;
        private int lastColumn;
        private int lastRow;

        void add(int column, int row) {
            firstColumn = Math.min(firstColumn, column);
            firstRow = Math.min(firstRow, row);
            lastColumn = Math.max(lastColumn, column);
            lastRow = Math.max(lastRow, row);
        }

        /** {@code A1:K5001}; {@code A1} for a single cell or an empty sheet, as Excel writes them. */
        String ref() {
            if (lastRow == 0) {
                return "A1";
            }
            String first = column(firstColumn) + firstRow;
            String last = column(lastColumn) + lastRow;
            return first.equals(last) ? first : first + ":" + last;
        }

        private static String column(int number) {
            StringBuilder letters = new StringBuilder();
            for (int n = number; n > 0; n = (n - 1) / 26) {
                letters.insert(0, (char) ('A' + (n - 1) % 26));
            }
            return letters.toString();
        }
    }
}
