package cn.gov.panyu.points.platform.contest;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.model.Stage;

/**
 * The screening list on a worked example computed by hand: α = 70 %, growth-stage totals from 40 to 80.
 *
 * <pre>
 * entry  experts      expert  points  normalised            combined
 * A      80, 90       85.00   60      (60−40)/40·100 = 50   0.7·85 + 0.3·50  = 74.50
 * B      70           70.00   80      100                   0.7·70 + 0.3·100 = 79.00
 * C      85           85.00   66      65                    0.7·85 + 0.3·65  = 79.00  (tie with B: C first, higher expert score)
 * D      74, 75       74.50   —       —  (not matched)      74.50 expert only        (tie with A: A first)
 * E      —            —       80      100                   —  (no expert score: last)
 * F      90           90.00   70 vetoed → 0                 0.7·90 + 0.3·0   = 63.00
 * </pre>
 */
class ScreeningScoresTests {

    private static final BigDecimal LOW = new BigDecimal("40");
    private static final BigDecimal HIGH = new BigDecimal("80");

    @Test
    void combinesExpertScoresWithPointsNormalisedWithinTheStageAndExplainsTiesAndMissingPoints() {
        List<ScreeningScores.Input> inputs = List.of(
                input("A", List.of("80", "90"), points("60", true), null),
                input("B", List.of("70"), points("80", true), null),
                input("C", List.of("85"), points("66", true), null),
                input("D", List.of("74", "75"), null, "未匹配到企业名录中的企业"),
                input("E", List.of(), points("80", true), null),
                input("F", List.of("90"), points("70", false), null));

        List<ScreeningRow> rows = ScreeningScores.rank(inputs, new BigDecimal("70"));

        assertThat(rows).extracting(r -> r.entry().project()).containsExactly("C", "B", "A", "D", "F", "E");
        assertThat(rows).extracting(ScreeningRow::rank).containsExactly(1, 1, 3, 3, 5, 0);
        assertThat(rows).extracting(r -> plain(r.combined())).containsExactly("79", "79", "74.5", "74.5", "63", null);
        assertThat(rows).extracting(r -> plain(r.expert())).containsExactly("85", "70", "85", "74.5", "90", null);
        assertThat(rows).extracting(r -> plain(r.normalised())).containsExactly("65", "100", "50", null, "0", "100");
        assertThat(rows).extracting(ScreeningRow::tied).containsExactly(true, true, true, true, false, false);
        assertThat(rows.get(0).notesText()).contains("并列第 1 名", "按专家评分、项目名称排序");
        assertThat(rows.get(3).notesText()).contains("仅专家评分：未匹配到企业名录中的企业", "并列第 3 名");
        assertThat(rows.get(4).notesText()).contains("一票否决");
        assertThat(rows.get(5).notesText()).isEqualTo("尚无已提交的专家评分");
        assertThat(rows.get(0).experts()).isEqualTo(1);
        assertThat(rows.get(2).experts()).isEqualTo(2);
    }

    @Test
    void anEqualRangeNormalisesToTheTopAndMeansRoundHalfUp() {
        assertThat(ScreeningScores.normalised(new ScreeningScores.Points(Stage.STARTUP, HIGH, HIGH, HIGH, true)))
                .isEqualByComparingTo("100");
        assertThat(ScreeningScores.mean(List.of(new BigDecimal("80"), new BigDecimal("85"), new BigDecimal("86"))))
                .isEqualByComparingTo("83.67");
        // α = 100 %: the points do not count; α = 0: only they do
        List<ScreeningRow> expertsOnly = ScreeningScores.rank(List.of(input("A", List.of("60"), points("80", true), null)),
                new BigDecimal("100"));
        assertThat(expertsOnly.get(0).combined()).isEqualByComparingTo("60");
        List<ScreeningRow> pointsOnly = ScreeningScores.rank(List.of(input("A", List.of("60"), points("50", true), null)),
                BigDecimal.ZERO);
        assertThat(pointsOnly.get(0).combined()).isEqualByComparingTo("25");
    }

    private static ScreeningScores.Input input(String project, List<String> experts, ScreeningScores.Points points,
                                               String missing) {
        Entry entry = new Entry(project.charAt(0), 1, 1, "成长组", 2, project, "团队" + project, "联系人", null, null, null,
                null, null, points == null ? MatchStatus.UNMATCHED : MatchStatus.MATCHED, null);
        return new ScreeningScores.Input(entry, experts.stream().map(BigDecimal::new).toList(), points, missing);
    }

    private static ScreeningScores.Points points(String total, boolean eligible) {
        return new ScreeningScores.Points(Stage.GROWTH, new BigDecimal(total), LOW, HIGH, eligible);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.stripTrailingZeros().toPlainString();
    }
}
