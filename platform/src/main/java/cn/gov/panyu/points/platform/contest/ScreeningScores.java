package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * The screening list's arithmetic, apart from where its figures come from so that a worked example can check
 * it by hand (docs/guide/staff.md#contests explains it to staff).
 *
 * <ul>
 * <li>Expert score: the mean of the totals (0..100) of the experts who submitted; experts who stepped back for
 *     a conflict of interest or have not submitted do not count. A plain mean rather than a trimmed one: an
 *     entry usually has three to five experts, and trimming two of three leaves one opinion.</li>
 * <li>Points: the enterprise's total in the latest published run, normalised within its development stage by
 *     the lowest and highest total of that stage's ranked enterprises: (total − min) / (max − min) · 100
 *     (100 when all are equal). A vetoed enterprise (not ranked) counts 0.</li>
 * <li>Combined = α · expert + (1 − α) · normalised points, each rounded half up to 0.01. An entry without
 *     points (not matched to the registry, or not in the published run) is ranked by its expert score alone,
 *     and flagged; an entry without any submitted expert score has no combined score and comes last.</li>
 * <li>Ties: entries with the same combined score share the rank and are listed by expert score (higher
 *     first), then by project name.</li>
 * </ul>
 */
final class ScreeningScores {

    static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** The published points of an entry's enterprise, or null fields when it has none. */
    record Points(Stage stage, BigDecimal total, BigDecimal lowest, BigDecimal highest, boolean eligible) {
    }

    /**
     * One entry's figures.
     *
     * @param expertTotals the totals of the experts who submitted
     * @param points       null when the entry has no published points; {@code missingReason} says why
     */
    record Input(Entry entry, List<BigDecimal> expertTotals, Points points, String missingReason) {
    }

    private ScreeningScores() {
    }

    /** Every entry scored and ranked, best first; {@code alphaPercent} is the experts' share in percent. */
    static List<ScreeningRow> rank(List<Input> inputs, BigDecimal alphaPercent) {
        BigDecimal alpha = alphaPercent.divide(HUNDRED, 6, RoundingMode.UNNECESSARY);
        List<ScreeningRow> rows = new ArrayList<>();
        for (Input in : inputs) {
            BigDecimal expert = mean(in.expertTotals());
            BigDecimal normalised = in.points() == null ? null : normalised(in.points());
            BigDecimal combined = null;
            List<String> notes = new ArrayList<>();
            if (expert == null) {
                notes.add("尚无已提交的专家评分");
            } else if (normalised == null) {
                combined = expert;
                notes.add("仅专家评分：" + in.missingReason());
            } else {
                combined = alpha.multiply(expert).add(BigDecimal.ONE.subtract(alpha).multiply(normalised))
                        .setScale(2, RoundingMode.HALF_UP);
            }
            if (in.points() != null && !in.points().eligible()) {
                notes.add("存在一票否决情形，积分按 0 计");
            }
            rows.add(new ScreeningRow(in.entry(), in.expertTotals().size(), expert,
                    in.points() == null ? null : in.points().stage(), in.points() == null ? null : in.points().total(),
                    normalised, combined, 0, false, notes));
        }
        rows.sort(Comparator.comparing(ScreeningRow::combined, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(ScreeningRow::expert, Comparator.nullsLast(Comparator.reverseOrder()))
                .thenComparing(r -> r.entry().project()));
        List<ScreeningRow> ranked = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ScreeningRow r = rows.get(i);
            if (r.combined() == null) {
                ranked.add(r);
                continue;
            }
            int rank = i + 1;
            while (rank > 1 && r.combined().compareTo(rows.get(rank - 2).combined()) == 0) {
                rank--;
            }
            boolean tied = rank < i + 1 || (i + 1 < rows.size() && rows.get(i + 1).combined() != null
                    && rows.get(i + 1).combined().compareTo(r.combined()) == 0);
            List<String> notes = new ArrayList<>(r.notes());
            if (tied) {
                notes.add("综合得分并列第 " + rank + " 名，并列者按专家评分、项目名称排序");
            }
            ranked.add(new ScreeningRow(r.entry(), r.experts(), r.expert(), r.stage(), r.points(), r.normalised(),
                    r.combined(), rank, tied, notes));
        }
        return ranked;
    }

    static BigDecimal mean(List<BigDecimal> totals) {
        if (totals.isEmpty()) {
            return null;
        }
        return totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add)
                .divide(BigDecimal.valueOf(totals.size()), 2, RoundingMode.HALF_UP);
    }

    static BigDecimal normalised(Points p) {
        if (!p.eligible()) {
            return BigDecimal.ZERO.setScale(2);
        }
        BigDecimal span = p.highest().subtract(p.lowest());
        if (span.signum() == 0) {
            return HUNDRED.setScale(2);
        }
        BigDecimal n = p.total().subtract(p.lowest()).multiply(HUNDRED).divide(span, 2, RoundingMode.HALF_UP);
        return n.max(BigDecimal.ZERO).min(HUNDRED.setScale(2));
    }
}
