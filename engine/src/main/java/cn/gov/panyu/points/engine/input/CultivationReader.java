package cn.gov.panyu.points.engine.input;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the pre-assessment's optional columns ({@link CultivationField}) of an input file whose scoring
 * columns {@link RecordReader} reads (with {@link ReadRules#withCultivationColumns()}, which makes it skip
 * these). A second pass over the same bytes with the generic {@link TableReader} keeps the record
 * readers' fast path untouched, and the values obey the same {@link FieldRules} as every other column.
 * The cross-field rules tie the new counts to the scoring input: S&T staff ≤ employees, IP tied to the
 * main products ≤ all valid IP of that class.
 */
public final class CultivationReader {

    /** The cross-field rules of the pre-assessment's columns. */
    private static final Map<CultivationField, InputField> LIMITS = new EnumMap<>(Map.of(
            CultivationField.ST_STAFF, InputField.EMPLOYEES,
            CultivationField.MAIN_IP_CLASS1, InputField.IP_CLASS1,
            CultivationField.MAIN_IP_CLASS2, InputField.IP_CLASS2));

    private CultivationReader() {
    }

    /**
     * The values read, by data row in file order (blank rows skipped, as {@link RecordReader} does), and
     * every broken rule.
     *
     * @param usccs  the USCC text of each data row, to tie rows to the records read by RecordReader
     * @param values per data row, the values indexed by {@link CultivationField#ordinal()}; NaN = missing
     */
    public record Result(List<String> usccs, List<double[]> values, List<Violation> violations) {

        public boolean valid() {
            return violations.isEmpty();
        }
    }

    public static Result read(byte[] content) {
        TableReader.Table table = TableReader.read(content, ProgressListener.NONE);
        List<Violation> violations = new ArrayList<>();
        if (table.problemZh() != null) {
            // RecordReader reports the same file-level problem; nothing more to say here
            return new Result(List.of(), List.of(), List.of(new Violation(0, "", null, table.problemZh(), table.problemEn())));
        }
        CultivationField[] fields = new CultivationField[table.header().size()];
        Map<CultivationField, Integer> seen = new EnumMap<>(CultivationField.class);
        Map<InputField, Integer> inputs = new EnumMap<>(InputField.class);
        for (int col = 0; col < fields.length; col++) {
            String text = table.header().get(col);
            CultivationField f = CultivationField.forHeader(text);
            if (f == null) {
                InputField input = InputField.forHeader(text);
                if (input != null) {
                    inputs.putIfAbsent(input, col);
                }
            } else if (seen.containsKey(f)) {
                String first = RowAssembler.columnName(seen.get(f));
                violations.add(new Violation(table.headerRow(), RowAssembler.columnName(col), text.strip(),
                        "与第 " + first + " 列重复（都表示 " + f.display() + "）",
                        "repeats column " + first + " (both are " + f.key() + ")"));
            } else {
                seen.put(f, col);
                fields[col] = f;
            }
        }
        List<String> usccs = new ArrayList<>(table.rows().size());
        List<double[]> values = new ArrayList<>(table.rows().size());
        Integer usccColumn = inputs.get(InputField.USCC);
        for (TableReader.TableRow row : table.rows()) {
            double[] v = new double[CultivationField.values().length];
            Arrays.fill(v, Double.NaN);
            for (int col = 0; col < fields.length; col++) {
                CultivationField f = fields[col];
                if (f == null) {
                    continue;
                }
                String cell = row.cell(col);
                if (row.problem(col) != null) {
                    violations.add(new Violation(row.number(), f.key(), cell, row.problem(col), "the cell cannot be read"));
                    continue;
                }
                FieldRules.Verdict<Double> verdict = FieldRules.number(f, cell);
                if (verdict.refused()) {
                    violations.add(new Violation(row.number(), f.key(), cell.strip(), verdict.problem().zh(),
                            verdict.problem().en()));
                } else if (!verdict.missing()) {
                    v[f.ordinal()] = verdict.value();
                }
            }
            checkLimits(row, v, inputs, violations);
            usccs.add(usccColumn == null || row.cell(usccColumn) == null ? "" : row.cell(usccColumn).strip());
            values.add(v);
        }
        return new Result(usccs, values, violations);
    }

    private static void checkLimits(TableReader.TableRow row, double[] v, Map<InputField, Integer> inputs,
                                    List<Violation> violations) {
        for (Map.Entry<CultivationField, InputField> limit : LIMITS.entrySet()) {
            double value = v[limit.getKey().ordinal()];
            Integer col = inputs.get(limit.getValue());
            if (Double.isNaN(value) || col == null) {
                continue;
            }
            // a limit that is itself invalid is RecordReader's to report; it bounds nothing here
            FieldRules.Verdict<Double> max = FieldRules.number(limit.getValue(), row.cell(col));
            Problem p = max.value() == null ? null : FieldRules.notAbove(limit.getValue(), value, max.value());
            if (p != null) {
                violations.add(new Violation(row.number(), limit.getKey().key(), FieldRules.plain(value), p.zh(), p.en()));
            }
        }
    }
}
