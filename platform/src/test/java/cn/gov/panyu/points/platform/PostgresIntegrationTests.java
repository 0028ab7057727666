package cn.gov.panyu.points.platform;

import static org.assertj.core.api.Assertions.assertThat;


import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


/**
 * The production set-up: PostgreSQL chosen only through the standard {@code spring.datasource.*}
 * properties, with the same Flyway migrations as H2. Runs a real PostgreSQL server (embedded binaries).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE)
// its own PostgreSQL stops after the class: close the context with it, or its background threads keep
// knocking at a closed pool (WARNs in the log of every later test)
@DirtiesContext
class PostgresIntegrationTests {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }

    @Test
    void migrationsRunOnPostgresql() {
        assertThat(jdbc.sql("select version()").query(String.class).single()).startsWith("PostgreSQL");
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(jdbc.sql("select info_value from app_info where info_key = 'schema.baseline'")
                .query(String.class).single()).isEqualTo("1");
    }
}
