package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Upgrading a database of the previous release to year slots and run ownership (V18), with what the old
 * defects could leave behind: two runs of a year published or on notice, a run still marked running,
 * results of failed runs. Flyway is driven from version 17 on H2 and on a real PostgreSQL.
 */
class RunOwnershipMigrationTests {

    @Test
    void upgradesRunsOnH2() {
        upgradesRuns(MigrationDatabases.freshH2());
    }

    @Test
    void upgradesRunsOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgradesRuns(postgres.getPostgresDatabase());
        }
    }

    private static void upgradesRuns(DataSource db) {
        MigrationDatabases.flyway(db, "17").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("""
                insert into score_model (id, model_key, version, name, status, definition, created_by)
                values (901, 'panyu-2025', 'old', '旧版', 'ACTIVE', 'id: panyu-2025', 'test')""");
        Map<Long, String> runs = Map.of(911L, "PUBLISHED", 912L, "PUBLISHED", 913L, "NOTICE", 914L, "NOTICE",
                915L, "RUNNING", 916L, "FAILED", 917L, "DRAFT");
        runs.forEach((id, status) -> {
            jdbc.update("insert into evaluation_run (id, data_year, model_id, status, created_by) values (?, 2030, 901, ?, 'test')",
                    id, status);
            jdbc.update("""
                    insert into score_result (run_id, uscc, name, town, industry, stage, core, bonus, deduction, total, eligible, points)
                    values (?, '91440113MA59A0000A', '测试企业', '市桥街道', 'C39', 'GROWTH', 1, 0, 0, 1, true, 'T1=100')""", id);
        });
        jdbc.update("insert into publication (data_year, run_id, published_by) values (2030, 911, 'test')");

        MigrationDatabases.flyway(db, null).migrate();

        assertThat(statusAndSlot(jdbc, 911)).isEqualTo("PUBLISHED/PUBLISHED");
        assertThat(statusAndSlot(jdbc, 912)).as("published as well, but not the publication's run").isEqualTo("SUPERSEDED/-");
        assertThat(statusAndSlot(jdbc, 913)).as("on notice as well, but older").isEqualTo("SUPERSEDED/-");
        assertThat(statusAndSlot(jdbc, 914)).isEqualTo("NOTICE/NOTICE");
        assertThat(statusAndSlot(jdbc, 915)).as("running when every instance stopped for the upgrade").isEqualTo("FAILED/-");
        assertThat(jdbc.queryForObject("select message from evaluation_run where id = 915", String.class))
                .isEqualTo("平台重启导致计算中断，请重新计算。");
        assertThat(statusAndSlot(jdbc, 917)).isEqualTo("DRAFT/-");
        assertThat(jdbc.queryForList("select run_id from score_result order by run_id", Long.class))
                .as("results of failed runs are gone").containsExactly(911L, 912L, 913L, 914L, 917L);
    }

    private static String statusAndSlot(JdbcTemplate jdbc, long id) {
        return jdbc.queryForObject("select status || '/' || coalesce(year_slot, '-') from evaluation_run where id = ?",
                String.class, id);
    }
}
