package cn.gov.panyu.points.engine.input;

import java.util.List;

/**
 * What a reader found in one file.
 *
 * <p>{@link #records()} holds the rows without any violation, in file order — a platform may load only
 * these, but must then say that it did (scoring-spec §1). They are kept by column ({@link #columns()});
 * the list materialises a record per access, which bulk callers avoid by scoring the columns directly.
 *
 * <p>{@link #violations()} lists every broken rule in row order, at most
 * {@value RecordReader#MAX_LISTED_VIOLATIONS} of them; when there were more, the last entry (row 0) says
 * how many were left out. {@link #dataRows()} counts the non-blank rows below the header;
 * {@link #sha256()} is the hex SHA-256 of the file's bytes, recorded with results for reproducibility
 * (empty when the file could not be read); {@link #encoding()} says how the file was decoded:
 * {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030} or {@code XLSX}.
 */
public final class ReadResult {

    private final RecordColumns columns;
    private final List<Violation> violations;
    private final int dataRows;
    private final String sha256;
    private final String encoding;

    public ReadResult(RecordColumns columns, List<Violation> violations, int dataRows, String sha256,
                      String encoding) {
        this.columns = columns;
        this.violations = List.copyOf(violations);
        this.dataRows = dataRows;
        this.sha256 = sha256;
        this.encoding = encoding;
    }

    public ReadResult(List<EnterpriseRecord> records, List<Violation> violations, int dataRows, String sha256,
                      String encoding) {
        this(RecordColumns.of(records), violations, dataRows, sha256, encoding);
    }

    public RecordColumns columns() {
        return columns;
    }

    public List<EnterpriseRecord> records() {
        return columns.asRecords();
    }

    public List<Violation> violations() {
        return violations;
    }

    public int dataRows() {
        return dataRows;
    }

    public String sha256() {
        return sha256;
    }

    public String encoding() {
        return encoding;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ReadResult r && dataRows == r.dataRows && sha256.equals(r.sha256)
                && encoding.equals(r.encoding) && violations.equals(r.violations) && records().equals(r.records());
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(dataRows, sha256, encoding, violations, columns.size());
    }

    @Override
    public String toString() {
        return "ReadResult[" + columns.size() + " records, " + violations.size() + " violations, " + dataRows
                + " data rows, " + encoding + ", sha256 " + sha256 + "]";
    }

    /** True when the file broke no rule: every data row became a record. */
    public boolean valid() {
        return violations.isEmpty();
    }
}
