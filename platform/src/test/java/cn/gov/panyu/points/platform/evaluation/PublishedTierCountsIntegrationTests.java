package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.test.context.support.WithMockUser;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;

/** The tier and ranked counts are kept per published run (issue 15): a new publication shows its own counts at once. */
@PlatformIntegrationTest
@WithMockUser(username = "staff", roles = "STAFF")
class PublishedTierCountsIntegrationTests {

    static final int YEAR = 2141;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvaluationRuns runs;

    @Autowired
    PublishedResults published;

    @Autowired
    ScoreModels models;

    @Test
    void aNewPublicationOfTheYearShowsItsOwnTierCounts() {
        long first = publishedRunOf(8_101, 120);
        long[][] before = published.tierCounts(YEAR);
        assertThat(before).isDeepEqualTo(counted(first));
        assertThat(published.tierCounts(YEAR)).isDeepEqualTo(before); // now from what was kept

        long second = publishedRunOf(8_102, 60);
        long[][] after = published.tierCounts(YEAR);

        assertThat(after).isDeepEqualTo(counted(second));
        assertThat(total(after)).isLessThan(total(before));
        for (Stage stage : Stage.values()) {
            assertThat(published.rankedInStage(YEAR, stage)).as(stage.name()).isEqualTo(jdbc.queryForObject(
                    "select count(*) from score_result where run_id = ? and stage = ? and eligible", Integer.class, second,
                    stage.name()));
        }
    }

    @Test
    void aCallerCannotChangeTheKeptCounts() {
        long run = publishedRunOf(8_103, 80);
        published.tierCounts(YEAR)[Stage.STARTUP.ordinal()][Tier.LEAD.ordinal()] = -1;

        assertThat(published.tierCounts(YEAR)).isDeepEqualTo(counted(run));
    }

    @Test
    void aYearWithoutPublicationHasNoListedEnterprise() {
        assertThat(total(published.tierCounts(1999))).isZero();
        assertThat(published.rankedInStage(1999, Stage.GROWTH)).isZero();
    }

    private long publishedRunOf(long seed, int size) {
        jdbc.update("delete from objection where run_id in (select id from evaluation_run where data_year = ?)", YEAR);
        DistrictFixture.load(jdbc, seed, YEAR, size);
        long id = runs.runNow(YEAR, models.activeModelId(), "staff");
        runs.putOnNotice(id, LocalDate.now(), "staff");
        NoticePeriods.endedYesterday(jdbc, id);
        runs.publish(id, "staff");
        return id;
    }

    /** The counts straight from the run's stored results. */
    private long[][] counted(long runId) {
        long[][] counts = new long[Stage.values().length][Tier.values().length];
        jdbc.query("select stage, tier, count(*) from score_result where run_id = ? and tier is not null group by stage, tier",
                rs -> {
                    counts[Stage.valueOf(rs.getString(1).trim()).ordinal()][Tier.valueOf(rs.getString(2).trim()).ordinal()] =
                            rs.getLong(3);
                }, runId);
        return counts;
    }

    private static long total(long[][] counts) {
        long sum = 0;
        for (long[] stage : counts) {
            for (long c : stage) {
                sum += c;
            }
        }
        return sum;
    }
}
