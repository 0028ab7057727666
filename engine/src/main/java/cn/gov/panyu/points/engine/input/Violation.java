package cn.gov.panyu.points.engine.input;

/**
 * One broken rule of an input file, located the way the user sees the file in Excel.
 *
 * @param row    the header is row 1, the first data row row 2; 0 means the file as a whole
 * @param column the field key (e.g. {@code rd_staff}) when the column is known, else the spreadsheet
 *               column letter (e.g. {@code AB}); empty for problems of the whole file
 * @param value  the cell's text as found; {@code null} when there is no cell to show (a missing column)
 * @param ruleZh the rule, in Chinese
 * @param ruleEn the rule, in English
 */
public record Violation(int row, String column, String value, String ruleZh, String ruleEn) {

    public Violation {
        column = column == null ? "" : column;
    }

    /** e.g. {@code 第 12 行，列「研发人员数(rd_staff)」，值「35」：不得大于职工总数(employees)}. */
    public String toChinese() {
        StringBuilder sb = new StringBuilder(row > 0 ? "第 " + row + " 行" : "文件");
        if (!column.isEmpty()) {
            sb.append("，列「").append(displayed(column)).append('」');
        }
        if (value != null) {
            sb.append("，值「").append(value).append('」');
        }
        return sb.append('：').append(ruleZh).toString();
    }

    /** A field key as its label and key; a column letter as it is. */
    private static String displayed(String column) {
        InputField field = InputField.forHeader(column);
        if (field != null && field.key().equals(column)) {
            return field.display();
        }
        CultivationField extra = CultivationField.forHeader(column);
        return extra != null && extra.key().equals(column) ? extra.display() : column;
    }

    /** e.g. {@code row 12, column rd_staff, value "35": must not exceed employees}. */
    public String toEnglish() {
        StringBuilder sb = new StringBuilder(row > 0 ? "row " + row : "file");
        if (!column.isEmpty()) {
            sb.append(", column ").append(column);
        }
        if (value != null) {
            sb.append(", value \"").append(value).append('"');
        }
        return sb.append(": ").append(ruleEn).toString();
    }

    @Override
    public String toString() {
        return toEnglish();
    }
}
