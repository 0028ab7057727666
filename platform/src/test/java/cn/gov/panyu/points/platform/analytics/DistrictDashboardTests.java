package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.analytics.Chart.Point;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.evaluation.ScoreTally;

/**
 * The dashboard's figures against values worked out by hand from a tally of nine enterprises in 2025 and four
 * in 2024 (the SQL of the tally is checked against the database by DashboardIntegrationTests).
 */
class DistrictDashboardTests {

    private final PublishedResults published = mock(PublishedResults.class);
    private final DistrictDashboard dashboard = new DistrictDashboard(published);

    @BeforeEach
    void twoPublishedYears() {
        when(published.years()).thenReturn(List.of(2025, 2024));
        when(published.tally(ScoreFilter.year(2025))).thenReturn(List.of(
                tally(Stage.STARTUP, Tier.LEAD, "南村镇", "C39", 2, "150.00"),
                tally(Stage.STARTUP, null, "南村镇", "C39", 3, "120.00"),
                tally(Stage.GROWTH, Tier.RUN, "大石街道", "I65", 4, "260.00")));
        when(published.tally(ScoreFilter.year(2024))).thenReturn(List.of(
                tally(Stage.STARTUP, Tier.RISE, "南村镇", "C39", 1, "40.00"),
                tally(Stage.GROWTH, Tier.RUN, "大石街道", "I65", 3, "180.00")));
        when(published.movers(any(), anyInt(), anyBoolean(), anyInt())).thenReturn(List.of());
    }

    @Test
    void keyFiguresOfTheWholeDistrict() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        assertThat(view.filter().year()).isEqualTo(2025);
        assertThat(view.previousYear()).isEqualTo(2024);
        assertThat(view.figures().evaluated()).isEqualTo(9);
        assertThat(view.figures().listed()).isEqualTo(6);
        assertThat(view.figures().tiers()).containsExactly(2L, 4L, 0L);
        // (150 + 120 + 260) / 9 = 58.888… ; 2024: (40 + 180) / 4 = 55
        assertThat(view.figures().average()).isEqualByComparingTo("58.89");
        assertThat(view.figures().previousAverage()).isEqualByComparingTo("55.00");
        assertThat(view.figures().averageChange()).isEqualByComparingTo("3.89");
        assertThat(view.towns()).containsExactly("南村镇", "大石街道");
    }

    @Test
    void tiersByTownWithTheirDrillDownLists() {
        Chart towns = dashboard.view(DashboardFilter.none()).orElseThrow().chart("towns").orElseThrow();

        // 南村镇 has 5 enterprises, 大石街道 4: the larger first
        assertThat(towns.categories()).containsExactly("南村镇", "大石街道");
        assertThat(towns.series()).extracting(Chart.Series::name).containsExactly("领跑", "竞跑", "进取", "未上榜");
        assertThat(values(towns, 0)).containsExactly(2L, 0L);
        assertThat(values(towns, 1)).containsExactly(0L, 4L);
        assertThat(values(towns, 3)).containsExactly(3L, 0L);
        assertThat(towns.series().get(0).points().get(0).url())
                .isEqualTo("/enterprises?year=2025&town=%E5%8D%97%E6%9D%91%E9%95%87&tier=LEAD");
        assertThat(towns.series().get(3).points().get(0).url()).endsWith("&tier=NONE");
    }

    @Test
    void industriesAreNamedAndStagesKeepTheirOrder() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        assertThat(view.chart("industries").orElseThrow().categories())
                .containsExactly("C39 计算机、通信和其他电子设备制造业", "I65 软件和信息技术服务业");
        Chart stages = view.chart("stages").orElseThrow();
        assertThat(stages.categories()).containsExactly("初创期", "成长期");
        assertThat(values(stages, 3)).containsExactly(3L, 0L);
        assertThat(stages.series().get(1).points().get(1).url()).isEqualTo("/enterprises?year=2025&stage=GROWTH&tier=RUN");
    }

    @Test
    void trendAveragesEachStageOverThePublishedYears() {
        Chart trend = dashboard.view(DashboardFilter.none()).orElseThrow().chart("trend").orElseThrow();

        assertThat(trend.categories()).containsExactly("2024 年度", "2025 年度");
        // 初创期: 2024 40 / 1, 2025 270 / 5; 成长期: 180 / 3, 260 / 4; 成熟期 none
        assertThat(trend.series().get(0).points()).extracting(p -> (BigDecimal) p.value())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("40"), new BigDecimal("54"));
        assertThat(trend.series().get(1).points()).extracting(p -> (BigDecimal) p.value())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("60"), new BigDecimal("65"));
        assertThat(trend.series().get(2).points()).extracting(Point::value).containsOnlyNulls();
        assertThat(trend.series().get(0).points().get(0).url()).isEqualTo("/enterprises?year=2024&stage=STARTUP");
    }

    @Test
    void filtersNarrowEveryFigureAndEveryLink() {
        DashboardView view = dashboard.view(new DashboardFilter(2025, "初创期", "南村镇", null)).orElseThrow();

        assertThat(view.figures().evaluated()).isEqualTo(5);
        assertThat(view.figures().average()).isEqualByComparingTo("54.00");
        assertThat(view.figures().previousAverage()).isEqualByComparingTo("40.00");
        assertThat(view.chart("trend").orElseThrow().series()).extracting(Chart.Series::key).containsExactly("STARTUP");
        assertThat(view.chart("towns").orElseThrow().series().get(0).points().get(0).url())
                .isEqualTo("/enterprises?year=2025&stage=STARTUP&town=%E5%8D%97%E6%9D%91%E9%95%87&tier=LEAD");
        // the selects still offer every town of the year
        assertThat(view.towns()).containsExactly("南村镇", "大石街道");
    }

    @Test
    void anUnpublishedYearShowsTheLatestAndAnUnknownStageIsNoFilter() {
        DashboardView view = dashboard.view(new DashboardFilter(1999, "甲阶段", null, null)).orElseThrow();

        assertThat(view.filter().year()).isEqualTo(2025);
        assertThat(view.filter().stage()).isNull();
        assertThat(view.figures().evaluated()).isEqualTo(9);
    }

    @Test
    void nothingPublishedIsNoDashboard() {
        when(published.years()).thenReturn(List.of());

        assertThat(dashboard.view(DashboardFilter.none())).isEmpty();
    }

    private static List<Object> values(Chart chart, int series) {
        return chart.series().get(series).points().stream().map(p -> (Object) p.value()).toList();
    }

    private static ScoreTally tally(Stage stage, Tier tier, String town, String industry, long count, String sum) {
        return new ScoreTally(stage, tier, town, industry, count, new BigDecimal(sum));
    }
}
