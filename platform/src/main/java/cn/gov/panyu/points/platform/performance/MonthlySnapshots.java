package cn.gov.panyu.points.platform.performance;

import java.time.LocalDate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The monthly snapshot of every current declaration's actuals, so that progress has a history without anyone
 * remembering to take it: early on the first of each month ({@code points.performance.snapshot-cron}).
 * Idempotent — a snapshot is one row per indicator and month — so a job run twice, or on several instances
 * sharing a database, leaves the same rows. A failing declaration is logged and the others still taken.
 */
@Configuration
@EnableScheduling
class MonthlySnapshots {

    private static final Logger log = LoggerFactory.getLogger(MonthlySnapshots.class);

    private final Monitoring monitoring;
    private final org.springframework.jdbc.core.simple.JdbcClient jdbc;

    MonthlySnapshots(Monitoring monitoring, org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        this.monitoring = monitoring;
        this.jdbc = jdbc;
    }

    @Scheduled(cron = "${points.performance.snapshot-cron:0 30 1 1 * *}")
    void monthly() {
        run(LocalDate.now());
    }

    /** Snapshots the declarations of {@code day}'s year; returns how many indicators were written. */
    int run(LocalDate day) {
        int written = 0;
        for (long id : monitoring.current(day)) {
            try {
                written += PerformanceDeclarations.find(jdbc, id).map(d -> monitoring.snapshot(d, day)).orElse(0);
            } catch (RuntimeException e) {
                log.error("预算绩效监控快照失败：申报 #{} ({})", id, day, e);
            }
        }
        log.info("预算绩效监控快照：{} 项指标 ({})", written, day);
        return written;
    }
}
