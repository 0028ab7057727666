package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The 预算绩效 pages' forms read into values, each problem in Chinese at the field it concerns, all at once.
 * Pure, so the rules are tested without a server.
 */
final class PerformanceInput {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");
    private static final Pattern LINK = Pattern.compile("https?://\\S+");

    /** A value, or the problems by field name. */
    record Checked<T>(T value, Map<String, String> problems) {

        boolean ok() {
            return problems.isEmpty();
        }
    }

    record Score(BigDecimal score, String reason) {
    }

    record Narrative(BigDecimal executed, String achievements, String problems, String improvements) {
    }

    /**
     * The 预算整体情况 amounts by the edit form's field name, with the labels the form shows (and the problems
     * name), in the form's order.
     */
    static final Map<String, String> BUDGET_FIELDS = budgetFields();

    private static Map<String, String> budgetFields() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("basic", "基本支出");
        f.put("project", "项目支出");
        f.put("fiscal", "财政拨款");
        f.put("otherFunds", "其他资金");
        f.put("specialFunds", "财政专项资金");
        f.put("otherDevelopment", "其他事业发展性支出");
        f.put("districtLevel", "区本级使用资金");
        f.put("transfers", "拟用于对下转移支付资金");
        return Collections.unmodifiableMap(f);
    }

    /** Rows of a task on the edit form: task{n}.name and so on, n from 0. */
    private static final Pattern TASK_ROW = Pattern.compile("task(\\d{1,3})\\.name");
    private static final Pattern GOAL_ROW = Pattern.compile("goal(\\d{1,3})");
    /** numeric(14, 2): twelve digits before the point. */
    private static final BigDecimal AMOUNT_LIMIT = new BigDecimal("1000000000000");

    /**
     * The declaration's edit form: the eight budget amounts (required, 万元, ≥ 0, two decimals at most), the goals
     * (goal{n}, blank ones dropped, at least one) and the tasks (task{n}.name, .content, .funds, .expectation,
     * .optional; a row ticked .remove, or left wholly blank as the form's empty row is, is dropped).
     */
    static Checked<PerformanceDeclarations.FormEdit> form(Map<String, String> p) {
        Map<String, String> problems = new LinkedHashMap<>();
        Map<String, BigDecimal> amounts = new LinkedHashMap<>();
        BUDGET_FIELDS.forEach((field, label) -> amounts.put(field, amount(p, field, label + "（万元）", true, problems)));
        List<String> goals = new ArrayList<>();
        for (int n : rows(p, GOAL_ROW)) {
            String goal = text(p, "goal" + n, 4000, "第 " + (n + 1) + " 条总体绩效目标", false, problems);
            if (!goal.isEmpty()) {
                goals.add(goal);
            }
        }
        if (goals.isEmpty() && !problems.containsKey("goal0")) {
            problems.put("goal0", "总体绩效目标：至少填写一条");
        }
        List<PerformanceForm.KeyTask> tasks = new ArrayList<>();
        for (int n : rows(p, TASK_ROW)) {
            String k = "task" + n + ".";
            boolean blank = Stream.of("name", "content", "funds", "expectation")
                    .allMatch(f -> p.getOrDefault(k + f, "").isBlank());
            if (blank || p.containsKey(k + "remove")) {
                continue;
            }
            String which = "第 " + (n + 1) + " 项任务的";
            String name = text(p, k + "name", 500, which + "名称", true, problems);
            String content = text(p, k + "content", 4000, which + "主要实施内容", false, problems);
            BigDecimal funds = amount(p, k + "funds", which + "拟投入的资金（万元）", false, problems);
            String expectation = text(p, k + "expectation", 4000, which + "期望达到的目标", false, problems);
            tasks.add(new PerformanceForm.KeyTask(name, content, funds, expectation, p.containsKey(k + "optional")));
        }
        PerformanceForm.Budget budget = problems.keySet().stream().anyMatch(BUDGET_FIELDS::containsKey) ? null
                : new PerformanceForm.Budget(amounts.get("basic"), amounts.get("project"), amounts.get("fiscal"),
                amounts.get("otherFunds"), amounts.get("specialFunds"), amounts.get("otherDevelopment"),
                amounts.get("districtLevel"), amounts.get("transfers"));
        return new Checked<>(new PerformanceDeclarations.FormEdit(budget, goals, tasks), problems);
    }

    /**
     * What the edit form shows: the budget amounts by field, the goals and the tasks (each a map of its fields)
     * in row order — the declaration's with an empty row to add one each, or what was sent when it is answered
     * with problems.
     */
    record FormFields(Map<String, String> budget, List<String> goals, List<Map<String, String>> tasks) {
    }

    static FormFields fields(Declaration d) {
        Map<String, String> budget = new LinkedHashMap<>();
        BigDecimal[] amounts = {d.budget().basic(), d.budget().project(), d.budget().fiscal(), d.budget().otherFunds(),
                d.budget().specialFunds(), d.budget().otherDevelopment(), d.budget().districtLevel(), d.budget().transfers()};
        int k = 0;
        for (String field : BUDGET_FIELDS.keySet()) {
            budget.put(field, amounts[k++].toPlainString());
        }
        List<String> goals = new ArrayList<>(d.goals());
        goals.add("");
        List<Map<String, String>> tasks = new ArrayList<>();
        for (Declaration.Task t : d.tasks()) {
            Map<String, String> row = new LinkedHashMap<>();
            row.put("name", t.name());
            row.put("content", t.content());
            row.put("funds", t.funds() == null ? "" : t.funds().toPlainString());
            row.put("expectation", t.expectation());
            if (t.optional()) {
                row.put("optional", "on");
            }
            tasks.add(row);
        }
        tasks.add(new LinkedHashMap<>());
        return new FormFields(budget, goals, tasks);
    }

    static FormFields fields(Map<String, String> sent) {
        Map<String, String> budget = new LinkedHashMap<>();
        BUDGET_FIELDS.keySet().forEach(f -> budget.put(f, sent.getOrDefault(f, "")));
        List<String> goals = rows(sent, GOAL_ROW).stream().map(n -> sent.get("goal" + n)).toList();
        List<Map<String, String>> tasks = new ArrayList<>();
        for (int n : rows(sent, TASK_ROW)) {
            Map<String, String> row = new LinkedHashMap<>();
            // blank fields left out: a row sent empty shows again as the form's empty row to add a task
            for (String f : List.of("name", "content", "funds", "expectation", "optional", "remove")) {
                if (!sent.getOrDefault("task" + n + "." + f, "").isBlank()) {
                    row.put(f, sent.get("task" + n + "." + f));
                }
            }
            tasks.add(row);
        }
        return new FormFields(budget, goals, tasks);
    }

    /** The row numbers the form sent for a kind of row, in order. */
    static List<Integer> rows(Map<String, String> p, Pattern row) {
        return p.keySet().stream().map(row::matcher).filter(Matcher::matches)
                .map(m -> Integer.parseInt(m.group(1))).sorted().toList();
    }

    /** An amount in 万元 as the form and the database hold it: not negative, two decimals at most. */
    private static BigDecimal amount(Map<String, String> p, String field, String label, boolean required,
                                     Map<String, String> problems) {
        BigDecimal v = number(p, field, label, required, problems);
        if (v == null) {
            return null;
        }
        if (v.signum() < 0 || v.stripTrailingZeros().scale() > 2 || v.compareTo(AMOUNT_LIMIT) >= 0) {
            problems.put(field, label + "：应为不小于 0 的金额，最多两位小数，如 4992.53");
            return null;
        }
        return v.setScale(2, RoundingMode.UNNECESSARY);
    }

    private PerformanceInput() {
    }

    static Checked<PerformanceDeclarations.IndicatorEdit> indicator(Map<String, String> p) {
        Map<String, String> problems = new LinkedHashMap<>();
        String name = text(p, "name", 500, "三级指标名称", true, problems);
        String period = text(p, "periodTarget", 200, "实施周期指标值", true, problems);
        String year = text(p, "yearTarget", 200, "年度指标值", true, problems);
        BigDecimal weight = number(p, "weight", "分值", false, problems);
        if (weight != null && (weight.signum() < 0 || weight.compareTo(BigDecimal.valueOf(100)) > 0 || weight.scale() > 2)) {
            problems.put("weight", "分值：应在 0 到 100 之间，最多两位小数");
        }
        Measure measure = null;
        String code = p.getOrDefault("measure", "").strip();
        if (!code.isEmpty()) {
            measure = Measure.byCode(code);
            TargetExpression target = TargetExpression.parse(year, name);
            if (measure == null) {
                problems.put("measure", "数据来源：请从列表中选择");
            } else if (year != null && !(target.quantitative() && measure.fits(target.unit()))) {
                problems.put("measure", "数据来源：「" + measure.label() + "」以" + measure.unit() + "计，与年度指标值「" + year
                        + "」的单位不符，无法比较");
            }
        }
        return new Checked<>(new PerformanceDeclarations.IndicatorEdit(name, period, year, weight, measure), problems);
    }

    static Checked<PerformanceMonitoring.Entry> actual(Map<String, String> p) {
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal value = number(p, "value", "实际值", false, problems);
        String achievedText = p.getOrDefault("achieved", "").strip();
        Boolean achieved = achievedText.isEmpty() ? null : Boolean.valueOf(achievedText.equals("true"));
        if (value == null && achieved == null && !problems.containsKey("value")) {
            problems.put("value", "实际值：请填写实际值，或选择是否已完成");
        }
        String evidence = text(p, "evidence", 2000, "佐证材料说明", true, problems);
        String link = p.getOrDefault("link", "").strip();
        if (!link.isEmpty() && (!LINK.matcher(link).matches() || link.length() > 500)) {
            problems.put("link", "佐证链接：应为以 http:// 或 https:// 开头的网址");
        }
        return new Checked<>(new PerformanceMonitoring.Entry(value, achieved, evidence, link.isEmpty() ? null : link), problems);
    }

    static Checked<Score> score(Map<String, String> p, BigDecimal weight) {
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal score = number(p, "handScore", "人工评分", false, problems);
        String reason = p.getOrDefault("reason", "").strip();
        if (score != null) {
            BigDecimal max = weight == null ? BigDecimal.ZERO : weight;
            if (score.signum() < 0 || score.compareTo(max) > 0) {
                problems.put("handScore", "人工评分：应在 0 到本指标分值 " + max.stripTrailingZeros().toPlainString() + " 之间");
            }
            if (reason.isEmpty()) {
                problems.put("reason", "评分理由：人工评分须说明理由");
            } else if (reason.length() > 1000) {
                problems.put("reason", "评分理由：最多 1000 字");
            }
        }
        return new Checked<>(new Score(score, reason), problems);
    }

    static Checked<Narrative> narrative(Map<String, String> p) {
        Map<String, String> problems = new LinkedHashMap<>();
        BigDecimal executed = number(p, "executed", "预算执行数（万元）", false, problems);
        if (executed != null && executed.signum() < 0) {
            problems.put("executed", "预算执行数（万元）：不能为负数");
        }
        String achievements = text(p, "achievements", 4000, "主要绩效及成效", false, problems);
        String issues = text(p, "problemsText", 4000, "存在的问题及原因", false, problems);
        String improvements = text(p, "improvements", 4000, "改进措施及结果应用", false, problems);
        return new Checked<>(new Narrative(executed, achievements, issues, improvements), problems);
    }

    private static String text(Map<String, String> p, String field, int max, String label, boolean required,
                               Map<String, String> problems) {
        String v = p.getOrDefault(field, "").strip();
        if (required && v.isEmpty()) {
            problems.put(field, label + "不能为空");
            return null;
        }
        if (v.length() > max) {
            problems.put(field, label + "：最多 " + max + " 字");
        }
        return v;
    }

    private static BigDecimal number(Map<String, String> p, String field, String label, boolean required,
                                     Map<String, String> problems) {
        String v = Normalizer.normalize(p.getOrDefault(field, ""), Normalizer.Form.NFKC).strip().replace(",", "");
        if (v.isEmpty()) {
            if (required) {
                problems.put(field, label + "不能为空");
            }
            return null;
        }
        if (!NUMBER.matcher(v).matches() || v.length() > 20) {
            problems.put(field, label + "：应为数字，如 12.5");
            return null;
        }
        return new BigDecimal(v);
    }
}
