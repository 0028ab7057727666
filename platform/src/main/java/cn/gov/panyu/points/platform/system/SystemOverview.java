package cn.gov.panyu.points.platform.system;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Collects the facts about the running platform that 系统信息 shows. The database's product and schema
 * version cannot change while the platform runs (Flyway migrates at start-up only), so they are read
 * once, on the first view that reaches the database, instead of asking Flyway on every view.
 */
@Service
class SystemOverview {

    private static final Logger log = LoggerFactory.getLogger(SystemOverview.class);

    private final EngineAdapter engine;
    private final DataSource dataSource;
    private final Flyway flyway;

    SystemOverview(EngineAdapter engine, DataSource dataSource, Flyway flyway) {
        this.engine = engine;
        this.dataSource = dataSource;
        this.flyway = flyway;
    }

    private volatile DatabaseInfo database;

    Overview current() {
        DatabaseInfo known = database;
        if (known == null || !known.reachable()) {
            known = readDatabase();
            database = known;
        }
        return new Overview(engine.info(), known);
    }

    private DatabaseInfo readDatabase() {
        // The page stays up when the database is down; /actuator/health carries the details.
        try (Connection connection = dataSource.getConnection()) {
            DatabaseMetaData meta = connection.getMetaData();
            String product = meta.getDatabaseProductName() + " " + meta.getDatabaseProductVersion();
            MigrationInfo current = flyway.info().current();
            return new DatabaseInfo(product, current == null ? null : current.getVersion().getVersion());
        } catch (SQLException | RuntimeException e) {
            log.warn("Database information is not available", e);
            return new DatabaseInfo(null, null);
        }
    }
}
