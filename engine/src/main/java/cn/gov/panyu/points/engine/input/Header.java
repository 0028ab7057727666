package cn.gov.panyu.points.engine.input;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Maps the header row to fields. A header must be understood completely or not at all: an unknown or
 * repeated column name, or a missing required column, means the wrong template was used, and reading
 * its rows anyway would load numbers into the wrong fields.
 */
final class Header {

    private Header() {
    }

    /**
     * @param cells the header cells' text by column index (blank cells are ignored columns)
     * @param row   the header's row number, for messages
     * @param rules whether the pre-assessment's columns ({@link CultivationField}) are expected; they are
     *              then ignored here, since {@link CultivationReader} reads them
     * @return the field of each column (null for ignored columns), or null when the header is broken —
     *         the violations are then in {@code sink}
     */
    static InputField[] resolve(List<String> cells, int row, ViolationSink sink, ReadRules rules) {
        InputField[] columns = new InputField[cells.size()];
        Map<InputField, Integer> seen = new EnumMap<>(InputField.class);
        boolean broken = false;
        for (int col = 0; col < cells.size(); col++) {
            String text = cells.get(col).strip();
            if (text.isEmpty()) {
                continue;
            }
            InputField f = InputField.forHeader(text);
            String column = RowAssembler.columnName(col);
            if (f == null && rules.cultivationColumns() && CultivationField.forHeader(text) != null) {
                continue;
            }
            if (f == null) {
                sink.add(new Violation(row, column, text,
                        "未知的列名（表头应为字段的中文名或英文键，见模板的填写说明）",
                        "unknown column name (headers must be a field's Chinese label or English key, see the template)"));
                broken = true;
            } else if (seen.containsKey(f)) {
                String first = RowAssembler.columnName(seen.get(f));
                sink.add(new Violation(row, column, text,
                        "与第 " + first + " 列重复（都表示 " + f.display() + "）",
                        "repeats column " + first + " (both are " + f.key() + ")"));
                broken = true;
            } else {
                seen.put(f, col);
                columns[col] = f;
            }
        }
        for (InputField f : InputField.values()) {
            if (f.required() && !seen.containsKey(f)) {
                sink.add(new Violation(row, f.key(), null, "缺少必填列", "required column is missing"));
                broken = true;
            }
        }
        return broken ? null : columns;
    }
}
