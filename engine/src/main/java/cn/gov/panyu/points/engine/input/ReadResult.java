package cn.gov.panyu.points.engine.input;

import java.util.List;

/**
 * What a reader found in one file.
 *
 * @param records    the records of the rows without any violation, in file order — a platform may load
 *                   only these, but must then say that it did (scoring-spec §1)
 * @param violations every broken rule in row order, at most {@value RecordReader#MAX_LISTED_VIOLATIONS}
 *                   of them; when there were more, the last entry (row 0) says how many were left out
 * @param dataRows   the non-blank rows below the header
 * @param sha256     hex SHA-256 of the file's bytes, recorded with results for reproducibility
 *                   (empty when the file could not be read)
 * @param encoding   how the file was decoded: {@code UTF-8}, {@code UTF-8 (BOM)}, {@code GB18030} or
 *                   {@code XLSX}
 */
public record ReadResult(List<EnterpriseRecord> records, List<Violation> violations, int dataRows,
                         String sha256, String encoding) {

    public ReadResult {
        records = List.copyOf(records);
        violations = List.copyOf(violations);
    }

    /** True when the file broke no rule: every data row became a record. */
    public boolean valid() {
        return violations.isEmpty();
    }
}
