package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.analytics.Chart.Point;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;

/**
 * The dashboard's figures against values worked out by hand for nine enterprises published in 2025 and six
 * in 2024, handed out by a stand-in read model (DashboardIntegrationTests checks the real one).
 */
class DistrictDashboardTests {

    private final SmallDistrict district = SmallDistrict.twoYears();
    private final PublishedResults published = district.published;
    private final RunSnapshots snapshots = district.snapshots;
    private final DistrictDashboard dashboard = district.dashboard;

    @Test
    void keyFiguresOfTheWholeDistrict() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        assertThat(view.filter().year()).isEqualTo(2025);
        assertThat(view.previousYear()).isEqualTo(2024);
        assertThat(view.figures().evaluated()).isEqualTo(9);
        assertThat(view.figures().listed()).isEqualTo(6);
        assertThat(view.figures().tiers()).containsExactly(2L, 4L, 0L);
        // (80 + 70 + 3 × 40 + 4 × 65) / 9 = 530 / 9 = 58.888… ; 2024: (40 + 46.5 + 3 × 60 + 20) / 6 = 286.5 / 6 = 47.75
        assertThat(view.figures().average()).isEqualByComparingTo("58.89");
        assertThat(view.figures().previousEvaluated()).isEqualTo(6);
        assertThat(view.figures().previousAverage()).isEqualByComparingTo("47.75");
        assertThat(view.figures().averageChange()).isEqualByComparingTo("11.14");
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
        // 初创期: 2024 (40 + 46.5 + 20) / 3 = 35.5, 2025 270 / 5 = 54; 成长期: 180 / 3, 260 / 4; 稳定期 none
        assertThat(trend.series().get(0).points()).extracting(p -> (BigDecimal) p.value())
                .usingElementComparator(BigDecimal::compareTo).containsExactly(new BigDecimal("35.5"), new BigDecimal("54"));
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
        // 2024 in 南村镇: S1 40 and S3 46.5 (G4 was in 大石街道)
        assertThat(view.figures().previousAverage()).isEqualByComparingTo("43.25");
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
    void moversCompareTheSameStageOnly() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        // S1 +40, G1–G3 +5 each (ties by USCC); G4 changed stage; S3 fell 6.5
        assertThat(view.risers()).extracting(ScoreChange::uscc).containsExactly("S1", "G1", "G2", "G3");
        assertThat(view.risers().get(0).change()).isEqualByComparingTo("40");
        assertThat(view.fallers()).extracting(ScoreChange::uscc).containsExactly("S3");
        assertThat(view.fallers().get(0).change()).isEqualByComparingTo("-6.5");
        assertThat(dashboard.view(new DashboardFilter(2025, "GROWTH", null, null)).orElseThrow().risers())
                .extracting(ScoreChange::uscc).containsExactly("G1", "G2", "G3");
        assertThat(dashboard.view(new DashboardFilter(2024, null, null, null)).orElseThrow().risers()).isEmpty();
    }

    @Test
    void aRunIsReadOnceHoweverOftenTheDashboardIsAsked() {
        for (int i = 0; i < 3; i++) {
            dashboard.view(DashboardFilter.none());
        }

        verify(published, times(1)).each(eq(ScoreFilter.year(2025)), any(), any());
        verify(published, times(1)).each(eq(ScoreFilter.year(2024)), any(), any());
    }

    @Test
    void theWarmUpReadsEveryPublishedYearSoThatTheFirstRequestReadsNothing() {
        SnapshotWarmUp warmUp = new SnapshotWarmUp(published, snapshots, district.yearQualifications, true);
        try {
            assertThat(warmUp.warm()).isEqualTo(2);
            // and the newest year's qualifications, which every request without a year shows
            verify(district.records, times(1)).forEachQualifications(eq(2025), any());
            verify(published, times(1)).each(eq(ScoreFilter.year(2025)), any(), any());
            verify(published, times(1)).each(eq(ScoreFilter.year(2024)), any(), any());

            assertThat(dashboard.view(DashboardFilter.none()).orElseThrow().figures().evaluated()).isEqualTo(9);
            verify(published, times(2)).each(any(), any(), any());
            verify(district.records, times(1)).forEachQualifications(eq(2025), any());
        } finally {
            warmUp.stop();
        }
    }

    @Test
    void histogramsCountEachStagesTotalsInBinsWithoutGaps() {
        List<ScoreHistogram> h = dashboard.histograms(2025, 10);

        // start-ups 80, 70, 40, 40, 40: bins 40–50 … 80–90, the empty 50–60 and 60–70 kept
        assertThat(h.get(0).stage()).isEqualTo(Stage.STARTUP);
        assertThat(h.get(0).evaluated()).isEqualTo(5);
        assertThat(h.get(0).bins()).extracting(ScoreHistogram.Bin::label).containsExactly("40–50", "50–60", "60–70", "70–80", "80–90");
        assertThat(h.get(0).bins()).extracting(ScoreHistogram.Bin::count).containsExactly(3L, 0L, 0L, 1L, 1L);
        assertThat(h.get(0).largest()).isEqualTo(3);
        // growth 4 × 65; no mature enterprise
        assertThat(h.get(1).bins()).containsExactly(new ScoreHistogram.Bin(60, 70, 4));
        assertThat(h.get(2).evaluated()).isZero();
        assertThat(h.get(2).bins()).isEmpty();
        // 2024 start-ups 40, 46.5, 20 in bins of 25: 0–25 holds 20, 25–50 the other two
        assertThat(dashboard.histograms(2024, 25).get(0).bins()).extracting(ScoreHistogram.Bin::count).containsExactly(1L, 2L);
        assertThat(dashboard.histograms(2023, 10)).isEmpty();
    }

    @Test
    void qualificationsByTierCountTheYearsMergedRecords() {
        Chart q = dashboard.view(DashboardFilter.none()).orElseThrow().chart("qualifications").orElseThrow();

        assertThat(q.categories()).containsExactly("高新技术企业", "科技型中小企业", "专精特新中小企业", "专精特新“小巨人”企业", "瞪羚企业");
        // 高企: S1 (领跑) and S3 (no list); 科小: S1; 专精特新: G1 (竞跑)
        assertThat(values(q, 0)).containsExactly(1L, 1L, 0L, 0L, 0L);
        assertThat(values(q, 1)).containsExactly(0L, 0L, 1L, 0L, 0L);
        assertThat(values(q, 3)).containsExactly(1L, 0L, 0L, 0L, 0L);
        assertThat(q.series().get(0).points().get(0).url()).isEqualTo("/enterprises?year=2025&qualification=HTE&tier=LEAD");
        // a stage filter narrows the counts and keeps its place in the link
        Chart growth = dashboard.view(new DashboardFilter(2025, "GROWTH", null, null)).orElseThrow().chart("qualifications").orElseThrow();
        assertThat(values(growth, 0)).containsExactly(0L, 0L, 0L, 0L, 0L);
        assertThat(growth.series().get(1).points().get(2).url()).isEqualTo("/enterprises?year=2025&stage=GROWTH&qualification=SRDI&tier=RUN");
    }

    @Test
    void aQualificationFilterNarrowsEveryYearByItsOwnRecords() {
        DashboardView view = dashboard.view(new DashboardFilter(2025, null, null, null, "TSME")).orElseThrow();

        // 2025 科小: S1 (80); 2024 科小: S1 (40)
        assertThat(view.figures().evaluated()).isEqualTo(1);
        assertThat(view.figures().average()).isEqualByComparingTo("80");
        assertThat(view.figures().previousAverage()).isEqualByComparingTo("40");
        assertThat(view.risers()).extracting(ScoreChange::uscc).containsExactly("S1");
        assertThat(view.fallers()).isEmpty();
        assertThat(view.chart("qualifications").orElseThrow().categories()).containsExactly("科技型中小企业");
        assertThat(view.chart("towns").orElseThrow().series().get(0).points().get(0).url())
                .isEqualTo("/enterprises?year=2025&town=%E5%8D%97%E6%9D%91%E9%95%87&qualification=TSME&tier=LEAD");
        // 高企 in 2025: S1 80, S3 40; none in 2024
        DashboardView hte = dashboard.view(new DashboardFilter(2025, null, null, null, "HTE")).orElseThrow();
        assertThat(hte.figures().evaluated()).isEqualTo(2);
        assertThat(hte.figures().average()).isEqualByComparingTo("60");
        assertThat(hte.figures().previousEvaluated()).isZero();
        // an unknown code is no filter
        assertThat(dashboard.view(new DashboardFilter(2025, null, null, null, "NOPE")).orElseThrow().figures().evaluated()).isEqualTo(9);
    }

    @Test
    void qualificationsAreReadAgainWhenTheYearsRecordsChange() {
        dashboard.view(DashboardFilter.none());
        district.qualify(2025, "S4", cn.gov.panyu.points.engine.input.Qualification.HTE);

        Chart q = dashboard.view(DashboardFilter.none()).orElseThrow().chart("qualifications").orElseThrow();

        assertThat(values(q, 3).get(0)).isEqualTo(2L);
    }

    @Test
    void theRecordsStampIsAskedAtMostOncePerRecheckPeriod() {
        YearQualifications kept = new YearQualifications(district.records, java.time.Duration.ofHours(1));
        kept.of(2025);
        district.qualify(2025, "S4", cn.gov.panyu.points.engine.input.Qualification.HTE);

        kept.of(2025);
        kept.of(2025);

        verify(district.records, times(1)).stamp(2025);
    }

    @Test
    void keptIndicatorFiguresFollowAChangeOfTheYearsQualifications() {
        DashboardFilter tsme = new DashboardFilter(2025, null, null, null, "TSME");
        // 科小 start-ups in 2025: S1 alone, T1 30
        assertThat(decimals(dashboard.view(tsme).orElseThrow().chart("averages-STARTUP").orElseThrow(), 0).get(0)).isEqualTo("30");
        district.qualify(2025, "S2", cn.gov.panyu.points.engine.input.Qualification.TSME);

        // S1 and S2: (30 + 20) / 2
        assertThat(decimals(dashboard.view(tsme).orElseThrow().chart("averages-STARTUP").orElseThrow(), 0).get(0)).isEqualTo("25");
    }

    @Test
    void eachIndicatorsMedianPerStageOverTheYears() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        Chart startups = view.chart("medians-STARTUP").orElseThrow();
        assertThat(startups.title()).isEqualTo("初创期各指标得分中位数的年度变化");
        assertThat(startups.categories()).containsExactly("2024 年度", "2025 年度");
        // named as the model names them; indicators without points draw no line
        assertThat(startups.series()).extracting(Chart.Series::name).containsExactly("研发费用总额", "研发费用占营业收入比例");
        // T1: 2024 start-ups 10, 14, 6 → 10; 2025 30, 20, 10, 10, 10 → 10. T2: none in 2024; 5, 6, 7, 35, 40 → 7
        assertThat(decimals(startups, 0)).containsExactly("10", "10");
        assertThat(startups.series().get(1).points().get(0).value()).isNull();
        assertThat(startups.series().get(1).points().get(1).value()).isEqualTo(new BigDecimal("7.00"));
        // growth T1: 2024 10, 11, 12 → 11; 2025 8, 12, 16, 20 → (12 + 16) / 2 = 14
        assertThat(decimals(view.chart("medians-GROWTH").orElseThrow(), 0)).containsExactly("11", "14");
        assertThat(view.chart("medians-MATURE")).isEmpty();
        assertThat(startups.series().get(0).points().get(0).url()).isEqualTo("/enterprises?year=2024&stage=STARTUP");
    }

    @Test
    void indicatorAveragesOfEachStageAgainstItsBestTier() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        Chart startups = view.chart("averages-STARTUP").orElseThrow();
        assertThat(startups.categories()).containsExactly("研发费用总额", "研发费用占营业收入比例");
        assertThat(startups.series()).extracting(Chart.Series::name).containsExactly("初创期平均", "领跑企业平均");
        // T1: (30 + 20 + 3 × 10) / 5 = 16, 领跑 (30 + 20) / 2 = 25; T2: 93 / 5 = 18.6, 领跑 75 / 2 = 37.5
        assertThat(decimals(startups, 0)).containsExactly("16", "18.6");
        assertThat(decimals(startups, 1)).containsExactly("25", "37.5");
        assertThat(startups.series().get(1).points().get(0).url()).isEqualTo("/enterprises?year=2025&stage=STARTUP&tier=LEAD");
        // growth has no leaders: its best tier is 竞跑, which holds all four
        Chart growth = view.chart("averages-GROWTH").orElseThrow();
        assertThat(growth.series()).extracting(Chart.Series::name).containsExactly("成长期平均", "竞跑企业平均");
        assertThat(decimals(growth, 1)).containsExactly("14", "50");
        // under a town filter only its enterprises count: 大石街道 has no start-up in 2025
        assertThat(dashboard.view(new DashboardFilter(2025, null, "大石街道", null)).orElseThrow().chart("averages-STARTUP")).isEmpty();
    }

    @Test
    void creditAndPoolSizesOfTheYearAsTheirFeaturesCountThem() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        Outcomes.Credit credit = view.outcomes().credit();
        assertThat(credit.applications()).isEqualTo(6);
        assertThat(credit.approvals()).isEqualTo(4);
        assertThat(credit.loans()).isEqualTo(4);
        assertThat(credit.loanAmount()).isEqualByComparingTo("750");
        assertThat(credit.url()).isEqualTo("/credit/totals?year=2025");
        // the newest version of each pool built for the year: 科小 7 − 1 removed, 高企 4
        assertThat(view.outcomes().pools()).containsExactly(
                new Outcomes.PoolSize("科小入库后备", 6, 3, "/cultivation/pools?year=2025"),
                new Outcomes.PoolSize("高企后备", 4, 0, "/cultivation/pools?year=2025"));
        Chart amounts = view.chart("credit").orElseThrow();
        assertThat(amounts.categories()).containsExactly("初创期", "成长期", "无发布结果");
        assertThat(amounts.series()).extracting(Chart.Series::name).containsExactly("领跑", "竞跑", "进取", "未上榜");
        assertThat(decimals(amounts, 0)).containsExactly("300", "0", "0");
        assertThat(decimals(amounts, 1)).containsExactly("0", "350", "0");
        assertThat(decimals(amounts, 3)).containsExactly("0", "0", "100");
        assertThat(amounts.series().get(0).points().get(0).url()).isEqualTo("/credit/totals?year=2025");
        // 2024 had no credit and no pool: nothing to show, no chart
        DashboardView before = dashboard.view(new DashboardFilter(2024, null, null, null)).orElseThrow();
        assertThat(before.outcomes().any()).isFalse();
        assertThat(before.chart("credit")).isEmpty();
    }

    @Test
    void nothingPublishedIsNoDashboard() {
        district.clear();

        assertThat(dashboard.view(DashboardFilter.none())).isEmpty();
    }

    /** The series' values as plain text without trailing zeros ("16", "18.6"), to compare with hand-computed ones. */
    private static List<String> decimals(Chart chart, int series) {
        return chart.series().get(series).points().stream()
                .map(p -> ((BigDecimal) p.value()).stripTrailingZeros().toPlainString()).toList();
    }

    private static List<Object> values(Chart chart, int series) {
        return chart.series().get(series).points().stream().map(p -> (Object) p.value()).toList();
    }
}
