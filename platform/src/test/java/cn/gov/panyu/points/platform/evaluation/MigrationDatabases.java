package cn.gov.panyu.points.platform.evaluation;

import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/**
 * What the migration tests share: an empty H2 database configured as the platform's, and Flyway with the
 * platform's migrations — the SQL files and evaluation's Java migration, which Spring Boot would hand to
 * Flyway as a bean — up to a chosen version, so that a test can put the previous release's data in
 * between.
 */
final class MigrationDatabases {

    private MigrationDatabases() {
    }

    /** A new in-memory H2 database in the settings of the platform's URL (PostgreSQL mode). */
    static DataSource freshH2() {
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:mem:" + UUID.randomUUID()
                + ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1");
        h2.setUser("sa");
        return h2;
    }

    /** Flyway over every migration up to {@code target}, or all of them when it is null. */
    static Flyway flyway(DataSource db, String target) {
        var config = Flyway.configure().dataSource(db).locations("classpath:db/migration")
                .javaMigrations(new V15__KeyedIndicatorPoints());
        if (target != null) {
            config = config.target(target);
        }
        return config.load();
    }
}
