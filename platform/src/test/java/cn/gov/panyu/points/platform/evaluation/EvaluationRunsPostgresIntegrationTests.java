package cn.gov.panyu.points.platform.evaluation;

import java.io.IOException;

import org.junit.jupiter.api.AfterAll;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * {@link RunLifecycleContract} on a real PostgreSQL server (embedded binaries), configured only through
 * spring.datasource.*, with the batch-rewriting option production should use.
 */
// a (mock) web application, so that the security configuration and its method security apply as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "points.demo.enabled=false")
class EvaluationRunsPostgresIntegrationTests extends RunLifecycleContract {

    private static EmbeddedPostgres postgres;

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) throws IOException {
        postgres = EmbeddedPostgres.builder().start();
        registry.add("spring.datasource.url", () -> postgres.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @AfterAll
    static void stopPostgres() throws IOException {
        if (postgres != null) {
            postgres.close();
        }
    }
}
