package cn.gov.panyu.points.platform.scoremodel;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.Stage;

class ModelDescriptionTests {

    private final ModelDescription d = ModelDescription.of(ModelLoader.defaultModel());

    @Test
    void indicatorsAreGroupedByCategoryWithWeightSubtotalsPerStage() {
        assertThat(d.categories()).extracting(ModelDescription.Category::name).containsExactly("技术创新", "成长经营", "辅助");
        for (Stage s : Stage.values()) {
            assertThat(d.stageTotal(s)).isEqualTo(1000.0);
        }
        assertThat(d.categories().get(0).subtotal(Stage.STARTUP)).isEqualTo(80 + 90 + 50 + 70 + 100 + 50 + 40 + 20);
    }

    @Test
    void transformsAreDescribedInWords() {
        ModelDescription.Line t1 = d.categories().get(0).lines().get(0);
        ModelDescription.Line t8 = d.categories().get(0).lines().get(7);
        ModelDescription.Line a1 = d.categories().get(2).lines().get(0);

        assertThat(t1.transform()).startsWith("百分位");
        assertThat(t8.transform()).startsWith("分档 2→100%，1→60%");
        assertThat(a1.transform()).startsWith("集合 专精特新“小巨人”企业 80%，高新技术企业 60%").contains("封顶 100%");
    }

    @Test
    void bonusNegativesAndTiersAreListed() {
        assertThat(d.bonusItems()).hasSize(3).anySatisfy(b -> assertThat(b).contains("重点产业").contains("加 30 分"));
        assertThat(d.negatives()).anySatisfy(n -> assertThat(n).startsWith("失信被执行人").contains("一票否决"))
                .anySatisfy(n -> assertThat(n).contains("扣 100 分"));
        assertThat(d.tiers()).containsExactly("领跑：阶段内排名前 5%", "竞跑：阶段内排名前 10%（除去前 5%）",
                "进取：阶段内排名前 20%（除去前 10%）");
        assertThat(d.stageRule(Stage.GROWTH)).isEqualTo("500 万元 ≤ 本年营业收入 < 10000 万元");
    }

    @Test
    void copyingAModelRewritesOnlyItsVersionLine() {
        String text = "# comment\nid: x\nversion: \"2025.1\"\nname: y\n";

        assertThat(ScoreModels.withVersion(text, "2025.1-draft1")).isEqualTo("# comment\nid: x\nversion: \"2025.1-draft1\"\nname: y\n");
    }
}
