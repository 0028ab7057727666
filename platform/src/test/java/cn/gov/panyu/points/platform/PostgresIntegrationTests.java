package cn.gov.panyu.points.platform;

import static org.assertj.core.api.Assertions.assertThat;


import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;


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

    @Autowired
    YearRecords records;

    @Autowired
    PublishedResults published;

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

    /** The batched reads of a white-list page bind their {@code in (…)} lists on PostgreSQL as on H2. */
    @Test
    void batchedReadsOfRecordsAndResultsRunOnPostgresql() {
        String uscc = TestEnterprises.uscc();
        jdbc.sql("insert into enterprise (uscc, name, town, industry, established) values (?, '批量读取企业', '市桥街道', 'C39', ?)")
                .params(uscc, LocalDate.of(2015, 3, 1)).update();
        jdbc.sql("insert into enterprise_year (uscc, data_year, revenue_y0, revenue_y1) values (?, 2025, 1200, 900)")
                .params(uscc).update();

        Map<String, EnterpriseRecord> found = records.of(List.of(uscc, TestEnterprises.uscc()), 2025);

        assertThat(found).containsOnlyKeys(uscc);
        assertThat(found.get(uscc).value(InputField.REVENUE_Y1)).isEqualTo(900);
        assertThat(published.of(List.of(uscc, TestEnterprises.uscc()), 2025)).isEmpty();
    }
}
