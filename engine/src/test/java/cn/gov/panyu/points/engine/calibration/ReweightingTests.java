package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** Weights into points that sum to the model's total exactly, and into a copy of the model. */
class ReweightingTests {

    @Test
    void largestRemaindersMakeTheTotalExact() {
        // 1000/3 = 333.33…: all round down to 333 (999), the missing point goes to the first of the equal remainders
        assertThat(Reweighting.toPoints(new double[]{1, 1, 1}, 1000, 0)).containsExactly(334, 333, 333);
        assertThat(Reweighting.toPoints(new double[]{1, 1, 1}, 1000, 2)).containsExactly(333.34, 333.33, 333.33);
        // 123.4 / 500 / 376.6 → 123 + 500 + 376 = 999; the largest remainder (.6) takes the last point
        assertThat(Reweighting.toPoints(new double[]{0.1234, 0.5, 0.3766}, 1000, 0)).containsExactly(123, 500, 377);
        // relative weights need not sum to 1
        assertThat(Reweighting.toPoints(new double[]{2, 0, 6}, 100, 0)).containsExactly(25, 0, 75);
    }

    @Test
    void pointsCannotComeFromNothing() {
        assertThatThrownBy(() -> Reweighting.toPoints(new double[]{0, 0}, 1000, 0)).isInstanceOf(CalibrationException.class);
        assertThatThrownBy(() -> Reweighting.toPoints(new double[]{1, -1}, 1000, 0)).isInstanceOf(CalibrationException.class);
    }

    @Test
    void aCalibratedStageGoesIntoACopyOfTheModel() {
        ScoreModel model = ModelLoader.defaultModel();
        List<String> codes = model.indicatorCodes();
        double[] equal = new double[codes.size()];
        java.util.Arrays.fill(equal, 1);
        ScoreModel draft = Reweighting.scaled(model, Stage.GROWTH, new Weights(codes, equal, List.of()), 0, "2026.1-草稿");
        assertThat(draft.version()).isEqualTo("2026.1-草稿");
        assertThat(draft.reference()).isEqualTo("panyu-2025@2026.1-草稿");
        // 1000 / 18 = 55.56: 10 indicators get 56 and 8 get 55 (10·56 + 8·55 = 1000), the earlier ones first
        double sum = 0;
        for (int j = 0; j < codes.size(); j++) {
            Indicator i = draft.indicators().get(j);
            assertThat(i.weight(Stage.GROWTH)).isEqualTo(j < 10 ? 56 : 55);
            assertThat(i.weight(Stage.STARTUP)).isEqualTo(model.indicators().get(j).weight(Stage.STARTUP));
            assertThat(i.weight(Stage.MATURE)).isEqualTo(model.indicators().get(j).weight(Stage.MATURE));
            assertThat(i.transform()).isEqualTo(model.indicators().get(j).transform());
            sum += i.weight(Stage.GROWTH);
        }
        assertThat(sum).isEqualTo(1000);
        assertThat(draft.tiers()).isEqualTo(model.tiers());
        assertThat(draft.bonusItems()).isEqualTo(model.bonusItems());
    }

    @Test
    void weightsMustCoverTheModelAndSumToItsTotal() {
        ScoreModel model = SensitivityTests.ACTIVE;
        assertThatThrownBy(() -> Reweighting.withStageWeights(model, Stage.STARTUP, Map.of("A", 100.0), "2"))
                .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.messageZh()).contains("B"));
        assertThatThrownBy(() -> Reweighting.withStageWeights(model, Stage.STARTUP, Map.of("A", 50.0, "B", 40.0), "2"))
                .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.messageZh()).contains("应为 100"));
        assertThatThrownBy(() -> Reweighting.withStageWeights(model, Stage.STARTUP, Map.of("A", 50.0, "B", 40.0, "C", 10.0), "2"))
                .isInstanceOfSatisfying(CalibrationException.class, e -> assertThat(e.messageZh()).contains("没有指标 C"));
    }

    @Test
    void aModelsWeightsOfAStage() {
        Weights w = Weights.ofModel(ModelLoader.defaultModel(), Stage.STARTUP);
        assertThat(w.names()).hasSize(18).startsWith("T1", "T2");
        assertThat(w.weight("T1")).isEqualTo(80); // panyu-2025.yaml: T1 STARTUP 80, T2 90, G2 120
        assertThat(w.weight("T2")).isEqualTo(90);
        assertThat(w.weight("G2")).isEqualTo(120);
    }

    @Test
    void subjectiveAndObjectiveWeightsCombine() {
        Weights subjective = new Weights(List.of("a", "b"), new double[]{600, 400}, List.of()); // points: normalised first
        Weights objective = new Weights(List.of("b", "a"), new double[]{0.8, 0.2}, List.of());  // another order
        Weights c = Weights.combine(subjective, objective, 0.25);
        // a: 0.25·0.6 + 0.75·0.2 = 0.30; b: 0.25·0.4 + 0.75·0.8 = 0.70
        assertThat(c.names()).containsExactly("a", "b");
        assertThat(c.weights()).containsExactly(new double[]{0.30, 0.70}, within(1e-15));
        assertThatThrownBy(() -> Weights.combine(subjective, objective, 1.5)).isInstanceOf(CalibrationException.class);
    }
}
