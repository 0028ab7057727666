package cn.gov.panyu.points.platform.collection;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Predicate;

import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.InputField.Kind;
import cn.gov.panyu.points.engine.input.Problem;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.platform.collection.ImportPreview.RowViolation;

/**
 * Validates a department file read by the engine's {@link TableReader} against the source's template:
 * first the header (a file that is not this source's template loads nothing — its numbers would land
 * in the wrong fields), then every cell, then USCC uniqueness and, for sources other than 市场监管, that
 * the enterprise is in the registry.
 *
 * <p>Every cell is judged by the engine's field rules ({@link FieldRules}, {@link SetCodes}) with their
 * messages, as the command line judges the same value. What is checked here besides are the platform's
 * own limits of storage and of who reports what: a name's column length, a count's integer column, the
 * negatives a department may report, the registry.
 */
final class DepartmentFile {

    /**
     * Violations kept for the downloadable report; beyond this only the counts are kept (a file with every
     * row wrong would otherwise hold a million of them in memory while the user decides).
     */
    static final int MAX_LISTED = 50_000;
    /** Rows shown per kind of problem on the report page; the rest are in the download. */
    static final int SHOWN_PER_GROUP = 5;

    /**
     * A storage limit, not a rule of the spec (whose counts are unbounded): counts go into INTEGER columns.
     * No real count comes near it; the engine's "out of range" is the message.
     */
    private static final double MAX_STORED_COUNT = Integer.MAX_VALUE;

    /** A valid row, ready to store. {@code values} follow {@link DataSource#fields()}. */
    record Row(int number, String uscc, String name, String town, String industry, LocalDate established,
               Object[] values) {
    }

    /**
     * @param rows        the valid rows
     * @param rowsTotal   all data rows
     * @param violations  the first {@link #MAX_LISTED} violations in row order
     * @param violationCount how many there were in all
     * @param groups      every violation counted by column and rule, most frequent first
     * @param fileProblem why nothing can load (wrong template, empty …), or null
     */
    record Result(List<Row> rows, int rowsTotal, List<RowViolation> violations, int violationCount,
                  List<ImportPreview.RuleGroup> groups, String fileProblem) {
    }

    private final DataSource source;
    private final ReadRules rules;
    private final Predicate<String> registered;
    private final List<TemplateColumn> template;

    /**
     * @param registered whether a USCC is in the registry (not asked for 市场监管 files, which create
     *                   the registry entries)
     */
    DepartmentFile(DataSource source, int year, Predicate<String> registered) {
        this.source = source;
        this.rules = ReadRules.panyu(year);
        this.registered = registered;
        this.template = TemplateColumn.of(source);
    }

    Result validate(TableReader.Table table) {
        if (table.problemZh() != null) {
            return fileProblem(table.problemZh());
        }
        TemplateColumn[] columns = new TemplateColumn[table.header().size()];
        String headerProblem = resolveHeader(table.header(), columns);
        if (headerProblem != null) {
            return fileProblem("文件与「" + source.label() + "」数据模板不符：" + headerProblem
                    + "。请下载「" + source.label() + "」模板，按模板的列填写后再上传");
        }
        if (table.rows().isEmpty()) {
            return fileProblem("没有数据行（只有表头）");
        }
        Violations violations = new Violations();
        List<Row> rows = new ArrayList<>(table.rows().size());
        Map<String, Integer> firstRow = new HashMap<>(table.rows().size() * 2);
        List<RecordField> fields = RecordField.of(source.fields());
        for (TableReader.TableRow r : table.rows()) {
            int before = violations.count;
            String uscc = null;
            String name = null;
            String town = null;
            String industry = null;
            LocalDate established = null;
            Object[] values = new Object[fields.size()];
            for (int col = 0; col < columns.length; col++) {
                TemplateColumn c = columns[col];
                if (c == null) {
                    continue;
                }
                String text = r.cell(col);
                String formatProblem = r.problem(col);
                if (formatProblem != null) {
                    violations.add(r.number(), c, text, formatProblem);
                    continue;
                }
                if (text == null) {
                    if (c.required()) {
                        violations.add(r.number(), c, null, FieldRules.REQUIRED);
                    }
                    continue;
                }
                switch (c.key()) {
                    case TemplateColumn.USCC -> {
                        Problem problem = FieldRules.uscc(text);
                        if (problem != null) {
                            violations.add(r.number(), c, text, problem);
                        } else {
                            uscc = text;
                        }
                    }
                    case TemplateColumn.NAME -> {
                        if (text.length() > 200) {
                            violations.add(r.number(), c, text.substring(0, 20) + "…", "企业名称不得超过 200 字");
                        } else {
                            name = text;
                        }
                    }
                    case TemplateColumn.TOWN -> {
                        Problem problem = FieldRules.town(text, rules);
                        if (problem != null) {
                            violations.add(r.number(), c, text, problem);
                        } else {
                            town = text;
                        }
                    }
                    case TemplateColumn.INDUSTRY -> {
                        Problem problem = FieldRules.industry(text);
                        if (problem != null) {
                            violations.add(r.number(), c, text, problem);
                        } else {
                            industry = text;
                        }
                    }
                    case TemplateColumn.ESTABLISHED -> {
                        // the table knows an Excel date cell (a serial day number); typed text is the rule's
                        LocalDate d = table.date(text);
                        Problem problem = d != null ? FieldRules.established(d, rules)
                                : FieldRules.established(text, rules).problem();
                        if (problem != null) {
                            violations.add(r.number(), c, text, problem);
                        } else {
                            established = d;
                        }
                    }
                    default -> {
                        int i = fields.indexOf(c.field());
                        Object v = value(c, text, r.number(), violations);
                        values[i] = v;
                    }
                }
            }
            if (uscc != null) {
                Integer first = firstRow.putIfAbsent(uscc, r.number());
                if (first != null) {
                    violations.add(r.number(), columns, TemplateColumn.USCC, uscc,
                            "统一社会信用代码重复，首次出现在第 " + first + " 行");
                } else if (source != DataSource.MARKET && !registered.test(uscc)) {
                    violations.add(r.number(), columns, TemplateColumn.USCC, uscc, "企业未在名录中，请先导入市场监管数据");
                }
            }
            if (violations.count == before) {
                rows.add(new Row(r.number(), uscc, name, town, industry, established, values));
            }
        }
        return new Result(rows, table.rows().size(), violations.listed, violations.count, violations.groups(), null);
    }

    /** The value to store, or null (after reporting the broken rule). */
    private Object value(TemplateColumn c, String text, int row, Violations violations) {
        RecordField f = c.field();
        if (f.kind() == Kind.SET) {
            return set(c, text, row, violations);
        }
        FieldRules.Verdict<Double> verdict = f.check(text);
        if (verdict.refused()) {
            violations.add(row, c, text, verdict.problem());
            return null;
        }
        double d = verdict.value();
        if (f.kind().amount()) {
            return d == 0 ? 0.0 : d; // a signed amount's -0 is 0 to a person
        }
        if (d > MAX_STORED_COUNT) {
            violations.add(row, c, text, FieldRules.TOO_LARGE);
            return null;
        }
        return (int) d;
    }

    /** The set in its stored form ("" is stored as null), or null after reporting the broken rule. */
    private String set(TemplateColumn c, String text, int row, Violations violations) {
        return set(c.field().codes(), c, text, row, violations);
    }

    private <E extends Enum<E>> String set(SetCodes<E> codes, TemplateColumn c, String text, int row,
                                           Violations violations) {
        FieldRules.Verdict<Set<E>> verdict = codes.check(text);
        if (verdict.refused()) {
            violations.add(row, c, text, verdict.problem());
            return null;
        }
        if (c.field() == RecordField.NEGATIVES && source.department()) {
            for (E negative : verdict.value()) {
                if (!source.negativeCodes().contains(negative.name())) {
                    violations.add(row, c, text, "负面情形「" + negative.name() + "」不由" + source.label()
                            + "报送，本模板只能填写：" + String.join("、", source.negativeCodes()));
                    return null;
                }
            }
        }
        String stored = codes.toStored(verdict.value());
        return stored.isEmpty() ? null : stored;
    }

    /** Maps the header to the template's columns; returns what is wrong with it, or null. */
    private String resolveHeader(List<String> header, TemplateColumn[] columns) {
        StringJoiner problems = new StringJoiner("；");
        Set<TemplateColumn> seen = new LinkedHashSet<>();
        for (int col = 0; col < header.size(); col++) {
            String text = header.get(col);
            if (text.isBlank()) {
                continue;
            }
            TemplateColumn match = template.stream().filter(c -> c.matches(text)).findFirst().orElse(null);
            if (match == null) {
                DataSource owner = ownerOf(text);
                problems.add(owner != null
                        ? "列「" + text + "」属于「" + owner.label() + "」数据，不在本模板中"
                        : "未知的列「" + text + "」");
            } else if (!seen.add(match)) {
                problems.add("列「" + text + "」重复");
            } else {
                columns[col] = match;
            }
        }
        for (TemplateColumn c : template) {
            if (c.required() && !seen.contains(c)) {
                problems.add("缺少必填列「" + c.label() + "」");
            }
        }
        return problems.length() == 0 ? null : problems.toString();
    }

    private static DataSource ownerOf(String header) {
        for (DataSource s : DataSource.departments()) {
            for (TemplateColumn c : TemplateColumn.of(s)) {
                if (c.field() != null && c.matches(header) && c.field() != RecordField.NEGATIVES) {
                    return s;
                }
            }
        }
        for (TemplateColumn c : TemplateColumn.of(DataSource.MARKET)) {
            if (c.field() == null && c.matches(header)) {
                return DataSource.MARKET;
            }
        }
        return null;
    }

    private static Result fileProblem(String problem) {
        return new Result(List.of(), 0, List.of(new RowViolation(0, "", null, problem)), 1, List.of(), problem);
    }

    /** Counts every violation, by kind too, keeps the first {@link #MAX_LISTED} and the first few of each kind. */
    private static final class Violations {
        final List<RowViolation> listed = new ArrayList<>();
        final Map<String, Group> byKind = new LinkedHashMap<>();
        int count;

        private static final class Group {
            final String column;
            final String rule;
            final List<RowViolation> first = new ArrayList<>();
            int count;

            Group(String column, String rule) {
                this.column = column;
                this.rule = rule;
            }
        }

        List<ImportPreview.RuleGroup> groups() {
            return byKind.values().stream().sorted(Comparator.comparingInt((Group g) -> -g.count))
                    .map(g -> new ImportPreview.RuleGroup(g.column, g.rule, g.count, g.first)).toList();
        }

        /** A broken field rule, in the engine's words. */
        void add(int row, TemplateColumn c, String value, Problem rule) {
            add(row, c, value, rule.zh());
        }

        void add(int row, TemplateColumn c, String value, String rule) {
            count++;
            RowViolation v = new RowViolation(row, c.label(), value, rule);
            if (listed.size() < MAX_LISTED) {
                listed.add(v);
            }
            String kind = ImportPreview.RuleGroup.kind(rule);
            Group g = byKind.computeIfAbsent(c.label() + "\u0000" + kind, k -> new Group(c.label(), kind));
            g.count++;
            if (g.first.size() < SHOWN_PER_GROUP) {
                g.first.add(v);
            }
        }

        void add(int row, TemplateColumn[] columns, String key, String value, String rule) {
            for (TemplateColumn c : columns) {
                if (c != null && c.key().equals(key)) {
                    add(row, c, value, rule);
                    return;
                }
            }
        }
    }
}
