package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The year-end 自评 score, by the rule the bureau's self-evaluation form uses:
 *
 * <ul>
 * <li>预算执行率 = funds spent ÷ 部门预算支出 (基本支出 + 项目支出) × 100, worth {@value #BUDGET_POINTS} points:
 * full at ≥ 100 %, proportional below.</li>
 * <li>Each indicator is worth its weight (分值): full weight at a completion of ≥ 100 %, proportional below
 * (weight × completion ÷ 100); a qualitative indicator — or any an evaluator scores by hand — gets the
 * points given by hand, with a reason, capped at its weight; an indicator without completion or hand score
 * gets 0.</li>
 * <li>When the form gives no 分值, the weights are set at import ({@link #defaultWeights}): 产出指标 and 成本指标
 * together 50, 效益指标 30, 满意度指标 10 (with 预算执行率 10: 100 in all), each 一级's points shared equally by its
 * indicators; a 一级 without indicators leaves its points to the others in proportion.</li>
 * <li>Total = the sum, rounded to two decimals (half up) before grading: 优 ≥ 90; 良 ≥ 80 and < 90; 中 ≥ 60
 * and < 80; 差 < 60 — a boundary belongs to the higher grade (exactly 90.00 is 优).</li>
 * </ul>
 */
public final class SelfEvaluation {

    static final int BUDGET_POINTS = 10;
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** One indicator as scored: its weight, its completion (percent, null if unknown) and a hand score if given. */
    public record Item(String name, BigDecimal weight, BigDecimal completion, BigDecimal handScore) {
    }

    /** The scored indicators, the budget execution rate and its points, the total and the grade. */
    public record Result(List<BigDecimal> scores, BigDecimal executionRate, BigDecimal budgetScore, BigDecimal total,
                         String grade) {
    }

    private SelfEvaluation() {
    }

    public static Result score(List<Item> items, BigDecimal budgetTotal, BigDecimal executed) {
        List<BigDecimal> scores = new ArrayList<>();
        BigDecimal sum = BigDecimal.ZERO;
        for (Item item : items) {
            BigDecimal s = itemScore(item);
            scores.add(s);
            sum = sum.add(s);
        }
        BigDecimal rate = executed == null || budgetTotal == null || budgetTotal.signum() == 0 ? null
                : executed.multiply(HUNDRED).divide(budgetTotal, 2, RoundingMode.HALF_UP);
        BigDecimal budgetScore = rate == null ? BigDecimal.ZERO.setScale(2)
                : BigDecimal.valueOf(BUDGET_POINTS).multiply(rate.min(HUNDRED)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
        BigDecimal total = sum.add(budgetScore).setScale(2, RoundingMode.HALF_UP);
        return new Result(scores, rate, budgetScore, total, grade(total));
    }

    static BigDecimal itemScore(Item item) {
        BigDecimal weight = item.weight() == null ? BigDecimal.ZERO : item.weight();
        if (item.handScore() != null) {
            return item.handScore().max(BigDecimal.ZERO).min(weight).setScale(2, RoundingMode.HALF_UP);
        }
        if (item.completion() == null) {
            return BigDecimal.ZERO.setScale(2);
        }
        return weight.multiply(item.completion().max(BigDecimal.ZERO).min(HUNDRED)).divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    /** 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差; {@code total} already rounded to two decimals. */
    public static String grade(BigDecimal total) {
        if (total.compareTo(BigDecimal.valueOf(90)) >= 0) {
            return "优";
        }
        if (total.compareTo(BigDecimal.valueOf(80)) >= 0) {
            return "良";
        }
        if (total.compareTo(BigDecimal.valueOf(60)) >= 0) {
            return "中";
        }
        return "差";
    }

    /** The points of each 一级 when the form gives no 分值 (产出 and 成本 share theirs). */
    static final Map<String, Integer> LEVEL1_POINTS = Map.of("产出指标", 50, "成本指标", 50, "效益指标", 30, "满意度指标", 10);

    /**
     * Weights for indicators in form order (null for headings without indicators), by the default rule; they
     * sum to exactly 100 − {@value #BUDGET_POINTS}, each a multiple of 0.01, the rounding left to a group's last.
     *
     * @param level1 each indicator's 一级, null for a heading row
     */
    static List<BigDecimal> defaultWeights(List<String> level1) {
        // 产出 and 成本 form one group: the form's 成本指标 were 产出's 二级 before they had their own 一级
        Map<String, List<Integer>> groups = new LinkedHashMap<>();
        for (int i = 0; i < level1.size(); i++) {
            if (level1.get(i) != null) {
                groups.computeIfAbsent(group(level1.get(i)), g -> new ArrayList<>()).add(i);
            }
        }
        int present = groups.keySet().stream().mapToInt(SelfEvaluation::groupPoints).sum();
        BigDecimal available = BigDecimal.valueOf(100 - BUDGET_POINTS);
        List<BigDecimal> weights = new ArrayList<>(java.util.Collections.nCopies(level1.size(), (BigDecimal) null));
        BigDecimal given = BigDecimal.ZERO;
        List<String> names = new ArrayList<>(groups.keySet());
        for (int g = 0; g < names.size(); g++) {
            List<Integer> members = groups.get(names.get(g));
            BigDecimal points = g == names.size() - 1 ? available.subtract(given)
                    : available.multiply(BigDecimal.valueOf(groupPoints(names.get(g))))
                    .divide(BigDecimal.valueOf(present), 2, RoundingMode.HALF_UP);
            given = given.add(points);
            BigDecimal each = points.divide(BigDecimal.valueOf(members.size()), 2, RoundingMode.DOWN);
            for (int k = 0; k < members.size(); k++) {
                BigDecimal w = k == members.size() - 1 ? points.subtract(each.multiply(BigDecimal.valueOf(members.size() - 1))) : each;
                weights.set(members.get(k), w);
            }
        }
        return weights;
    }

    private static String group(String level1) {
        return level1.equals("成本指标") ? "产出指标" : level1;
    }

    private static int groupPoints(String group) {
        return LEVEL1_POINTS.getOrDefault(group, 0);
    }
}
