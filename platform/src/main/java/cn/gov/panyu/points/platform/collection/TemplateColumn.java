package cn.gov.panyu.points.platform.collection;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One column of a department's import template: the registry columns (USCC, name, and for 市场监管 town,
 * industry, established) or a {@link RecordField} the department owns.
 *
 * @param key      the English key, also accepted as a header
 * @param label    the Chinese label
 * @param unit     shown in the header, e.g. 万元; empty for none
 * @param required a blank cell is a violation
 * @param field    the record field, or null for a registry column
 */
record TemplateColumn(String key, String label, String unit, boolean required, RecordField field) {

    static final String USCC = "uscc";
    static final String NAME = "name";
    static final String TOWN = "town";
    static final String INDUSTRY = "industry";
    static final String ESTABLISHED = "established";

    /** The columns of a source's template, in order: uscc and name first, then the source's own. */
    static List<TemplateColumn> of(DataSource source) {
        List<TemplateColumn> columns = new ArrayList<>();
        columns.add(new TemplateColumn(USCC, "统一社会信用代码", "", true, null));
        columns.add(new TemplateColumn(NAME, "企业名称", "", source == DataSource.MARKET, null));
        if (source == DataSource.MARKET) {
            columns.add(new TemplateColumn(TOWN, "所属镇街", "", true, null));
            columns.add(new TemplateColumn(INDUSTRY, "行业代码", "", true, null));
            columns.add(new TemplateColumn(ESTABLISHED, "成立日期", "yyyy-MM-dd", true, null));
        }
        for (RecordField f : RecordField.of(source.fields())) {
            boolean required = f.input() != null && f.input().required();
            columns.add(new TemplateColumn(f.column(), f.label(), f.unit(), required, f));
        }
        return columns;
    }

    /** The header the template writes: "*研发费用(万元)". */
    String header() {
        return (required ? "*" : "") + label + (unit.isEmpty() ? "" : "(" + unit + ")");
    }

    /** True when a header cell names this column: its key or its label, with or without mark and unit. */
    boolean matches(String headerCell) {
        String h = normalize(headerCell);
        return h.equals(key) || h.equals(normalize(label));
    }

    /**
     * A header cell without blanks, required marks and a trailing unit in brackets, lower case — so
     * that "＊研发费用（万元）", "研发费用" and "rd_expense" all name the same column.
     */
    static String normalize(String header) {
        String h = header == null ? "" : header.replace('\uFEFF', ' ').replace('（', '(').replace('）', ')')
                .replace('＊', '*').replaceAll("\\s+", "");
        h = h.replaceAll("^\\*+|\\*+$", "");
        h = h.replaceFirst("\\([^()]*\\)$", "");
        return h.replaceAll("^\\*+|\\*+$", "").toLowerCase(Locale.ROOT);
    }
}
