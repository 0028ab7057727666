package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

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
