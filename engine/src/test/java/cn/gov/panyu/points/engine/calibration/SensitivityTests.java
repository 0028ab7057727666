package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * A draft against the active model on six start-ups, every figure worked by hand. Two band indicators read
 * rd_staff (A) and ip_class1 (B): 4 → 1, 3 → 0.75, 2 → 0.5, 1 → 0.25, else 0. The active model weighs A 80 and
 * B 20, the draft A 20 and B 80. Tiers: LEAD the top 20 %, RUN 40 %, RISE 60 % → of 6 ranks 1–2, 3, 4.
 */
class SensitivityTests {

    static final String MODEL = """
            id: tiny
            version: "1"
            name: 小模型
            district: {name: 测试区, towns: [市桥街道]}
            stages: {growthFrom: 500, matureFrom: 10000}
            coreTotal: 100
            indicators:
              - {code: A, category: 技术创新, name: 研发人员数, value: rd_staff, transform: bands,
                 bands: [{atLeast: 4, fraction: 1.0}, {atLeast: 3, fraction: 0.75}, {atLeast: 2, fraction: 0.5}, {atLeast: 1, fraction: 0.25}],
                 weights: {STARTUP: 80, GROWTH: 80, MATURE: 80}}
              - {code: B, category: 技术创新, name: 有效Ⅰ类知识产权数, value: ip_class1, transform: bands,
                 bands: [{atLeast: 4, fraction: 1.0}, {atLeast: 3, fraction: 0.75}, {atLeast: 2, fraction: 0.5}, {atLeast: 1, fraction: 0.25}],
                 weights: {STARTUP: 20, GROWTH: 20, MATURE: 20}}
            keyIndustries: []
            bonus: {cap: 0, items: []}
            negatives: []
            tiers: [{tier: LEAD, topPercent: 20}, {tier: RUN, topPercent: 40}, {tier: RISE, topPercent: 60}]
            """;

    static final ScoreModel ACTIVE = ModelLoader.parse(MODEL, "tiny.yaml");

    /** The same model with A 20 and B 80 in every stage, made by the function the platform uses. */
    static ScoreModel draft() {
        ScoreModel m = ACTIVE;
        for (Stage s : Stage.values()) {
            m = Reweighting.withStageWeights(m, s, Map.of("A", 20.0, "B", 80.0), "2");
        }
        return m;
    }

    /**
     * (A, B) values → active total (80·fA + 20·fB) / draft total (20·fA + 80·fB):
     * F1 (4,1) 85/40 · F2 (3,2) 70/55 · F3 (2,3) 55/70 · F4 (1,4) 40/85 · F5 (0,0) 0/0 · F6 (0,2) 10/40.
     */
    static RecordColumns cohort() {
        int[][] values = {{4, 1}, {3, 2}, {2, 3}, {1, 4}, {0, 0}, {0, 2}};
        List<EnterpriseRecord> records = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            records.add(EnterpriseRecord.builder("F" + (i + 1)).name("企业" + (i + 1)).town("市桥街道").industry("C38")
                    .established(LocalDate.of(2015, 1, 1)).set(InputField.EMPLOYEES, 10).set(InputField.REVENUE_Y0, 100)
                    .set(InputField.RD_STAFF, values[i][0]).set(InputField.IP_CLASS1, values[i][1]).build());
        }
        return RecordColumns.of(records);
    }

    @Test
    void tierTransitionsRankCorrelationsAndMovers() {
        Sensitivity.Report r = Sensitivity.compare(ACTIVE, draft(), cohort(), 2, false);
        assertThat(r.activeModel()).isEqualTo("tiny@1");
        assertThat(r.draftModel()).isEqualTo("tiny@2");
        Sensitivity.StageComparison s = r.stage(Stage.STARTUP);
        assertThat(s.enterprises()).isEqualTo(6);
        assertThat(s.compared()).isEqualTo(6);
        // active ranks F1 1, F2 2, F3 3, F4 4, F6 5, F5 6 → LEAD F1 F2, RUN F3, RISE F4
        // draft ranks F4 1, F3 2, F2 3, F1 and F6 4 (tied at 40), F5 6 → LEAD F4 F3, RUN F2, RISE F1 F6
        assertThat(s.transitions(Tier.LEAD, Tier.RISE)).isEqualTo(1);  // F1
        assertThat(s.transitions(Tier.LEAD, Tier.RUN)).isEqualTo(1);   // F2
        assertThat(s.transitions(Tier.RUN, Tier.LEAD)).isEqualTo(1);   // F3
        assertThat(s.transitions(Tier.RISE, Tier.LEAD)).isEqualTo(1);  // F4
        assertThat(s.transitions(null, null)).isEqualTo(1);            // F5
        assertThat(s.transitions(null, Tier.RISE)).isEqualTo(1);       // F6
        assertThat(s.tierChanges()).isEqualTo(5);
        assertThat(java.util.stream.IntStream.rangeClosed(0, Sensitivity.NO_TIER).mapToObj(Sensitivity::tierLabel))
                .containsExactly("领跑", "竞跑", "进取", "未上榜");
        long all = 0;
        for (long[] row : s.transitions()) {
            for (long c : row) {
                all += c;
            }
        }
        assertThat(all).isEqualTo(6);
        // ranks of the totals, ascending: active F5 1, F6 2, F4 3, F3 4, F2 5, F1 6; draft F5 1, F1 = F6 2.5, F2 4,
        // F3 5, F4 6. Centred on 3.5: Σdxdy = 5.5, Σdx² = 17.5, Σdy² = 17 → ρ = 5.5 / √(17.5·17)
        assertThat(s.spearman()).isCloseTo(5.5 / Math.sqrt(17.5 * 17), within(1e-12));
        // 15 pairs: F5 concordant with all 5; F6 concordant with F2 F3 F4 and tied in y with F1; F1..F4 reversed
        // (6 discordant): C 8, D 6, ties in y 1 → τ-b = 2 / √(15·14)
        assertThat(s.kendallTauB()).isCloseTo(2 / Math.sqrt(15 * 14), within(1e-12));
        // the biggest moves: F1 1 → 4 and F4 4 → 1 (3 places each, totals 45 apart each: record order decides)
        assertThat(s.movers()).extracting(Sensitivity.Mover::uscc).containsExactly("F1", "F4");
        Sensitivity.Mover f1 = s.movers().get(0);
        assertThat(f1.rankBefore()).isEqualTo(1);
        assertThat(f1.rankAfter()).isEqualTo(4);
        assertThat(f1.rankGain()).isEqualTo(-3);
        assertThat(f1.tierBefore()).isEqualTo(Tier.LEAD);
        assertThat(f1.tierAfter()).isEqualTo(Tier.RISE);
        // F1 fell: A lost 60 points (80 → 20), B gained 15 (5 → 20): A moved it
        assertThat(f1.indicatorCode()).isEqualTo("A");
        assertThat(f1.indicatorName()).isEqualTo("研发人员数");
        assertThat(f1.indicatorChange()).isCloseTo(-60, within(1e-12));
        // F4 rose: B gained 60 (20 → 80), A lost 15
        Sensitivity.Mover f4 = s.movers().get(1);
        assertThat(f4.indicatorCode()).isEqualTo("B");
        assertThat(f4.indicatorChange()).isCloseTo(60, within(1e-12));
        assertThat(f4.totalBefore()).isCloseTo(40, within(1e-12));
        assertThat(f4.totalAfter()).isCloseTo(85, within(1e-12));
        // the other stages have no enterprises
        assertThat(r.stage(Stage.GROWTH).enterprises()).isZero();
        assertThat(r.stage(Stage.GROWTH).spearman()).isNaN();
    }

    @Test
    void oneAtATimeWeightChanges() {
        Sensitivity.Report r = Sensitivity.compare(ACTIVE, draft(), cohort(), 0, true);
        List<Sensitivity.WeightChange> startup = r.weightChanges().stream().filter(c -> c.stage() == Stage.STARTUP).toList();
        // A +10 % (22, B 78): F1 41.5 overtakes F6 39 and F6 drops off RISE; A −10 % (18, 82): F6 41 over F1 38.5,
        // F1 drops; B +10 % (12, 88): F6 44 over F1 34; B −10 % (28, 72): F1 46 over F6 36. Each time exactly one
        // enterprise changes tier and the tied pair F1/F6 is ordered: ρ = 17 / √(17·17.5)
        assertThat(startup).hasSize(4);
        assertThat(startup).extracting(c -> c.indicatorCode() + (c.change() > 0 ? "+" : "-"))
                .containsExactlyInAnyOrder("A+", "A-", "B+", "B-");
        for (Sensitivity.WeightChange c : startup) {
            assertThat(c.tierChanges()).as(c.toString()).isEqualTo(1);
            assertThat(c.spearman()).isCloseTo(17 / Math.sqrt(17 * 17.5), within(1e-12));
        }
        Sensitivity.WeightChange aUp = startup.stream().filter(c -> c.indicatorCode().equals("A") && c.change() > 0).findFirst().orElseThrow();
        assertThat(aUp.weightBefore()).isEqualTo(20);
        assertThat(aUp.weightAfter()).isCloseTo(22, within(1e-12));
        assertThat(r.stage(Stage.STARTUP).movers()).isEmpty(); // none asked for
    }

    @Test
    void aStagesFractionsAreWhatTheWeightsMultiply() {
        CriteriaMatrix m = CriteriaMatrix.fractions(ACTIVE, cohort(), Stage.STARTUP);
        assertThat(m.names()).containsExactly("A", "B");
        assertThat(m.rows()).isEqualTo(6);
        double[] a = new double[6];
        double[] b = new double[6];
        for (int i = 0; i < 6; i++) {
            a[i] = m.value(i, 0);
            b[i] = m.value(i, 1);
        }
        assertThat(a).containsExactly(1, 0.75, 0.5, 0.25, 0, 0);
        assertThat(b).containsExactly(0.25, 0.5, 0.75, 1, 0, 0.5);
    }
}
