package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reference on cases worked out by hand from the spec's text, for the clauses the spec sample
 * does not reach: a bonus cap that bites, a total floored at 0, zero revenue, the ceiling of the tier
 * cut-offs, a vetoed enterprise inside a percentile cohort.
 */
class ReferenceScorerTests {

    private static final ScoreModel MODEL = ModelLoader.defaultModel();

    @Test
    void aPercentileIsTheAverageRankOverThePresentValues() {
        // rd_expense missing, 0, 5, 5, 10 at revenue 100: V = {0, 5, 5, 10}, n = 4
        List<ReferenceResult> r = ReferenceScorer.score(MODEL, List.of(
                firm("A", 100).build(),
                firm("B", 100).set(InputField.RD_EXPENSE, 0).build(),
                firm("C", 100).set(InputField.RD_EXPENSE, 5).build(),
                firm("D", 100).set(InputField.RD_EXPENSE, 5).build(),
                firm("E", 100).set(InputField.RD_EXPENSE, 10).build()));
        // T1 (weight 80): 5 has L = 1, E = 2 → (1 + 1.5) / 4 = 0.625 → 50; 10 has L = 3, E = 1 → 1 → 80
        assertThat(points(r, "T1")).containsExactly("0.00", "0.00", "50.00", "50.00", "80.00");
        // T2 rd_intensity (weight 90) over the same shares of revenue 100: 0.625 · 90 = 56.25
        assertThat(points(r, "T2")).containsExactly("0.00", "0.00", "56.25", "56.25", "90.00");
    }

    @Test
    void derivedValuesFollowSection2() {
        assertThat(ReferenceScorer.revenueGrowth(100, 200, 300)).isEqualTo(0.75); // ½·(2 + 1.5) − 1
        assertThat(ReferenceScorer.revenueGrowth(Double.NaN, 200, 300)).isEqualTo(0.5); // c/b − 1
        assertThat(ReferenceScorer.revenueGrowth(0, 200, 300)).isEqualTo(0.5);
        assertThat(ReferenceScorer.revenueGrowth(100, 0, 300)).isNaN();
        assertThat(ReferenceScorer.revenueGrowth(100, Double.NaN, 300)).isNaN();
        assertThat(ReferenceScorer.shareOfRevenue(5, 0)).isNaN();
        assertThat(ReferenceScorer.shareOfRevenue(Double.NaN, 10)).isNaN();
        assertThat(ReferenceScorer.shareOfRevenue(5, 10)).isEqualTo(0.5);
        assertThat(ReferenceScorer.staffRatio(Double.NaN, 10)).isNaN();
    }

    @Test
    void ranksSkipAfterTiesAndTierCutOffsAreCeilings() {
        // 21 eligible STARTUP firms with revenue 10, 20, …, 210 and one vetoed firm above them all; only G1
        // (revenue) scores, so totals fall with revenue. F15 and F16 tie at 150: ranks 6, 6, then 8.
        List<EnterpriseRecord> firms = new ArrayList<>();
        firms.add(firm("V", 220).negative(Negative.DISHONEST).build());
        for (int k = 1; k <= 21; k++) {
            firms.add(firm("F" + k, k == 16 ? 150 : 10 * k).build());
        }
        List<ReferenceResult> r = ReferenceScorer.score(MODEL, firms);

        ReferenceResult vetoed = r.get(0);
        assertThat(vetoed.eligible()).isFalse();
        assertThat(vetoed.rank()).isNull();
        assertThat(vetoed.tier()).isNull();
        assertThat(vetoed.total()).isEqualByComparingTo("60.00"); // scored all the same: the top revenue
        // m = 21: LEAD to ⌈1.05⌉ = 2, RUN to ⌈2.1⌉ = 3, RISE to ⌈4.2⌉ = 5
        List<Integer> ranks = new ArrayList<>();
        List<Tier> tiers = new ArrayList<>();
        for (int k = 21; k >= 1; k--) {
            ranks.add(r.get(k).rank());
            tiers.add(r.get(k).tier());
        }
        assertThat(ranks).containsExactly(1, 2, 3, 4, 5, 6, 6, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21);
        assertThat(tiers.subList(0, 6)).containsExactly(Tier.LEAD, Tier.LEAD, Tier.RUN, Tier.RISE, Tier.RISE, null);
        // the vetoed firm still counts among the present values: F21 is second of n = 22
        assertThat(r.get(21).points().get("G1")).isEqualByComparingTo("57.27"); // 60 · 21/22 = 57.2727…
    }

    @Test
    void theBonusIsCappedAndTheTotalNeverFallsBelowZero() {
        ScoreModel capped = ModelLoader.parse(defaultModelText().replace("cap: 100", "cap: 50"), "capped.yaml");
        EnterpriseRecord allBonuses = firm("B", 100).industry("C36").set(InputField.CONTEST_AWARD_3Y, 1)
                .set(InputField.ACADEMIA_PROJECTS_3Y, 2).build();
        assertThat(ReferenceScorer.score(MODEL, List.of(allBonuses)).get(0).bonus()).isEqualByComparingTo("100");
        assertThat(ReferenceScorer.score(capped, List.of(allBonuses)).get(0).bonus()).isEqualByComparingTo("50");

        ReferenceResult deducted = ReferenceScorer.score(MODEL, List.of(
                firm("D", 100).negative(Negative.ABNORMAL).negative(Negative.TAX_D).build())).get(0);
        assertThat(deducted.core()).isEqualByComparingTo("60.00"); // alone: the top revenue of its stage
        assertThat(deducted.deduction()).isEqualByComparingTo("200.00");
        assertThat(deducted.total()).isEqualByComparingTo(BigDecimal.ZERO);
        assertThat(deducted.eligible()).isTrue();
        assertThat(deducted.rank()).isEqualTo(1);
    }

    @Test
    void zeroRevenueIsAStartupWithoutRatios() {
        List<ReferenceResult> r = ReferenceScorer.score(MODEL, List.of(
                firm("Z", 0).set(InputField.RD_EXPENSE, 5).set(InputField.HITECH_REVENUE, 0).build(),
                firm("P", 100).set(InputField.RD_EXPENSE, 5).set(InputField.HITECH_REVENUE, 50).build()));
        assertThat(r.get(0).stage()).isEqualTo(Stage.STARTUP);
        assertThat(points(r, "G1")).containsExactly("0.00", "60.00"); // revenue 0 is present but scores 0
        // the ratios of Z are missing, not 0: P is alone in V, n = 1
        assertThat(points(r, "T2")).containsExactly("0.00", "90.00");
        assertThat(points(r, "G6")).containsExactly("0.00", "60.00");
        // rd_expense 5 is present for both: a tie, (0 + 1.5) / 2 = 0.75 of 80
        assertThat(points(r, "T1")).containsExactly("60.00", "60.00");
    }

    private static List<String> points(List<ReferenceResult> results, String code) {
        return results.stream().map(r -> r.points().get(code).toPlainString()).toList();
    }

    /** A firm outside the key industries with only revenue_y0 and its 10 employees given. */
    private static EnterpriseRecord.Builder firm(String id, double revenue) {
        return EnterpriseRecord.builder(id).name("企业" + id).town("市桥街道").industry("C38")
                .established(LocalDate.of(2015, 1, 1)).set(InputField.REVENUE_Y0, revenue)
                .set(InputField.EMPLOYEES, 10);
    }

    private static String defaultModelText() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_MODEL_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
