package cn.gov.panyu.points.engine.input;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Iterator;
import java.util.stream.Stream;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.ReadingOptions;
import org.dhatim.fastexcel.reader.Row;

/**
 * The first sheet of an XLSX workbook, row by row, as the XLSX library parses it: the one place where
 * {@link XlsxReader} and {@link TableReader} let the library touch the file.
 *
 * <p>Only the library reads the file's bytes, so whatever it throws while opening, reading or closing
 * the workbook — its format exception, an I/O error, or an unchecked exception from deep inside a
 * damaged part (an unknown cell type is an {@link IllegalStateException} there) — means that the file
 * is not a readable workbook, and comes out as {@link Unreadable}. The callers' own code runs between
 * these calls and is deliberately not covered: a bug there must propagate, not be shown to a user as a
 * broken file. Errors (out of memory …) are never caught.
 */
final class XlsxSheet implements AutoCloseable {

    /** The file cannot be read as a workbook; {@link #problem()} says so to the user. */
    static final class Unreadable extends Exception {

        private static final long serialVersionUID = 1L;

        private Unreadable(Exception cause) {
            super(cause.getMessage() != null ? cause.getMessage() : cause.toString(), cause);
        }

        /**
         * In Chinese for the user without the library's technical detail (which can name its classes);
         * the English wording, read in logs and by the command line's English mode, keeps it.
         */
        Problem problem() {
            return new Problem("这不是有效的 Excel 文件：文件已损坏，或不是 Excel 工作簿。请在 Excel 中打开并另存为 .xlsx 后重新上传",
                    "cannot read the Excel file: " + getMessage());
        }
    }

    private final ReadableWorkbook workbook;
    private final Stream<Row> stream;
    private final Iterator<Row> rows;
    private final boolean date1904;

    private XlsxSheet(ReadableWorkbook workbook, Stream<Row> stream, boolean date1904) {
        this.workbook = workbook;
        this.stream = stream;
        this.rows = stream.iterator();
        this.date1904 = date1904;
    }

    /** Opens the workbook's first sheet; the caller has checked the zip with {@link ZipGuard}. */
    static XlsxSheet open(byte[] content) throws Unreadable {
        ReadableWorkbook workbook = null;
        try {
            workbook = new ReadableWorkbook(new ByteArrayInputStream(content), new ReadingOptions(false, true));
            return new XlsxSheet(workbook, workbook.getFirstSheet().openStream(), workbook.isDate1904());
        } catch (IOException | RuntimeException e) {
            Unreadable unreadable = new Unreadable(e);
            if (workbook != null) {
                try {
                    workbook.close();
                } catch (IOException | RuntimeException suppressed) {
                    unreadable.addSuppressed(suppressed);
                }
            }
            throw unreadable;
        }
    }

    /** The workbook counts dates from 1904 (old Mac Excel) rather than 1900. */
    boolean date1904() {
        return date1904;
    }

    /** The next row that has cells, or null after the last one. */
    Row next() throws Unreadable {
        try {
            return rows.hasNext() ? rows.next() : null;
        } catch (RuntimeException e) {
            throw new Unreadable(e);
        }
    }

    @Override
    public void close() throws Unreadable {
        try (workbook) {
            stream.close();
        } catch (IOException | RuntimeException e) {
            throw new Unreadable(e);
        }
    }
}
