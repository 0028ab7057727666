package cn.gov.panyu.points.platform.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.asyncDispatch;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.request;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.test.context.support.WithMockUser;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.credit.CreditTotal;
import cn.gov.panyu.points.platform.credit.CreditTotals;
import cn.gov.panyu.points.platform.cultivation.Pool;
import cn.gov.panyu.points.platform.cultivation.Pools;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.portal.PortalFixture;

/**
 * The dashboard on the demo district's three published years: its figures equal what the result tables
 * say when asked directly, and every chart element's drill-down list holds as many enterprises as the
 * element counts.
 */
@DemoDistrictTest
@WithMockUser(username = "staff", roles = "STAFF")
class DashboardIntegrationTests {

    private static final int LATEST = PortalFixture.LATEST;
    private static final Pattern TOTAL = Pattern.compile("共 ([0-9,]+) 条");
    private static final String PUBLISHED = """
             from score_result s join publication p on p.run_id = s.run_id and p.data_year = ?""";
    private static final String HOLDS = """
             join enterprise_year y on y.uscc = s.uscc and y.data_year = ? where (';' || y.qualifications || ';') like ?""";

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    DistrictDashboard dashboard;
    @Autowired
    RunSnapshots snapshots;
    @Autowired
    PublishedResults published;
    @Autowired
    CreditTotals creditTotals;
    @Autowired
    Pools pools;

    @Test
    void thePublishedYearsAreReadAheadOfTheFirstRequest() throws InterruptedException {
        // the demo district publishes its years as the platform starts; each publication starts a warm-up
        List<Long> runs = published.years().stream().map(y -> published.run(y).orElseThrow().runId()).toList();
        assertThat(runs).hasSizeGreaterThanOrEqualTo(3);
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!runs.stream().allMatch(snapshots::holds) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(runs).allMatch(snapshots::holds, "read ahead");
    }

    @Test
    void keyFiguresEqualTheDatabasesForTheLatestYear() throws Exception {
        long evaluated = count("select count(*)" + PUBLISHED, LATEST);
        long lead = count("select count(*)" + PUBLISHED + " where s.tier = 'LEAD'", LATEST);
        long listed = count("select count(*)" + PUBLISHED + " where s.tier is not null", LATEST);
        BigDecimal sum = jdbc.sql("select sum(s.total)" + PUBLISHED).param(LATEST).query(BigDecimal.class).single();

        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();

        assertThat(view.filter().year()).isEqualTo(LATEST);
        assertThat(view.previousYear()).isEqualTo(LATEST - 1);
        assertThat(view.figures().evaluated()).isEqualTo(evaluated).isEqualTo(DemoDistrictTest.SIZE);
        assertThat(view.figures().tiers().get(0)).isEqualTo(lead);
        assertThat(view.figures().listed()).isEqualTo(listed);
        assertThat(view.figures().average()).isEqualByComparingTo(sum.divide(BigDecimal.valueOf(evaluated), 2, RoundingMode.HALF_UP));
        String page = page("/analytics");
        assertThat(page).contains(LATEST + " 年度统计看板").contains("id=\"fig-evaluated\">" + evaluated + "<");
    }

    @Test
    void everyCountChartsElementDrillsDownToAListOfAsManyEnterprises() throws Exception {
        DashboardView view = dashboard.view(new DashboardFilter(LATEST - 1, null, null, null)).orElseThrow();
        List<String> checked = new ArrayList<>();
        for (String id : List.of("stages", "towns", "industries")) {
            Chart chart = view.chart(id).orElseThrow();
            long sum = 0;
            for (Chart.Series s : chart.series()) {
                for (Chart.Point p : s.points()) {
                    long value = p.value().longValue();
                    sum += value;
                    if (value > 0) {
                        assertThat(total(page(p.url()))).as(id + " " + s.name() + " " + p.url()).isEqualTo(value);
                        checked.add(p.url());
                    }
                }
            }
            assertThat(sum).as(id + " counts every evaluated enterprise once").isEqualTo(view.figures().evaluated());
        }
        assertThat(checked).hasSizeGreaterThan(30);
    }

    @Test
    void qualificationChartsElementsDrillDownToListsOfAsManyEnterprises() throws Exception {
        DashboardView view = dashboard.view(new DashboardFilter(LATEST, null, null, null)).orElseThrow();
        Chart chart = view.chart("qualifications").orElseThrow();
        int checked = 0;
        for (int k = 0; k < chart.categories().size(); k++) {
            long held = 0;
            for (Chart.Series s : chart.series()) {
                Chart.Point p = s.points().get(k);
                long value = p.value().longValue();
                held += value;
                if (value > 0) {
                    assertThat(total(page(p.url()))).as(chart.categories().get(k) + " " + s.name()).isEqualTo(value);
                    checked++;
                }
            }
            // a qualification's bars together: the published enterprises whose record of the year holds it
            String code = cn.gov.panyu.points.engine.input.Qualification.values()[k].name();
            assertThat(held).as(code).isEqualTo(count("select count(*)" + PUBLISHED + HOLDS, LATEST, code));
        }
        assertThat(checked).isGreaterThan(4);
    }

    @Test
    void aQualificationFilterNarrowsFiguresAndDrillDownsToItsHolders() throws Exception {
        DashboardView view = dashboard.view(new DashboardFilter(LATEST, null, null, null, "HTE")).orElseThrow();

        long holders = count("select count(*)" + PUBLISHED + HOLDS, LATEST, "HTE");
        assertThat(holders).isPositive();
        assertThat(view.figures().evaluated()).isEqualTo(holders);
        assertThat(view.figures().previousEvaluated()).isEqualTo(count("select count(*)" + PUBLISHED + HOLDS, LATEST - 1, "HTE"));
        Chart stages = view.chart("stages").orElseThrow();
        for (Chart.Series s : stages.series()) {
            for (Chart.Point p : s.points()) {
                assertThat(p.url()).contains("qualification=HTE");
                if (p.value().longValue() > 0) {
                    assertThat(total(page(p.url()))).as(p.url()).isEqualTo(p.value().longValue());
                }
            }
        }
        // bound from the query string like the other filters
        assertThat(page("/analytics?qualification=HTE")).contains("id=\"fig-evaluated\">" + String.format("%,d", holders) + "<");
    }

    @Test
    void indicatorChartsShowTheStagesAveragesAndMediansOfThePublishedPoints() {
        DashboardView view = dashboard.view(new DashboardFilter(LATEST, "GROWTH", null, null)).orElseThrow();
        List<Long> points = new ArrayList<>();
        published.each(new cn.gov.panyu.points.platform.evaluation.ScoreFilter(LATEST, Stage.GROWTH, null, false, null, null),
                cn.gov.panyu.points.platform.table.TableQuery.of(1, 20, null, null),
                r -> points.add(r.points().of("T1").orElseThrow().movePointRight(2).longValueExact()));
        points.sort(null);
        long sum = points.stream().mapToLong(Long::longValue).sum();
        int n = points.size();

        Chart averages = view.chart("averages-GROWTH").orElseThrow();
        assertThat(averages.categories().get(0)).isEqualTo("研发费用总额");
        assertThat((BigDecimal) averages.series().get(0).points().get(0).value())
                .isEqualByComparingTo(BigDecimal.valueOf(sum, 2).divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP));
        Chart medians = view.chart("medians-GROWTH").orElseThrow();
        assertThat(medians.series().get(0).name()).isEqualTo("研发费用总额");
        assertThat((BigDecimal) medians.series().get(0).points().get(2).value()).isEqualByComparingTo(
                BigDecimal.valueOf(points.get((n - 1) / 2) + points.get(n / 2), 2).divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_UP));
        assertThat(view.chart("medians-STARTUP")).isEmpty();
    }

    @Test
    void creditAndPoolFiguresEqualTheirFeaturesAndLinkToTheirPages() throws Exception {
        int withCredit = 0;
        // pages last: a request through MockMvc ends the test's security context for direct service calls
        List<Integer> pagesWithCredit = new ArrayList<>();
        for (int year : published.years()) {
            DashboardView view = dashboard.view(new DashboardFilter(year, "GROWTH", null, null, "HTE")).orElseThrow();
            List<CreditTotal> rows = creditTotals.totals(new CreditTotals.Filter(year, null));
            Outcomes.Credit credit = view.outcomes().credit();
            if (rows.isEmpty()) {
                assertThat(credit).as("" + year).isNull();
            } else {
                withCredit++;
                CreditTotal sum = CreditTotals.sum(rows);
                // the district's figures whatever the filters
                assertThat(credit.loans()).isEqualTo(sum.loans());
                assertThat(credit.applications()).isEqualTo(sum.applications());
                assertThat(credit.loanAmount()).isEqualByComparingTo(sum.loanAmount());
                pagesWithCredit.add(year);
            }
            List<Long> kept = new ArrayList<>();
            for (Pool pool : Pool.values()) {
                pools.latest(pool, year).ifPresent(v -> kept.add(v.kept()));
            }
            assertThat(view.outcomes().pools()).extracting(Outcomes.PoolSize::kept).as("" + year).isEqualTo(kept);
        }
        assertThat(withCredit).as("the demo district has a loan").isPositive();
        for (int year : pagesWithCredit) {
            assertThat(page("/analytics?year=" + year)).contains("href=\"/credit/totals?year=" + year + "\"");
        }
    }

    @Test
    void trendPointsAverageTheEnterprisesOfTheirDrillDownList() throws Exception {
        Chart trend = dashboard.view(DashboardFilter.none()).orElseThrow().chart("trend").orElseThrow();

        assertThat(trend.categories()).containsExactly((LATEST - 2) + " 年度", (LATEST - 1) + " 年度", LATEST + " 年度");
        Chart.Point growth2 = trend.series().get(Stage.GROWTH.ordinal()).points().get(1);
        BigDecimal expected = jdbc.sql("select avg(s.total)" + PUBLISHED + " where s.stage = 'GROWTH'").param(LATEST - 1)
                .query(BigDecimal.class).single().setScale(2, RoundingMode.HALF_UP);
        assertThat((BigDecimal) growth2.value()).isEqualByComparingTo(expected);
        assertThat(total(page(growth2.url()))).isEqualTo(
                count("select count(*)" + PUBLISHED + " where s.stage = 'GROWTH'", LATEST - 1));
    }

    @Test
    void moversAreTheLargestChangesWithinAStage() {
        DashboardView view = dashboard.view(DashboardFilter.none()).orElseThrow();
        BigDecimal largestGain = jdbc.sql("""
                        select max(c.total - pr.total) from score_result c
                        join publication pc on pc.run_id = c.run_id and pc.data_year = ?
                        join score_result pr on pr.uscc = c.uscc and pr.stage = c.stage
                        join publication pp on pp.run_id = pr.run_id and pp.data_year = ?""")
                .params(LATEST, LATEST - 1).query(BigDecimal.class).single();

        assertThat(view.risers()).hasSize(DistrictDashboard.MOVERS);
        assertThat(view.risers().get(0).change()).isEqualByComparingTo(largestGain);
        assertThat(view.risers()).extracting(ScoreChange::change).isSortedAccordingTo((a, b) -> b.compareTo(a))
                .allSatisfy(c -> assertThat(c.signum()).isPositive());
        assertThat(view.fallers()).extracting(ScoreChange::change).isSortedAccordingTo(BigDecimal::compareTo)
                .allSatisfy(c -> assertThat(c.signum()).isNegative());
    }

    @Test
    void everyChartExportsItsDataAndAnUnknownChartIsNotFound() throws Exception {
        for (String chart : List.of("stages", "towns", "industries", "trend", "qualifications", "medians-GROWTH",
                "averages-MATURE", "risers", "fallers")) {
            MvcResult started = mvc.perform(get("/analytics/export?chart=" + chart + "&year=" + LATEST).with(TestUsers.staff()))
                    .andExpect(request().asyncStarted()).andReturn();
            MvcResult result = mvc.perform(asyncDispatch(started)).andExpect(status().isOk()).andReturn();
            assertThat(result.getResponse().getContentType()).as(chart).startsWith("application/vnd.openxmlformats");
            assertThat(result.getResponse().getContentAsByteArray()).as(chart).hasSizeGreaterThan(1000);
        }
        mvc.perform(get("/analytics/export?chart=nothing").with(TestUsers.staff())).andExpect(status().isNotFound());
        mvc.perform(get("/analytics/export").with(TestUsers.staff())).andExpect(status().isNotFound());
    }

    @Test
    void absurdFiltersShowAPageNeverAnError() throws Exception {
        for (String query : List.of("year=99999", "year=-1", "stage=NOPE", "town=%3Cscript%3E", "industry=ZZZ", "qualification=NOPE",
                "year=2147483647&stage=", "town=" + "x".repeat(500))) {
            assertThat(page("/analytics?" + query)).as(query).contains("统计看板");
            assertThat(page("/analytics/leader?" + query)).as(query).contains("领导视图");
            mvc.perform(get("/analytics/data?" + query).with(TestUsers.staff())).andExpect(status().isOk());
        }
        mvc.perform(get("/analytics?year=abc").with(TestUsers.staff())).andExpect(status().is4xxClientError());
    }

    @Test
    void theDataEndpointServesThePagesCharts() throws Exception {
        String json = mvc.perform(get("/analytics/data?year=" + LATEST + "&stage=GROWTH").with(TestUsers.staff()))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);

        assertThat(json).contains("\"id\":\"towns\"", "\"id\":\"trend\"", "\"id\":\"qualifications\"",
                "\"id\":\"medians-GROWTH\"", "\"id\":\"averages-GROWTH\"", "/enterprises?year=" + LATEST + "&stage=GROWTH");
    }

    /** GET of a URL as the page links it: already encoded, so not a template to encode again. */
    private String page(String url) throws Exception {
        return mvc.perform(get(URI.create(url)).with(TestUsers.staff())).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
    }

    private long count(String sql, int year) {
        return jdbc.sql(sql).param(year).query(Long.class).single();
    }

    /** {@link #HOLDS}'s count: the published results of the year whose record of the year holds the code. */
    private long count(String sql, int year, String qualification) {
        return jdbc.sql(sql).params(year, year, "%;" + qualification + ";%").query(Long.class).single();
    }

    private static long total(String page) {
        Matcher m = TOTAL.matcher(page);
        assertThat(m.find()).as("row count on the page").isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }
}
