package cn.gov.panyu.points.platform.evaluation;


import org.junit.jupiter.api.AfterAll;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;


import cn.gov.panyu.points.platform.EmbeddedPostgresDatabase;

/**
 * {@link RunLifecycleContract} on a real PostgreSQL server (embedded binaries), configured only through
 * spring.datasource.*, with the batch-rewriting option production should use.
 */
// a (mock) web application, so that the security configuration and its method security apply as in production
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "points.demo.enabled=false")
// its own PostgreSQL stops after the class: close the context with it, or its background threads keep
// knocking at a closed pool (WARNs in the log of every later test)
@DirtiesContext
class EvaluationRunsPostgresIntegrationTests extends RunLifecycleContract {

    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }
}
