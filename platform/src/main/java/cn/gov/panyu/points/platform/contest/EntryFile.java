package cn.gov.panyu.points.platform.contest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.Problem;
import cn.gov.panyu.points.engine.input.TableReader;

/**
 * An entries file (参赛项目导入) checked row by row, before anything is stored: every invalid cell and every
 * duplicate — a USCC or a project named twice in the file, or already imported into the contest — is a
 * problem with its row and column. The file is loaded only when it has none (all or nothing); whether an
 * entry matches the registry is not a problem of the file ({@link EntryMatcher}).
 */
final class EntryFile {

    /** The columns of the template, in its order: key, Chinese header. */
    enum Column {
        PROJECT("project", "项目名称"), TEAM("team", "团队名称"), CONTACT("contact", "联系人"),
        USCC("uscc", "统一社会信用代码"), ENTERPRISE("enterprise_name", "企业名称"), GROUP("group", "参赛组别");

        private final String key;
        private final String header;

        Column(String key, String header) {
            this.key = key;
            this.header = header;
        }

        String header() {
            return header;
        }

        static Column of(String header) {
            String h = header == null ? "" : header.strip().replace("*", "");
            for (Column c : values()) {
                if (c.header.equals(h) || c.key.equals(h.toLowerCase(Locale.ROOT))) {
                    return c;
                }
            }
            return null;
        }
    }

    /** A row that passed every check. */
    record Row(int row, String project, String team, String contact, String uscc, String enterpriseName,
               String group) {
    }

    record Checked(List<Row> rows, List<ImportReport.Problem> problems) {
    }

    /** What the contest already holds: project → its row, USCC → its row, both of the earlier import. */
    record Existing(List<String> groups, Map<String, Integer> projects, Map<String, Integer> usccs) {
    }

    private EntryFile() {
    }

    static Checked check(byte[] content, Existing existing) {
        TableReader.Table table = TableReader.read(content, null);
        List<ImportReport.Problem> problems = new ArrayList<>();
        if (table.problemZh() != null) {
            problems.add(new ImportReport.Problem(0, "", "", table.problemZh()));
            return new Checked(List.of(), problems);
        }
        Map<Column, Integer> at = new HashMap<>();
        for (int i = 0; i < table.header().size(); i++) {
            Column c = Column.of(table.header().get(i));
            if (c != null) {
                at.putIfAbsent(c, i);
            } else if (!table.header().get(i).isBlank()) {
                problems.add(new ImportReport.Problem(table.headerRow(), table.header().get(i), "", "不认识的列，请使用模板的列名"));
            }
        }
        for (Column c : Column.values()) {
            if (!at.containsKey(c)) {
                problems.add(new ImportReport.Problem(table.headerRow(), c.header(), "", "缺少此列，请使用模板"));
            }
        }
        if (!problems.isEmpty()) {
            return new Checked(List.of(), problems);
        }
        if (table.rows().isEmpty()) {
            problems.add(new ImportReport.Problem(0, "", "", "文件中没有参赛项目"));
        }
        List<Row> rows = new ArrayList<>();
        Map<String, Integer> projectRows = new HashMap<>();
        Map<String, Integer> usccRows = new HashMap<>();
        for (TableReader.TableRow r : table.rows()) {
            int before = problems.size();
            String project = text(r, at.get(Column.PROJECT), Column.PROJECT, 200, true, problems);
            String team = text(r, at.get(Column.TEAM), Column.TEAM, 200, true, problems);
            String contact = text(r, at.get(Column.CONTACT), Column.CONTACT, 100, true, problems);
            String name = text(r, at.get(Column.ENTERPRISE), Column.ENTERPRISE, 200, false, problems);
            String group = text(r, at.get(Column.GROUP), Column.GROUP, 50, true, problems);
            String uscc = text(r, at.get(Column.USCC), Column.USCC, 18, false, problems);
            if (uscc != null) {
                uscc = uscc.toUpperCase(Locale.ROOT);
                Problem p = FieldRules.uscc(uscc);
                if (p != null) {
                    problems.add(new ImportReport.Problem(r.number(), Column.USCC.header(), uscc, p.zh()));
                }
            }
            if (uscc == null && name == null && problems.size() == before) {
                problems.add(new ImportReport.Problem(r.number(), Column.USCC.header(), "", "请填写统一社会信用代码或企业名称"));
            }
            if (group != null && !existing.groups().contains(group)) {
                problems.add(new ImportReport.Problem(r.number(), Column.GROUP.header(), group,
                        "不是本大赛的组别，应为：" + String.join("、", existing.groups())));
            }
            duplicate(r.number(), Column.PROJECT, project, projectRows, existing.projects(), problems);
            duplicate(r.number(), Column.USCC, uscc, usccRows, existing.usccs(), problems);
            if (problems.size() == before) {
                rows.add(new Row(r.number(), project, team, contact, uscc, name, group));
            }
        }
        return new Checked(problems.isEmpty() ? rows : List.of(), problems);
    }

    private static String text(TableReader.TableRow r, int col, Column column, int max, boolean required,
                               List<ImportReport.Problem> problems) {
        if (r.problem(col) != null) {
            problems.add(new ImportReport.Problem(r.number(), column.header(), "", r.problem(col)));
            return null;
        }
        String v = r.cell(col) == null ? null : r.cell(col).strip();
        if (v == null || v.isEmpty()) {
            if (required) {
                problems.add(new ImportReport.Problem(r.number(), column.header(), "", "必填"));
            }
            return null;
        }
        if (v.length() > max) {
            problems.add(new ImportReport.Problem(r.number(), column.header(), v, "不超过" + max + "个字符"));
            return null;
        }
        return v;
    }

    private static void duplicate(int row, Column column, String value, Map<String, Integer> inFile,
                                  Map<String, Integer> imported, List<ImportReport.Problem> problems) {
        if (value == null) {
            return;
        }
        Integer earlier = inFile.putIfAbsent(value, row);
        if (earlier != null) {
            problems.add(new ImportReport.Problem(row, column.header(), value, "与第 " + earlier + " 行重复"));
        } else if (imported.containsKey(value)) {
            problems.add(new ImportReport.Problem(row, column.header(), value,
                    "本大赛已导入（原文件第 " + imported.get(value) + " 行），不重复导入"));
        }
    }
}
