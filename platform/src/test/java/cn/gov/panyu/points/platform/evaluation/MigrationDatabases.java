package cn.gov.panyu.points.platform.evaluation;

import java.nio.file.Path;
import java.util.Properties;
import java.util.UUID;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.springframework.beans.factory.config.YamlPropertiesFactoryBean;
import org.springframework.core.io.ClassPathResource;

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

    /**
     * An H2 file database in {@code dataDir} exactly as the platform opens its own: the URL, user and
     * password of application.yaml, with {@code points.data-dir} resolved to {@code dataDir}.
     */
    static DataSource platformH2(Path dataDir) {
        YamlPropertiesFactoryBean yaml = new YamlPropertiesFactoryBean();
        yaml.setResources(new ClassPathResource("application.yaml"));
        Properties settings = yaml.getObject();
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL(settings.getProperty("spring.datasource.url").replace("${points.data-dir}", dataDir.toAbsolutePath().toString()));
        h2.setUser(settings.getProperty("spring.datasource.username"));
        h2.setPassword(settings.getProperty("spring.datasource.password"));
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
