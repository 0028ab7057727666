package cn.gov.panyu.points.engine.model;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ModelLoaderTests {

    static String defaultText() throws IOException {
        try (InputStream in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_MODEL_RESOURCE)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void theDefaultModelIsPanyu2025WithEighteenIndicatorsSummingTo1000PerStage() {
        ScoreModel m = ModelLoader.defaultModel();
        assertThat(m.id()).isEqualTo("panyu-2025");
        assertThat(m.indicatorCodes()).containsExactly("T1", "T2", "T3", "T4", "T5", "T6", "T7", "T8",
                "G1", "G2", "G3", "G4", "G5", "G6", "A1", "A2", "A3", "A4");
        for (Stage s : Stage.values()) {
            assertThat(m.indicators().stream().mapToDouble(i -> i.weight(s)).sum()).isEqualTo(1000.0);
        }
        assertThat(m.towns()).hasSize(16).contains("小谷围街道", "石碁镇");
        assertThat(m.keyIndustries()).hasSize(10).contains("C36", "M73");
        assertThat(m.bonusCap()).isEqualTo(100.0);
        assertThat(m.tiers()).extracting(TierRule::topPercent).containsExactly(5, 10, 20);
        assertThat(m.indicator("G2").weight(Stage.STARTUP)).isEqualTo(120.0);
        assertThat(m.stageOf(500)).isEqualTo(Stage.GROWTH);
    }

    @Test
    void jsonIsAcceptedToo() {
        String json = """
                {"id": "tiny", "version": "1", "name": "小模型",
                 "district": {"name": "番禺区", "towns": ["市桥街道"]},
                 "stages": {"growthFrom": 500, "matureFrom": 10000}, "coreTotal": 100,
                 "indicators": [{"code": "T1", "category": "技术创新", "name": "研发费用", "value": "rd_expense",
                                 "transform": "percentile", "weights": {"STARTUP": 100, "成长期": 100, "MATURE": 100}}],
                 "keyIndustries": [], "bonus": {"cap": 0, "items": []}, "negatives": [],
                 "tiers": [{"tier": "LEAD", "topPercent": 5}]}
                """;
        ScoreModel m = ModelLoader.parse(json, "tiny.json");
        assertThat(m.indicator("T1").weight(Stage.GROWTH)).isEqualTo(100.0);
    }

    @Test
    void reportsEveryProblemAtOnce() throws IOException {
        String broken = defaultText()
                .replace("weights: {STARTUP: 80, GROWTH: 80, MATURE: 90}", "weights: {STARTUP: 85, GROWTH: 80, MATURE: 90}")
                .replace("code: T3,", "code: T2,")
                .replace("value: tech_contract", "value: tech_contracts")
                .replace("bands: [{atLeast: 2, fraction: 1.0}, {atLeast: 1, fraction: 0.6}]\n    weights: {STARTUP: 20, GROWTH: 40",
                        "bands: [{atLeast: 1, fraction: 1.0}, {atLeast: 2, fraction: 1.6}]\n    weights: {STARTUP: 20, GROWTH: 40")
                .replace("transform: set", "transform: sets")
                .replace("{tier: RUN, topPercent: 10}", "{tier: RUN, topPercent: 3}")
                .replace("effect: deduct, points: 100}\n  - {code: TAX_D", "effect: deduct}\n  - {code: TAX_D")
                .replace("keyIndustries: [C36,", "keyIndustries: [X99,");
        List<ModelProblem> problems = ModelLoader.problems(broken, "broken.yaml");
        assertThat(problems).extracting(ModelProblem::toString).anySatisfy(p -> assertThat(p).startsWith("indicators.weights.STARTUP：")
                        .contains("初创期权重合计为 1005，应为 1000"))
                .anySatisfy(p -> assertThat(p).contains("编码「T2」重复"))
                .anySatisfy(p -> assertThat(p).contains("未知的取值字段「tech_contracts」"))
                .anySatisfy(p -> assertThat(p).contains("分档门槛须从高到低严格递减"))
                .anySatisfy(p -> assertThat(p).contains("得分比例须在 0 到 1 之间"))
                .anySatisfy(p -> assertThat(p).contains("未知的变换「sets」"))
                .anySatisfy(p -> assertThat(p).contains("比例递增"))
                .anySatisfy(p -> assertThat(p).contains("negatives[2].points"))
                .anySatisfy(p -> assertThat(p).contains("X99"));
        assertThat(problems).hasSizeGreaterThanOrEqualTo(9);
    }

    @Test
    void indicatorCodesAreIdentifiersBecauseStoredPointsAreKeyedByThem() throws IOException {
        List<ModelProblem> problems = ModelLoader.problems(defaultText().replace("code: T3,", "code: \"T3=1;\","),
                "separators.yaml");
        assertThat(problems).extracting(ModelProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("编码「T3=1;」只能由字母、数字、下划线或连字符组成"));
        assertThat(ModelLoader.problems(defaultText().replace("code: T3,", "code: R_D-3,"), "ok.yaml")).isEmpty();
    }

    @Test
    void rejectsUnknownFieldsMismatchedTransformsAndBadYaml() throws IOException {
        String text = defaultText().replace("coreTotal: 1000", "coreTotal: 1000\nweight_sum: 1000")
                .replace("value: qualifications", "value: awards_5y");
        assertThat(ModelLoader.problems(text, "x.yaml")).extracting(ModelProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("未知字段「weight_sum」"))
                .anySatisfy(p -> assertThat(p).contains("set 变换需要集合型取值"));
        assertThatThrownBy(() -> ModelLoader.parse("id: [unclosed", "bad.yaml"))
                .isInstanceOf(ModelException.class).hasMessageContaining("不是有效的 YAML");
        assertThatThrownBy(() -> ModelLoader.parse("id: a\nid: b\n", "dup.yaml"))
                .isInstanceOf(ModelException.class).hasMessageContaining("YAML");
    }

    @Test
    void missingStageWeightAndNegativeWeightAreProblems() throws IOException {
        String text = defaultText().replace("weights: {STARTUP: 50, GROWTH: 50, MATURE: 50}", "weights: {STARTUP: -50, GROWTH: 50}");
        assertThat(ModelLoader.problems(text, "x.yaml")).extracting(ModelProblem::toString)
                .anySatisfy(p -> assertThat(p).contains("缺少阶段 MATURE"))
                .anySatisfy(p -> assertThat(p).contains("权重不能为负"));
    }
}
