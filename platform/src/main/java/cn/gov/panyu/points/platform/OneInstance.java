package cn.gov.panyu.points.platform;

import java.time.Duration;
import java.time.Instant;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import net.javacrumbs.shedlock.core.DefaultLockingTaskExecutor;
import net.javacrumbs.shedlock.core.LockConfiguration;
import net.javacrumbs.shedlock.core.LockingTaskExecutor;
import net.javacrumbs.shedlock.provider.jdbctemplate.JdbcTemplateLockProvider;

/**
 * Work that one instance of several on one database does, the others skip (docs/adr/0017): first-start
 * accounts, the demo district. A named row of table {@code shedlock} (ShedLock, V36) is held while the work
 * runs, by the database's clock; an instance that finds it held skips the work instead of repeating it and
 * failing on the rows the other one wrote. The row is released when the work ends, and expires after
 * {@code atMost} when its instance died on the way.
 *
 * <p>Skipping is right for work whose result every instance then sees in the database, and whose holder
 * re-checks, inside the lock, whether it is still needed (the holder before may have done it).
 */
@Component
public class OneInstance {

    private static final Logger log = LoggerFactory.getLogger(OneInstance.class);

    private final LockingTaskExecutor executor;

    OneInstance(DataSource dataSource) {
        this.executor = new DefaultLockingTaskExecutor(new JdbcTemplateLockProvider(JdbcTemplateLockProvider.Configuration
                .builder().withJdbcTemplate(new JdbcTemplate(dataSource)).usingDbTime().build()));
    }

    /**
     * Runs {@code work} unless another instance is doing the work of that {@code name}.
     *
     * @return whether this instance ran it
     */
    public boolean run(String name, Duration atMost, Runnable work) {
        try {
            boolean ran = executor.executeWithLock(() -> {
                work.run();
                return Boolean.TRUE;
            }, new LockConfiguration(Instant.now(), name, atMost, Duration.ZERO)).wasExecuted();
            if (!ran) {
                log.info("另一个实例正在执行 {}，本实例跳过 (another instance is doing {})", name, name);
            }
            return ran;
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            // the work is a Runnable: nothing else can be thrown
            throw new IllegalStateException(e);
        }
    }
}
