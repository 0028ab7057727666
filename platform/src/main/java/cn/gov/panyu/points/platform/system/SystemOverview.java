package cn.gov.panyu.points.platform.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;

/**
 * Collects the facts about the running platform that the home page shows. The schema version is read from
 * Flyway once, when the platform is ready: migrations run only at start-up, and every call into Flyway
 * opens its own database session (and logs its compatibility notes), which no page view should cost.
 */
@Service
class SystemOverview {

    private static final Logger log = LoggerFactory.getLogger(SystemOverview.class);

    private final EngineAdapter engine;
    private final DataSource dataSource;
    private final Flyway flyway;
    private volatile String schemaVersion;

    SystemOverview(EngineAdapter engine, DataSource dataSource, Flyway flyway) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    @EventListener(ApplicationReadyEvent.class)
    void readSchemaVersion() {
        try {
            MigrationInfo current = flyway.info().current();
            schemaVersion = current == null ? null : current.getVersion().getVersion();
        } catch (RuntimeException e) {
            log.warn("The database schema version could not be read", e);
        }
    }

    Overview current() {
        return new Overview(engine.info(), database());
    }

    private DatabaseInfo database() {
        // The home page stays up when the database is down; /actuator/health carries the details.
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            return new DatabaseInfo(product, schemaVersion);
        } catch (SQLException | RuntimeException e) {
            log.warn("Database information is not available", e);
            return new DatabaseInfo(null, null);
        }
    }
}
