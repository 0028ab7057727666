package cn.gov.panyu.points.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import com.zaxxer.hikari.HikariDataSource;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;

/**
 * As many requests as the platform's pool has connections, each in a transaction, all writing an audit entry
 * at once — 32 bank officers opening reports did this under load. With the entry written from the same pool each
 * request held one connection and waited for a second until the pool's timeout; every entry must be written
 * while the callers keep theirs.
 */
@PlatformIntegrationTest
class AuditUnderLoadIntegrationTests {

    @Autowired
    DataSource dataSource;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    AuditLog audit;

    @Autowired
    JdbcClient jdbc;

    @Test
    void everyRequestHoldingAConnectionStillWritesItsAuditEntry() throws Exception {
        int connections = dataSource.unwrap(HikariDataSource.class).getMaximumPoolSize();
        String marker = "并发审计-" + UUID.randomUUID();
        CyclicBarrier allHoldTheirs = new CyclicBarrier(connections);
        TransactionTemplate request = new TransactionTemplate(transactionManager);
        ExecutorService officers = Executors.newFixedThreadPool(connections);
        try {
            List<Future<?>> views = new ArrayList<>();
            for (int i = 0; i < connections; i++) {
                views.add(officers.submit(() -> request.executeWithoutResult(status -> {
                    // the transaction's connection is taken now, and kept until the entry is written
                    jdbc.sql("select count(*) from app_user").query(Long.class).single();
                    try {
                        allHoldTheirs.await(60, TimeUnit.SECONDS);
                    } catch (Exception e) {
                        throw new IllegalStateException("not every request got its connection", e);
                    }
                    audit.record(AuditAction.VIEW_ENTERPRISE, null, marker);
                })));
            }
            for (Future<?> view : views) {
                // a pool waiting for itself answers only after its timeout (30 s), with an exception
                view.get(25, TimeUnit.SECONDS);
            }
        } finally {
            officers.shutdownNow();
        }

        assertThat(jdbc.sql("select count(*) from audit_event where detail = :d").param("d", marker)
                .query(Long.class).single()).isEqualTo(connections);
    }
}
