package cn.gov.panyu.points.platform.calibration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.calibration.Ahp;
import cn.gov.panyu.points.engine.calibration.CriteriaMatrix;
import cn.gov.panyu.points.engine.calibration.CriticWeights;
import cn.gov.panyu.points.engine.calibration.EntropyWeights;
import cn.gov.panyu.points.engine.calibration.Weights;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;

/** The page's figures are the engine's for the same matrix, on a small hand-made district. */
class CalibrationsTests {

    private static final ScoreModel MODEL = ModelLoader.defaultModel();
    /** Six growth-stage enterprises (revenue 500 ≤ r &lt; 10,000 万元) differing in a few indicators. */
    private static final RecordColumns DATA = RecordColumns.of(district());

    private static List<EnterpriseRecord> district() {
        double[][] v = {
                // revenue, R&D expense, R&D staff, tax, class-I IP
                {800, 50, 4, 20, 0},
                {1200, 120, 9, 45, 2},
                {3000, 90, 6, 150, 1},
                {5200, 400, 30, 300, 6},
                {950, 0, 1, 10, 0},
                {7600, 260, 12, 480, 3}};
        List<EnterpriseRecord> records = new ArrayList<>();
        for (int k = 0; k < v.length; k++) {
            records.add(EnterpriseRecord.builder(String.format("91440113%010d", k)).name("样本企业" + k).town("市桥街道")
                    .industry("C39").established(LocalDate.of(2015, 1, 1)).set(InputField.EMPLOYEES, 40 + 10 * k)
                    .set(InputField.REVENUE_Y0, v[k][0]).set(InputField.RD_EXPENSE, v[k][1])
                    .set(InputField.RD_STAFF, v[k][2]).set(InputField.TAX_PAID, v[k][3])
                    .set(InputField.IP_CLASS1, v[k][4]).build());
        }
        return records;
    }

    private static String[][] ahp(String... upper) {
        String[][] a = new String[3][3];
        a[0][1] = upper[0];
        a[0][2] = upper[1];
        a[1][2] = upper[2];
        return a;
    }

    @Test
    void objectiveWeightsAreTheEnginesForTheStagesFractions() {
        CriteriaMatrix m = CriteriaMatrix.fractions(MODEL, DATA, Stage.GROWTH);
        Weights entropy = EntropyWeights.compute(m);
        Weights critic = CriticWeights.compute(m, Set.of());

        Calibration e = Calibrations.compute(MODEL, DATA, new CalibrationRequest(2025, Stage.GROWTH, ObjectiveMethod.ENTROPY_SUM, 0.5, null));
        Calibration c = Calibrations.compute(MODEL, DATA, new CalibrationRequest(2025, Stage.GROWTH, ObjectiveMethod.CRITIC, 0.5, null));

        assertThat(e.enterprises()).isEqualTo(6);
        for (Calibration.Row r : e.rows()) {
            assertThat(r.objective()).as(r.code()).isEqualTo(entropy.weight(r.code()));
            assertThat(r.modelPoints()).as(r.code()).isEqualTo(MODEL.indicator(r.code()).weight(Stage.GROWTH));
            assertThat(r.ahp()).isNull();
        }
        for (Calibration.Row r : c.rows()) {
            assertThat(r.objective()).as(r.code()).isEqualTo(critic.weight(r.code()));
        }
        // an indicator nobody of the six has carries no information, whatever the method
        assertThat(e.rows().stream().filter(r -> r.code().equals("G5")).findFirst().orElseThrow().objective()).isZero();
        // … and the note saying so names it as users know it, not by its code
        assertThat(e.notes()).anyMatch(n -> n.contains("「近三年股权融资额」")).noneMatch(n -> n.contains("G5"));
    }

    @Test
    void combinedWeightsMixTheModelAndTheObjectiveWeightsAndScaleToTheModelsTotal() {
        Calibration c = Calibrations.compute(MODEL, DATA, new CalibrationRequest(2025, Stage.GROWTH, ObjectiveMethod.ENTROPY_MINMAX, 0.3, null));

        double modelTotal = c.rows().stream().mapToDouble(Calibration.Row::modelPoints).sum();
        for (Calibration.Row r : c.rows()) {
            assertThat(r.combined()).as(r.code()).isCloseTo(0.3 * r.modelPoints() / modelTotal + 0.7 * r.objective(), within(1e-12));
            assertThat(r.points()).as(r.code()).isEqualTo(Math.rint(r.points())).isCloseTo(1000 * r.combined(), within(1.0));
        }
        assertThat(c.totalPoints()).isEqualTo(1000.0);
    }

    @Test
    void ahpWeightsTheCategoriesAndSpreadsThemInTheModelsProportions() {
        List<String> categories = Calibrations.categories(MODEL);
        assertThat(categories).hasSize(3);
        Ahp.Result engine = Ahp.analyse(new double[][]{{1, 3, 5}, {1 / 3.0, 1, 2}, {1 / 5.0, 1 / 2.0, 1}});

        Calibration c = Calibrations.compute(MODEL, DATA,
                new CalibrationRequest(2025, Stage.GROWTH, ObjectiveMethod.ENTROPY_SUM, 1.0, ahp("3", "5", "2")));

        assertThat(c.ahp().cr()).isEqualTo(engine.cr());
        assertThat(c.ahp().lambdaMax()).isEqualTo(engine.lambdaMax());
        for (int k = 0; k < categories.size(); k++) {
            String category = categories.get(k);
            double share = c.rows().stream().filter(r -> r.category().equals(category)).mapToDouble(Calibration.Row::ahp).sum();
            assertThat(share).as(category).isCloseTo(engine.weights()[k], within(1e-12));
        }
        Calibration.Row t1 = c.rows().get(0);
        double t1Category = c.rows().stream().filter(r -> r.category().equals(t1.category()))
                .mapToDouble(Calibration.Row::modelPoints).sum();
        assertThat(t1.ahp()).isCloseTo(engine.weights()[0] * t1.modelPoints() / t1Category, within(1e-12));
        // α = 1: the combination is the subjective side alone
        assertThat(t1.combined()).isCloseTo(t1.ahp(), within(1e-12));
        assertThat(c.totalPoints()).isEqualTo(1000.0);
    }

    @Test
    void anInconsistentMatrixIsRefusedNamingItsWorstJudgementInChinese() {
        // A ≻ B (9), B ≻ C (9) but C ≻ A (9): as inconsistent as judgements get
        assertThatThrownBy(() -> Calibrations.compute(MODEL, DATA,
                new CalibrationRequest(2025, Stage.GROWTH, ObjectiveMethod.ENTROPY_SUM, 0.5, ahp("9", "1/9", "9"))))
                .isInstanceOf(CalibrationRefusedException.class)
                .hasMessageContaining("一致性比率 CR")
                .hasMessageContaining("不小于 0.10")
                .hasMessageContaining("最不一致的判断：“");
    }

    @Test
    void unreadableOrOffScaleJudgementsAreRefusedNamingTheCategories() {
        List<String> categories = Calibrations.categories(MODEL);
        for (String bad : List.of("abc", "12", "", "0")) {
            assertThatThrownBy(() -> Calibrations.compute(MODEL, DATA,
                    new CalibrationRequest(2025, Stage.GROWTH, ObjectiveMethod.ENTROPY_SUM, 0.5, ahp("3", bad, "2"))))
                    .as(bad)
                    .isInstanceOf(CalibrationRefusedException.class)
                    .hasMessageContaining("“" + categories.get(0) + " 相对 " + categories.get(2) + "”")
                    .hasMessageContaining("1 到 9");
        }
    }

    @Test
    void aStageWithFewerThanTwoEnterprisesIsRefusedInChinese() {
        assertThatThrownBy(() -> Calibrations.compute(MODEL, DATA,
                new CalibrationRequest(2025, Stage.MATURE, ObjectiveMethod.CRITIC, 0.5, null)))
                .isInstanceOf(CalibrationRefusedException.class)
                .hasMessageMatching(".*[\\u4e00-\\u9fa5].*");
    }
}
