package cn.gov.panyu.points.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.test.context.DynamicPropertyRegistry;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * A real PostgreSQL server (embedded binaries from Maven Central) for one test class, chosen only
 * through the standard {@code spring.datasource.*} properties — the way production selects it:
 *
 * <pre>
 * private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();
 * &#64;DynamicPropertySource static void database(DynamicPropertyRegistry r) { POSTGRES.register(r); }
 * &#64;AfterAll static void stopDatabase() { POSTGRES.close(); }
 * </pre>
 */
public final class EmbeddedPostgresDatabase implements AutoCloseable {

    private EmbeddedPostgres server;

    /** Starts the server and points the application's data source at it (batched inserts as in production). */
    public void register(DynamicPropertyRegistry registry) {
        try {
            server = EmbeddedPostgres.builder().start();
        } catch (IOException e) {
            throw new UncheckedIOException("embedded PostgreSQL did not start", e);
        }
        registry.add("spring.datasource.url", () -> server.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true");
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    @Override
    public void close() {
        if (server != null) {
            try {
                server.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            server = null;
        }
    }
}
