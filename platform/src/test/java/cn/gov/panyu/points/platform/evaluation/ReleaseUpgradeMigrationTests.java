package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.JdbcTemplate;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * An installation of the previous release — schema V28, the last migration before several instances could
 * share a database — with its data (an account, a published year, an import attempt) upgraded to the newest
 * schema in place, as Flyway does at the first start of the new release (docs/operations.md): the data
 * stays as it was and reads as before, the new tables start empty, and the import lock has its row.
 *
 * <p>On PostgreSQL, the production database, and on an H2 file opened exactly as the platform opens it
 * (application.yaml's URL). Not on an in-memory H2: there the previous release's runs table refuses every
 * insert with "Check constraint invalid … The database has been closed". Its year-slot check (V18) used
 * {@code status in (…)}, and H2 keeps the session that created the constraint in the constant set of an IN;
 * an in-memory database stays open after Flyway closed that connection, so the check evaluates against a
 * closed session. A file database reopened by a later connection, as here or at a restart, reads its
 * constraints again in H2's own session. The same closed session struck the running platform once its pool
 * retired the connection that had migrated: V48 says the check without IN ({@link YearSlotCheckMigrationTests}).
 */
class ReleaseUpgradeMigrationTests {

    /** The schema of the previous release. */
    static final String PREVIOUS_RELEASE = "28";

    @Test
    void upgradesThePreviousReleaseWithDataOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgrades(postgres.getPostgresDatabase());
        }
    }

    @Test
    void upgradesThePreviousReleaseWithDataOnTheEmbeddedH2File(@TempDir Path dataDir) throws Exception {
        upgrades(MigrationDatabases.platformH2(dataDir));
    }

    private static void upgrades(DataSource db) {
        MigrationDatabases.flyway(db, PREVIOUS_RELEASE).migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        jdbc.update("""
                insert into app_user (username, password_hash, display_name, role)
                values ('old-admin', '$2a$10$abcdefghijklmnopqrstuu0123456789012345678901234567890', '旧管理员', 'ADMIN')""");
        jdbc.update("""
                insert into score_model (id, model_key, version, name, status, definition, created_by)
                values (901, 'panyu-2025', 'old', '旧版', 'ACTIVE', 'id: panyu-2025', 'test')""");
        jdbc.update("""
                insert into evaluation_run (id, data_year, model_id, status, year_slot, created_by)
                values (911, 2030, 901, ?, ?, 'test')""", "QUEUED", "WORKING");
        // queued and, once computed, published as the previous release does it: status and slot change together
        jdbc.update("update evaluation_run set status = ?, year_slot = ? where id = 911", "PUBLISHED", "PUBLISHED");
        jdbc.update("""
                insert into score_result (run_id, uscc, name, town, industry, stage, core, bonus, deduction, total, eligible, points)
                values (911, '91440113MA59A0000A', '升级测试企业', '市桥街道', 'C39', 'GROWTH', 81.5, 2, 0, 83.5, true, 'T1=100')""");
        jdbc.update("insert into publication (data_year, run_id, published_by) values (2030, 911, 'test')");
        jdbc.update("""
                insert into data_import_attempt (token, source, data_year, file_name, file_sha256, mode, status, file_kept, started_by)
                values ('upgrade-attempt', 'MARKET', 2030, '旧名录.csv', ?, 'ALL', 'SUCCEEDED', false, 'test')""", "0".repeat(64));

        MigrationDatabases.flyway(db, null).migrate();

        assertThat(jdbc.queryForObject("select version from flyway_schema_history where installed_rank ="
                + " (select max(installed_rank) from flyway_schema_history where success)", String.class))
                .as("the newest migration is in").isEqualTo(newest());
        assertThat(jdbc.queryForObject("select name from published_score where data_year = 2030", String.class))
                .as("the published year reads as before").isEqualTo("升级测试企业");
        assertThat(jdbc.queryForObject("select total from published_score where data_year = 2030", Double.class))
                .isEqualTo(83.5);
        assertThat(jdbc.queryForObject("select display_name from app_user where username = 'old-admin'", String.class))
                .isEqualTo("旧管理员");
        assertThat(jdbc.queryForObject("select status from data_import_attempt where token = 'upgrade-attempt'", String.class))
                .isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("select count(*) from spring_session", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from data_import_staged", Long.class)).isZero();
        assertThat(jdbc.queryForObject("select count(*) from shedlock", Long.class)).isZero();
        assertThat(jdbc.queryForList("select id from data_import_lock", Integer.class)).containsExactly(1);
    }

    /** The highest version among the migrations on the class path. */
    private static String newest() {
        var all = MigrationDatabases.flyway(MigrationDatabases.freshH2(), null).info().all();
        return all[all.length - 1].getVersion().getVersion();
    }
}
