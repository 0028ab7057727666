package cn.gov.panyu.points.platform;

import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;

import javax.sql.DataSource;

import org.springframework.beans.factory.DisposableBean;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * Writes that must commit whatever the caller's transaction then does — the audit trail, counted failed
 * passwords — in transactions of their own, on a small connection pool of their own.
 *
 * <p>Why not {@code REQUIRES_NEW} on the platform's pool: such a write happens while the caller's transaction
 * holds a connection, so each request needs two connections of one pool at once. When as many requests as the
 * pool has connections reach that point together, each holds one and waits for a second, and all of them wait
 * until the pool's timeout (found under load: 32 bank officers opening reports at once stalled every page for
 * 30 s, then failed them; ten sign-ins at once could do the same). A write here never waits for the platform's
 * pool, and holds its own connection only for its few statements, so it always finishes and the caller too.
 *
 * <p>Writes nested in one another (a counted failure writes its audit entry) share one transaction of this
 * pool: both are records that must stay, and one connection each keeps this pool from the same trap.
 */
@Component
public class IndependentWrites implements DisposableBean {

    /** Enough for the writes of many requests at once: each holds a connection for a few milliseconds. */
    private static final int POOL_SIZE = 4;

    private final HikariDataSource ownPool;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;

    IndependentWrites(DataSource platformPool) throws SQLException {
        if (!platformPool.isWrapperFor(HikariDataSource.class)) {
            throw new IllegalStateException("the platform's connection pool is expected to be Spring Boot's Hikari pool, not "
                    + platformPool.getClass().getName());
        }
        // the same database, user and settings as the platform's pool (whatever configured it), fewer connections
        HikariConfig config = new HikariConfig();
        platformPool.unwrap(HikariDataSource.class).copyStateTo(config);
        config.setPoolName("independent-writes");
        config.setMaximumPoolSize(POOL_SIZE);
        config.setMinimumIdle(1);
        config.setReadOnly(false);
        ownPool = new HikariDataSource(config);
        jdbc = JdbcClient.create(ownPool);
        transactions = new TransactionTemplate(new DataSourceTransactionManager(ownPool));
    }

    /** Runs {@code work} in a transaction of this pool (or the enclosing one of this pool) and returns its result. */
    public <T> T write(Function<JdbcClient, T> work) {
        return transactions.execute(status -> work.apply(jdbc));
    }

    /** Whether this thread is inside a transaction of this pool (work run now would join it). */
    public boolean inTransaction() {
        return TransactionSynchronizationManager.hasResource(ownPool);
    }

    /** As {@link #write(Function)}, for work without a result. */
    public void run(Consumer<JdbcClient> work) {
        transactions.executeWithoutResult(status -> work.accept(jdbc));
    }

    @Override
    public void destroy() {
        ownPool.close();
    }
}
