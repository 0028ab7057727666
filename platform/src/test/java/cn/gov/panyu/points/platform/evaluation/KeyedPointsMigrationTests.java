package cn.gov.panyu.points.platform.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ModelLoader;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

/**
 * Upgrading a database of the previous release: results stored with positional indicator points are
 * rewritten keyed by each run's own model codes (V15), and the published ones fill the read model (V16).
 * Flyway is driven from version 14 on an H2 database and on a real PostgreSQL, with data in between.
 */
class KeyedPointsMigrationTests {

    private static final List<String> CODES = ModelLoader.defaultModel().indicators().stream().map(Indicator::code).toList();

    @Test
    void upgradesStoredAndPublishedResultsOnH2() throws SQLException {
        upgradesStoredAndPublishedResults(MigrationDatabases.freshH2());
    }

    @Test
    void upgradesStoredAndPublishedResultsOnPostgres() throws Exception {
        try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
            upgradesStoredAndPublishedResults(postgres.getPostgresDatabase());
        }
    }

    @Test
    void refusesToGuessWhenARunStoredMorePointsThanItsModelHasIndicators() {
        assertThatThrownBy(() -> V15__KeyedIndicatorPoints.keyed(7, List.of("T1", "T2"), "100;200;300"))
                .hasMessageContaining("评价批次 #7").hasMessageContaining("3 项指标得分");
        assertThat(V15__KeyedIndicatorPoints.keyed(7, List.of("T1", "T2"), "T1=100;T2=200")).isEqualTo("T1=100;T2=200");
    }

    private static void upgradesStoredAndPublishedResults(DataSource db) throws SQLException {
        MigrationDatabases.flyway(db, "14").migrate();
        JdbcTemplate jdbc = new JdbcTemplate(db);
        String yaml = new String(readDefaultModel(), StandardCharsets.UTF_8);
        jdbc.update("""
                insert into score_model (id, model_key, version, name, status, definition, created_by)
                values (901, 'panyu-2025', 'old', '旧版', 'ACTIVE', ?, 'test')""", yaml);
        for (long run : new long[] {911, 912}) {
            jdbc.update("""
                    insert into evaluation_run (id, data_year, model_id, status, created_by, finished_at)
                    values (?, 2030, 901, ?, 'test', current_timestamp)""", run, run == 911 ? "PUBLISHED" : "DRAFT");
        }
        String positional = String.join(";", CODES.stream().map(c -> String.valueOf(CODES.indexOf(c) * 100 + 1)).toList());
        insertResult(jdbc, 911, "91440113MA59A0000A", positional);
        insertResult(jdbc, 912, "91440113MA59A0000A", positional);
        jdbc.update("insert into publication (data_year, run_id, published_by) values (2030, 911, 'test')");

        MigrationDatabases.flyway(db, null).migrate();

        String keyed = jdbc.queryForObject("select points from score_result where run_id = 911", String.class);
        IndicatorPoints points = IndicatorPoints.parse(keyed);
        assertThat(points.asMap().keySet()).containsExactlyElementsOf(CODES);
        assertThat(points.of("T1")).hasValue(new BigDecimal("0.01"));
        assertThat(points.of(CODES.get(CODES.size() - 1)))
                .hasValue(BigDecimal.valueOf((CODES.size() - 1) * 100 + 1, 2));
        assertThat(jdbc.queryForObject("select points from score_result where run_id = 912", String.class)).isEqualTo(keyed);

        List<Map<String, Object>> published = jdbc.queryForList("select data_year, run_id, model_id, points from published_score");
        assertThat(published).hasSize(1);
        assertThat(published.get(0)).containsEntry("points", keyed);
        assertThat(((Number) published.get(0).get("run_id")).longValue()).isEqualTo(911);
        assertThat(((Number) published.get(0).get("model_id")).longValue()).isEqualTo(901);

        // a second start finds nothing to do
        MigrationDatabases.flyway(db, null).migrate();
        assertThat(jdbc.queryForObject("select points from score_result where run_id = 911", String.class)).isEqualTo(keyed);
    }

    private static void insertResult(JdbcTemplate jdbc, long run, String uscc, String points) {
        jdbc.update("""
                insert into score_result (run_id, uscc, name, town, industry, stage, core, bonus, deduction, total,
                                          rank_in_stage, tier, eligible, points)
                values (?, ?, '测试企业', '市桥街道', 'C39', 'GROWTH', 500.00, 30.00, 0.00, 530.00, 1, 'LEAD', true, ?)""",
                run, uscc, points);
    }

    private static byte[] readDefaultModel() {
        try (var in = ModelLoader.class.getResourceAsStream(ModelLoader.DEFAULT_MODEL_RESOURCE)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
