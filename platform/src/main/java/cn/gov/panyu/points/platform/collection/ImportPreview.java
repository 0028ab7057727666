package cn.gov.panyu.points.platform.collection;

import java.util.List;

/**
 * What a department file would load: the row-level violations (row, column, value, rule in Chinese)
 * and the counts. Nothing is written while previewing.
 *
 * @param rowsTotal      the non-blank data rows below the header
 * @param rowsValid      rows without any violation (what "仅导入有效行" would load)
 * @param violations     the violations in row order, at most {@link DepartmentFile#MAX_LISTED} (the download)
 * @param violationCount all violations, also those beyond the list
 * @param groups         every violation counted by column and kind of rule, most frequent first, each with its
 *                       first rows (what the report page shows)
 * @param alreadyImported the id of an earlier import of the very same file (same source, year and
 *                       SHA-256) that is still loaded, else null
 * @param fileProblem    a problem of the whole file (wrong template, empty, unreadable, too large) — then
 *                       no row can load at all; null otherwise
 */
public record ImportPreview(DataSource source, int year, String fileName, String sha256, int rowsTotal,
                            int rowsValid, List<RowViolation> violations, int violationCount, List<RuleGroup> groups,
                            Long alreadyImported, String fileProblem) {

    public ImportPreview {
        violations = List.copyOf(violations);
        groups = List.copyOf(groups);
    }

    /** Whether the download lacks some violations (only counted). */
    public boolean violationsTruncated() {
        return violationCount > violations.size();
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

    /**
     * One kind of problem: a column and a rule, how often it was broken and the first rows that break it.
     *
     * @param rule the rule with what differs from row to row left out (see {@link #kind})
     */
    public record RuleGroup(String column, String rule, int count, List<RowViolation> first) {

        private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("「[^」]*」");
        private static final java.util.regex.Pattern LIMIT_VALUE = java.util.regex.Pattern.compile("为 -?[0-9][0-9,.]*");

        public RuleGroup {
            first = List.copyOf(first);
        }

        /**
         * The rule without the parts that quote the row: the offending member in 「…」 and the limit's value of a
         * cross-field rule ("不得大于职工总数（职工总数为 35）"), so that one rule is one group however many
         * different values break it. Each row's full text stays in the download.
         */
        static String kind(String rule) {
            return LIMIT_VALUE.matcher(QUOTED.matcher(rule).replaceAll("「…」")).replaceAll("为 …");
        }
    }
}
