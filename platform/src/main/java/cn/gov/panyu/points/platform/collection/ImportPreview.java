package cn.gov.panyu.points.platform.collection;

import java.util.List;

/**
 * What a department file would load: the row-level violations (row, column, value, rule in Chinese)
 * and the counts. Nothing is written while previewing.
 *
 * @param rowsTotal      the non-blank data rows below the header
 * @param rowsValid      rows without any violation (what "仅导入有效行" would load)
 * @param alreadyImported the id of an earlier import of the very same file (same source, year and
 *                       SHA-256) that is still loaded, else null
 * @param fileProblem    a problem of the whole file (wrong template, empty, unreadable, too large) — then
 *                       no row can load at all; null otherwise
 */
public record ImportPreview(DataSource source, int year, String fileName, String sha256, int rowsTotal,
                            int rowsValid, List<RowViolation> violations, boolean violationsTruncated,
                            Long alreadyImported, String fileProblem) {

    public ImportPreview {
        violations = List.copyOf(violations);
    }

    public int rowsRejected() {
        return rowsTotal - rowsValid;
    }

    /** True when the file can be loaded as a whole. */
    public boolean valid() {
        return fileProblem == null && violations.isEmpty();
    }

    /** True when "仅导入有效行" would load something. */
    public boolean partiallyLoadable() {
        return fileProblem == null && rowsValid > 0;
    }

    /**
     * One broken rule.
     *
     * @param row    spreadsheet row (header = 1); 0 for the file as a whole
     * @param column the column's Chinese header, or the column letter when the header is unknown
     * @param value  the cell text, or null
     * @param rule   the rule, in Chinese
     */
    public record RowViolation(int row, String column, String value, String rule) {
    }
}
