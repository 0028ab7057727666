package cn.gov.panyu.points.platform;

import java.io.IOException;
import java.io.UncheckedIOException;

import javax.sql.DataSource;

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
        start();
        registry.add("spring.datasource.url", this::jdbcUrl);
        registry.add("spring.datasource.username", () -> "postgres");
        registry.add("spring.datasource.password", () -> "");
    }

    /** Starts the server (once), for platforms in child JVMs and the test's own queries. */
    public EmbeddedPostgresDatabase start() {
        if (server == null) {
            try {
                server = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("embedded PostgreSQL did not start", e);
            }
        }
        return this;
    }

    /** The URL of the started server's database {@code postgres}, user {@code postgres}, without a password. */
    public String jdbcUrl() {
        return server.getJdbcUrl("postgres", "postgres") + "&reWriteBatchedInserts=true";
    }

    /** Spring Boot's options that point a platform at this database. */
    public String[] platformArgs() {
        return new String[] {"--spring.datasource.url=" + jdbcUrl(), "--spring.datasource.username=postgres",
                "--spring.datasource.password="};
    }

    public DataSource dataSource() {
        return server.getPostgresDatabase();
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
