package cn.gov.panyu.points.platform.collection;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;

/**
 * Department imports for monitoring ({@code /actuator/prometheus}): 导入任务 by outcome and the rows loaded
 * by committed batches. Read from the database when scraped, so every instance of several reports the
 * same figures and a restart loses nothing (docs/operations.md).
 */
@Component
class ImportMeters implements MeterBinder {

    private static final List<String> STATUSES = List.of("RUNNING", "SUCCEEDED", "FAILED", "INTERRUPTED");

    private final JdbcClient jdbc;

    ImportMeters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (String status : STATUSES) {
            Gauge.builder("points.imports", () -> byStatus().getOrDefault(status, 0L))
                    .description("import attempts (导入任务) with this outcome").tag("status", status.toLowerCase())
                    .register(registry);
        }
        Gauge.builder("points.imports.rows", () -> jdbc.sql("select coalesce(sum(rows_loaded), 0) from data_import"
                        + " where status = 'LOADED'").query(Long.class).single())
                .description("rows loaded by the batches in force").register(registry);
    }

    private Map<String, Long> byStatus() {
        return jdbc.sql("select status, count(*) from data_import_attempt group by status")
                .query((rs, n) -> Map.entry(rs.getString(1).strip(), rs.getLong(2))).list().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
