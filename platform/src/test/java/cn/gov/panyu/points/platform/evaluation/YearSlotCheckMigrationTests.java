package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The year-slot check of evaluation runs (V18, said again by V48) on the embedded H2 file, after the
 * connection that created it was closed while the database stayed open — what the platform's connection
 * pool does to the connection Flyway migrated with when it retires it (maximum lifetime 30 minutes).
 * Written with IN, the check then failed every insert and status change of a run with "Check constraint
 * invalid … The database has been closed" (H2 keeps the creating session in its IN constant set).
 */
class YearSlotCheckMigrationTests {

    @Test
    void runsAreWrittenAndCheckedAfterTheConnectionThatMigratedWasClosed(@TempDir Path dataDir) throws Exception {
        DataSource db = MigrationDatabases.platformH2(dataDir);
        // the pool's other connections keep the database open; Flyway's own is closed when it is done
        try (Connection pool = db.getConnection()) {
            MigrationDatabases.flyway(db, null).migrate();
            JdbcTemplate jdbc = new JdbcTemplate(db);
            jdbc.update("""
                    insert into score_model (id, model_key, version, name, status, definition, created_by)
                    values (901, 'panyu-2025', 'v1', '测试', 'ACTIVE', 'id: panyu-2025', 'test')""");

            jdbc.update("""
                    insert into evaluation_run (id, data_year, model_id, status, year_slot, created_by)
                    values (911, 2030, 901, 'QUEUED', 'WORKING', 'test')""");
            jdbc.update("update evaluation_run set status = 'RUNNING' where id = 911");
            jdbc.update("update evaluation_run set status = 'NOTICE', year_slot = 'NOTICE' where id = 911");
            jdbc.update("update evaluation_run set status = 'PUBLISHED', year_slot = 'PUBLISHED' where id = 911");
            jdbc.update("update evaluation_run set status = 'SUPERSEDED', year_slot = null where id = 911");
            assertThat(jdbc.queryForObject("select status from evaluation_run where id = 911", String.class)).isEqualTo("SUPERSEDED");

            // and the rule still holds: a status change that forgets the slot is refused as a violation
            jdbc.update("""
                    insert into evaluation_run (id, data_year, model_id, status, year_slot, created_by)
                    values (912, 2030, 901, 'QUEUED', 'WORKING', 'test')""");
            for (String forgetful : new String[] {"status = 'DRAFT'", "status = 'NOTICE'", "year_slot = null",
                    "status = 'FAILED', year_slot = 'NOTICE'", "status = 'PUBLISHED', year_slot = 'NOTICE'"}) {
                assertThatThrownBy(() -> jdbc.update("update evaluation_run set " + forgetful + " where id = 912"))
                        .as(forgetful).isInstanceOf(DataIntegrityViolationException.class)
                        .hasMessageContaining("Check constraint violation");
            }
        }
    }
}
