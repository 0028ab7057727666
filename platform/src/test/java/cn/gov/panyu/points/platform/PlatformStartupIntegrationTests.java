package cn.gov.panyu.points.platform;

import static org.assertj.core.api.Assertions.assertThat;

import javax.sql.DataSource;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.client.RestTestClient;

@PlatformIntegrationTest
class PlatformStartupIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    Flyway flyway;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    RestTestClient http;

    @Test
    void runsOnTheEmbeddedH2FileDatabaseInTheDataFolder() throws Exception {
        try (var connection = dataSource.getConnection()) {
            assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("H2");
            assertThat(connection.getMetaData().getURL())
                    .startsWith("jdbc:h2:file:")
                    .endsWith("target/test-data/points");
        }
        String mode = jdbc.sql("select setting_value from information_schema.settings where setting_name = 'MODE'")
                .query(String.class).single();
        assertThat(mode).isEqualTo("PostgreSQL");
        // every commit on disk before it returns (KilledPlatformIntegrationTests shows why)
        String writeDelay = jdbc.sql("select setting_value from information_schema.settings where setting_name = 'WRITE_DELAY'")
                .query(String.class).single();
        assertThat(writeDelay).isEqualTo("0");
    }

    @Test
    void flywayAppliesEveryMigrationStartingWithTheBaseline() {
        assertThat(flyway.info().pending()).isEmpty();
        assertThat(flyway.info().applied()).extracting(migration -> migration.getVersion().getVersion())
                .startsWith("1");
        assertThat(flyway.info().applied()).allSatisfy(migration -> assertThat(migration.getState().isFailed()).isFalse());
        String baseline = jdbc.sql("select info_value from app_info where info_key = 'schema.baseline'")
                .query(String.class).single();
        assertThat(baseline).isEqualTo("1");
    }

    @Test
    void healthEndpointReportsUpToEveryoneAndTheDatabaseDetailsToAdministrators() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components").doesNotExist();
        http.get().uri("/actuator/health").header(HttpHeaders.COOKIE, SignIn.as(http, "admin"))
                .exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.status").isEqualTo("UP")
                .jsonPath("$.components.db.status").isEqualTo("UP")
                .jsonPath("$.components.db.details.database").isEqualTo("H2");
    }
}
