package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.gov.panyu.points.engine.input.TableReader;
import cn.gov.panyu.points.platform.performance.PerformanceForm.Budget;
import cn.gov.panyu.points.platform.performance.PerformanceForm.Indicator;
import cn.gov.panyu.points.platform.performance.PerformanceForm.KeyTask;
import cn.gov.panyu.points.platform.performance.PerformanceForm.UnplacedLine;

/**
 * Reads a 部门整体预算绩效目标申报表 from rows of cells — the budget system's tab-separated export, or the
 * same form saved as .xlsx — into a {@link PerformanceForm}. Pure: no Spring, no database.
 *
 * <p>The export is a picture of a form with merged cells, not a table: a section's label stands in the
 * first column of its first line only, the 一级 heading of the indicators sits where the header's label
 * should be, some indicator lines are shifted one column to the left, a 二级 heading may stand on a line of
 * its own. So the sections are found by their labels, and the indicator lines are read by what their
 * cells say rather than by where they are: a cell naming a known 一级 or 二级 heading sets that heading
 * (an 二级 also sets its 一级), and the cells after the headings are the 三级 name and its targets.
 *
 * <p>What the importer cannot place is kept as an {@link UnplacedLine} with its number. What makes the form
 * unreliable — a missing section or 一级 (a truncated file), a header whose columns are out of order, a
 * target where the name belongs, an amount that is no number — is a {@link PerformanceFormException} naming
 * the line.
 */
public final class PerformanceFormParser {

    /** A line of the source: its 1-based number and its cells (never null; blank cells as ""). */
    public record SourceRow(int line, List<String> cells) {

        public SourceRow {
            cells = cells.stream().map(c -> c == null ? "" : c).toList();
        }

        String cell(int col) {
            return col < cells.size() ? cells.get(col).strip() : "";
        }

        boolean blank() {
            return cells.stream().allMatch(String::isBlank);
        }

        String text() {
            return String.join(" | ", cells.stream().map(String::strip).toList()).replaceAll("( \\| )+$", "");
        }
    }

    static final String TITLE = "部门整体预算绩效目标申报表";
    private static final String DEPARTMENT = "部门名称";
    private static final String BUDGET = "预算整体情况";
    private static final String GOALS = "总体绩效目标";
    private static final String TASKS = "年度重点工作任务";
    private static final String OTHER_TASKS = "其他需完成的任务（可选项）";
    private static final String INDICATORS = "绩效指标";

    private static final List<String> BUDGET_HEADER = List.of("部门预算支出", "预算金额（万元）", "收入来源", "预算金额（万元）");
    private static final List<String> BUDGET_SUBHEADER = List.of("事业发展性支出", "预算金额（万元）", "按预算级次划分", "预算金额（万元）");
    private static final List<String> BUDGET_ITEMS = List.of("基本支出", "项目支出", "财政拨款", "其他资金", "财政专项资金",
            "其他事业发展性支出", "区本级使用资金", "拟用于对下转移支付资金");
    private static final List<String> TASK_HEADER = List.of("名称", "主要实施内容", "拟投入的资金（万元）", "期望达到的目标（概述）");
    private static final List<String> INDICATOR_HEADER = List.of("一级指标", "二级指标", "三级指标", "实施周期指标值", "年度指标值");
    private static final Set<String> WEIGHT_HEADERS = Set.of("分值", "权重", "权重（%）", "指标分值");

    /** The 一级 headings, in form order. */
    public static final List<String> LEVEL1 = List.of("产出指标", "效益指标", "满意度指标", "成本指标");
    /** Each 二级 heading and the 一级 it belongs to, in form order. */
    public static final Map<String, String> LEVEL2 = level2();

    private static final Pattern AMOUNT = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern PARAGRAPH = Pattern.compile("(?is)<p[^>]*>(.*?)</p>");
    private static final Pattern TAG = Pattern.compile("<[^>]+>");

    private enum Section { NONE, BUDGET, GOALS, TASKS, OTHER_TASKS, INDICATORS }

    private PerformanceFormParser() {
    }

    /** The budget system's export: UTF-8 text, one line per form row, cells separated by tabs. */
    public static PerformanceForm parseText(String text) {
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<SourceRow> rows = new ArrayList<>();
        for (int i = 0; i < lines.length; i++) {
            String line = i == 0 && lines[i].startsWith("\uFEFF") ? lines[i].substring(1) : lines[i];
            rows.add(new SourceRow(i + 1, Arrays.asList(line.split("\t", -1))));
        }
        return parse(rows);
    }

    /** The form saved as a workbook (or CSV), read by the engine's {@link TableReader}: row numbers are the sheet's. */
    public static PerformanceForm parseTable(TableReader.Table table) {
        if (table.problemZh() != null) {
            throw new PerformanceFormException(1, table.problemZh());
        }
        List<SourceRow> rows = new ArrayList<>();
        rows.add(new SourceRow(table.headerRow(), table.header()));
        for (TableReader.TableRow r : table.rows()) {
            for (int c = 0; c < r.cells().length; c++) {
                if (r.problem(c) != null) {
                    throw new PerformanceFormException(r.number(), "第" + (c + 1) + "列：" + r.problem(c));
                }
            }
            rows.add(new SourceRow(r.number(), Arrays.asList(r.cells())));
        }
        return parse(rows);
    }

    /** The form from its rows, in order. */
    public static PerformanceForm parse(List<SourceRow> rows) {
        return new Reader().read(rows);
    }

    /** One pass over the rows; holds where it is in the form. */
    private static final class Reader {
        private String department;
        private final Map<String, BigDecimal> budget = new LinkedHashMap<>();
        private final List<String> goals = new ArrayList<>();
        private final List<KeyTask> tasks = new ArrayList<>();
        private final List<Indicator> indicators = new ArrayList<>();
        private final List<UnplacedLine> unplaced = new ArrayList<>();
        private Section section = Section.NONE;
        private final Set<Section> seen = new java.util.HashSet<>();
        private int lastLine;
        private int budgetLine;
        // the indicator headings in force, and whether the current 二级 has had an indicator yet
        private String level1;
        private String level2;
        private boolean level2HasIndicator = true;
        private boolean weightColumn;

        PerformanceForm read(List<SourceRow> rows) {
            for (SourceRow row : rows) {
                lastLine = row.line();
                if (row.blank()) {
                    continue;
                }
                String label = normal(row.cell(0));
                if (label.equals(TITLE) && rest(row, 1).isEmpty()) {
                    continue;
                }
                if (startsSection(row, label)) {
                    continue;
                }
                switch (section) {
                    case BUDGET -> budgetLine(row);
                    case GOALS -> goalLine(row);
                    case TASKS, OTHER_TASKS -> taskLine(row);
                    case INDICATORS -> indicatorLine(row);
                    case NONE -> unplaced(row);
                }
            }
            closeLevel2();
            return finish();
        }

        /** A line whose first cell names a section: opens it (and reads what the line itself holds). */
        private boolean startsSection(SourceRow row, String label) {
            if (section == Section.INDICATORS) {
                return false; // the indicator lines' first cells are headings, read by indicatorLine
            }
            if (isIndicatorHeader(row)) {
                open(row, Section.INDICATORS);
                indicatorHeader(row);
                return true;
            }
            switch (label) {
                case DEPARTMENT -> {
                    List<String> rest = rest(row, 1);
                    if (rest.isEmpty()) {
                        throw new PerformanceFormException(row.line(), "部门名称为空");
                    }
                    department = rest.get(0);
                    section = Section.NONE;
                }
                case BUDGET -> {
                    open(row, Section.BUDGET);
                    budgetLine = row.line();
                    header(row, BUDGET_HEADER, "预算整体情况");
                }
                case GOALS -> {
                    open(row, Section.GOALS);
                    goalLine(row);
                }
                case TASKS -> {
                    open(row, Section.TASKS);
                    header(row, TASK_HEADER, "年度重点工作任务");
                }
                case OTHER_TASKS -> {
                    open(row, Section.OTHER_TASKS);
                    taskLine(row);
                }
                default -> {
                    return false;
                }
            }
            return true;
        }

        private void open(SourceRow row, Section next) {
            if (!seen.add(next)) {
                throw new PerformanceFormException(row.line(), "「" + sectionName(next) + "」在申报表中出现了两次");
            }
            section = next;
        }

        private void header(SourceRow row, List<String> expected, String what) {
            List<String> actual = rest(row, 1).stream().map(PerformanceFormParser::normal).toList();
            if (!actual.equals(expected)) {
                throw new PerformanceFormException(row.line(), what + "的表头与申报表不符（列的顺序或名称有误）：应为「"
                        + String.join("、", expected) + "」，实为「" + String.join("、", actual) + "」");
            }
        }

        // ---- 预算整体情况 ----

        private void budgetLine(SourceRow row) {
            if (!row.cell(0).isEmpty()) {
                unplaced(row);
                return;
            }
            List<String> cells = row.cells().stream().skip(1).map(String::strip).toList();
            if (cells.stream().map(PerformanceFormParser::normal).filter(c -> !c.isEmpty()).toList().equals(BUDGET_SUBHEADER)) {
                return;
            }
            boolean placed = false;
            for (int c = 0; c + 1 < cells.size(); c += 2) {
                String label = normal(cells.get(c));
                String amount = cells.get(c + 1);
                if (label.isEmpty() && amount.isEmpty()) {
                    continue;
                }
                if (!BUDGET_ITEMS.contains(label)) {
                    if (parsesAsAmount(label)) {
                        throw new PerformanceFormException(row.line(), "第" + (c + 2) + "列应为预算项目名称，却是金额「" + cells.get(c)
                                + "」：列的顺序与申报表不符");
                    }
                    unplaced.add(new UnplacedLine(row.line(), row.text()));
                    return;
                }
                if (budget.containsKey(label)) {
                    throw new PerformanceFormException(row.line(), "预算项目「" + label + "」出现了两次");
                }
                budget.put(label, amount(row.line(), c + 3, label, amount));
                placed = true;
            }
            if (!placed) {
                unplaced(row);
            }
        }

        // ---- 总体绩效目标 ----

        private void goalLine(SourceRow row) {
            List<String> rest = rest(row, 1);
            if (rest.size() != 1 || (!row.cell(0).isEmpty() && !normal(row.cell(0)).equals(GOALS))) {
                if (!rest.isEmpty() || !row.cell(0).isEmpty()) {
                    unplaced(row);
                }
                return;
            }
            goals.addAll(paragraphs(rest.get(0)));
        }

        // ---- 年度重点工作任务 / 其他需完成的任务 ----

        private void taskLine(SourceRow row) {
            boolean ownLabel = section == Section.OTHER_TASKS && normal(row.cell(0)).equals(OTHER_TASKS);
            if (!row.cell(0).isEmpty() && !ownLabel) {
                unplaced(row); // a label no section has
                return;
            }
            if (rest(row, 1).isEmpty()) {
                return; // 其他需完成的任务 is optional: its line may be empty
            }
            String name = row.cell(1);
            String content = row.cell(2);
            String funds = row.cell(3);
            String expectation = row.cell(4);
            if (name.isEmpty()) {
                if (parsesAsAmount(content) || parsesAsAmount(expectation)) {
                    throw new PerformanceFormException(row.line(), "工作任务的列的顺序与申报表不符：名称为空，金额不在「拟投入的资金」列");
                }
                unplaced(row);
                return;
            }
            if (funds.isEmpty() && (parsesAsAmount(content) || parsesAsAmount(expectation))) {
                throw new PerformanceFormException(row.line(), "工作任务「" + name + "」的金额不在「拟投入的资金（万元）」列：列的顺序与申报表不符");
            }
            BigDecimal amount = funds.isEmpty() ? null : amount(row.line(), 4, "拟投入的资金", funds);
            tasks.add(new KeyTask(name, content, amount, expectation, section == Section.OTHER_TASKS));
        }

        // ---- 绩效指标 ----

        private boolean isIndicatorHeader(SourceRow row) {
            return row.cells().stream().map(PerformanceFormParser::normal).anyMatch(c -> c.equals("一级指标"));
        }

        private void indicatorHeader(SourceRow row) {
            List<String> cells = rest(row, 0).stream().map(PerformanceFormParser::normal).toList();
            int from = 0;
            if (!cells.isEmpty() && (LEVEL1.contains(cells.get(0)) || cells.get(0).equals(INDICATORS))) {
                if (LEVEL1.contains(cells.get(0))) {
                    level1 = cells.get(0); // the merged 一级 cell of the first indicators, shifted onto the header
                }
                from = 1;
            }
            List<String> header = cells.subList(from, cells.size());
            weightColumn = header.size() == INDICATOR_HEADER.size() + 1 && WEIGHT_HEADERS.contains(header.get(header.size() - 1));
            List<String> columns = weightColumn ? header.subList(0, header.size() - 1) : header;
            if (!columns.equals(INDICATOR_HEADER)) {
                throw new PerformanceFormException(row.line(), "绩效指标的表头与申报表不符（列的顺序或名称有误）：应为「"
                        + String.join("、", INDICATOR_HEADER) + "」，实为「" + String.join("、", header) + "」");
            }
        }

        private void indicatorLine(SourceRow row) {
            List<String> values = new ArrayList<>();
            for (String raw : row.cells()) {
                String cell = raw.strip();
                if (cell.isEmpty()) {
                    continue;
                }
                String heading = normal(cell);
                if (values.isEmpty() && heading.equals(INDICATORS)) {
                    continue;
                }
                if (values.isEmpty() && LEVEL1.contains(heading)) {
                    setLevel1(heading);
                } else if (values.isEmpty() && LEVEL2.containsKey(heading)) {
                    setLevel2(heading);
                } else {
                    values.add(cell);
                }
            }
            if (values.isEmpty()) {
                return; // a heading on a line of its own
            }
            int expected = weightColumn ? 4 : 3;
            if (level2 == null || values.size() != expected) {
                unplaced(row);
                return;
            }
            String name = values.get(0);
            if (TargetExpression.parse(name).quantitative() && !TargetExpression.parse(values.get(1)).quantitative()) {
                throw new PerformanceFormException(row.line(), "三级指标名称的位置是指标值「" + name + "」：列的顺序与申报表不符");
            }
            BigDecimal weight = weightColumn ? amount(row.line(), 0, "分值", values.get(3)) : null;
            indicators.add(new Indicator(level1, level2, name, values.get(1), values.get(2), weight));
            level2HasIndicator = true;
        }

        private void setLevel1(String heading) {
            if (!heading.equals(level1)) {
                closeLevel2();
                level1 = heading;
                level2 = null;
            }
        }

        private void setLevel2(String heading) {
            if (!heading.equals(level2)) {
                closeLevel2();
                level1 = LEVEL2.get(heading);
                level2 = heading;
                level2HasIndicator = false;
            }
        }

        /** A 二级 heading the form listed without any indicator is kept as a row of its own. */
        private void closeLevel2() {
            if (level2 != null && !level2HasIndicator) {
                indicators.add(new Indicator(level1, level2, null, null, null, null));
            }
            level2HasIndicator = true;
        }

        // ---- the whole form ----

        private PerformanceForm finish() {
            if (department == null) {
                throw missing("部门名称");
            }
            for (Section s : List.of(Section.BUDGET, Section.GOALS, Section.TASKS, Section.INDICATORS)) {
                if (!seen.contains(s)) {
                    throw missing(sectionName(s));
                }
            }
            for (String item : BUDGET_ITEMS) {
                if (!budget.containsKey(item)) {
                    throw new PerformanceFormException(budgetLine, "预算整体情况缺少「" + item + "」的金额（文件可能不完整）");
                }
            }
            for (String l1 : LEVEL1) {
                if (indicators.stream().noneMatch(i -> i.level1().equals(l1))) {
                    throw missing("一级指标「" + l1 + "」");
                }
            }
            Budget b = new Budget(budget.get("基本支出"), budget.get("项目支出"), budget.get("财政拨款"), budget.get("其他资金"),
                    budget.get("财政专项资金"), budget.get("其他事业发展性支出"), budget.get("区本级使用资金"),
                    budget.get("拟用于对下转移支付资金"));
            return new PerformanceForm(department, b, goals, tasks, indicators, unplaced);
        }

        private PerformanceFormException missing(String what) {
            return new PerformanceFormException(lastLine, "申报表到此结束，但缺少" + what + "：文件可能被截断，请导出完整的申报表");
        }

        private void unplaced(SourceRow row) {
            unplaced.add(new UnplacedLine(row.line(), row.text()));
        }
    }

    private static String sectionName(Section s) {
        return switch (s) {
            case BUDGET -> BUDGET;
            case GOALS -> GOALS;
            case TASKS -> TASKS;
            case OTHER_TASKS -> OTHER_TASKS;
            case INDICATORS -> INDICATORS;
            case NONE -> "";
        };
    }

    /** The non-blank cells from column {@code from} on, stripped. */
    private static List<String> rest(SourceRow row, int from) {
        return row.cells().stream().skip(from).map(String::strip).filter(c -> !c.isEmpty()).toList();
    }

    /**
     * A label as compared: full-width forms of ASCII folded (NFKC), then the parentheses written back as the
     * form's full-width ones, whitespace removed — "预算金额(万元)" and "预算金额（万元）" are the same header.
     */
    static String normal(String cell) {
        String s = Normalizer.normalize(cell, Normalizer.Form.NFKC).replaceAll("\\s+", "");
        return s.replace('(', '（').replace(')', '）');
    }

    /** An amount in 万元 as the form writes it ("4,992.53"), or a numeric xlsx cell ("4992.53"). */
    static BigDecimal amount(int line, int column, String what, String text) {
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "");
        if (!AMOUNT.matcher(s).matches()) {
            throw new PerformanceFormException(line, (column > 0 ? "第" + column + "列" : "") + "「" + what + "」的金额「" + text
                    + "」不是数字（只能有数字、小数点和千位分隔的逗号，单位为万元）");
        }
        return new BigDecimal(s);
    }

    private static boolean parsesAsAmount(String text) {
        return AMOUNT.matcher(Normalizer.normalize(text, Normalizer.Form.NFKC).strip().replace(",", "")).matches();
    }

    /** The paragraphs of a goals cell: its {@code <p>} elements, else its lines; tags removed, entities decoded. */
    static List<String> paragraphs(String html) {
        List<String> out = new ArrayList<>();
        Matcher m = PARAGRAPH.matcher(html);
        boolean any = false;
        while (m.find()) {
            any = true;
            addText(out, m.group(1));
        }
        if (!any) {
            for (String line : html.split("<br\\s*/?>|\\n")) {
                addText(out, line);
            }
        }
        return out;
    }

    private static void addText(List<String> out, String html) {
        String text = TAG.matcher(html).replaceAll("").replace("&nbsp;", " ").replace("&lt;", "<").replace("&gt;", ">")
                .replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&").strip();
        if (!text.isEmpty()) {
            out.add(text);
        }
    }

    private static Map<String, String> level2() {
        Map<String, String> m = new LinkedHashMap<>();
        for (String s : List.of("数量指标", "质量指标", "时效指标")) {
            m.put(s, "产出指标");
        }
        for (String s : List.of("经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标")) {
            m.put(s, "效益指标");
        }
        m.put("服务对象满意度指标", "满意度指标");
        for (String s : List.of("经济成本指标", "社会成本指标", "生态环境成本指标")) {
            m.put(s, "成本指标");
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
