package cn.gov.panyu.points.platform.evaluation;

import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Evaluation runs for monitoring ({@code /actuator/prometheus}): how many runs are in each state, and how
 * long the latest finished computation took. Read from the database when scraped, not counted in memory:
 * with several instances every one reports the same district-wide figures, whichever one computed the
 * runs, and a restart loses nothing (docs/operations.md).
 */
@Component
class RunMeters implements MeterBinder {

    private final JdbcClient jdbc;

    RunMeters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (RunStatus status : RunStatus.values()) {
            Gauge.builder("points.runs", () -> byStatus().getOrDefault(status.name(), 0L))
                    .description("evaluation runs in this state").tag("status", status.name().toLowerCase())
                    .register(registry);
        }
        Gauge.builder("points.runs.latest.seconds", this::latestSeconds)
                .description("computation time of the latest run that finished computing").baseUnit("seconds")
                .register(registry);
    }

    private Map<String, Long> byStatus() {
        return jdbc.sql("select status, count(*) from evaluation_run group by status")
                .query((rs, n) -> Map.entry(rs.getString(1).strip(), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private double latestSeconds() {
        return jdbc.sql("""
                        select started_at, finished_at from evaluation_run
                        where started_at is not null and finished_at is not null and status <> 'FAILED'
                        order by finished_at desc limit 1""")
                .query((rs, n) -> Duration.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant())
                        .toMillis() / 1000.0)
                .optional().orElse(0.0);
    }
}
