package cn.gov.panyu.points.platform.evaluation;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.ModelLoader;

/**
 * Rewrites stored indicator points from the first release's positional form ({@code 1234;500;…}, model
 * order) to the keyed form of {@link IndicatorPoints} ({@code T1=1234;T2=500;…}), naming each position
 * with the code of the indicator at that position in the run's own model version — the only moment the
 * position still means something.
 *
 * <p>A Java migration because the codes live in the model's YAML, which only the engine reads. It is a
 * bean of this feature, which owns the table (Spring Boot hands JavaMigration beans to Flyway), and it
 * reads the YAML straight from {@code score_model}: Flyway runs before any other bean may touch the
 * database. A position beyond the model's indicators, or a model that no longer loads, stops the
 * migration with the run named — guessing would put points under the wrong indicator.
 */
@Component
class V15__KeyedIndicatorPoints extends BaseJavaMigration {

    private static final int BATCH = 5_000;

    @Override
    public void migrate(Context context) throws SQLException {
        Connection con = context.getConnection();
        Map<Long, List<String>> codesByModel = new HashMap<>();
        try (PreparedStatement runs = con.prepareStatement("""
                select r.id, r.model_id, m.definition from evaluation_run r join score_model m on m.id = r.model_id
                where exists (select 1 from score_result s where s.run_id = r.id) order by r.id""");
             ResultSet rs = runs.executeQuery()) {
            while (rs.next()) {
                long runId = rs.getLong(1);
                List<String> codes = codesByModel.computeIfAbsent(rs.getLong(2),
                        id -> codes(runId, rs, id));
                rewrite(con, runId, codes);
            }
        }
    }

    private static List<String> codes(long runId, ResultSet rs, long modelId) {
        try {
            return ModelLoader.parse(rs.getString(3), "score_model#" + modelId).indicators().stream()
                    .map(Indicator::code).toList();
        } catch (SQLException | RuntimeException e) {
            throw new IllegalStateException("评价批次 #" + runId + " 的积分模型 #" + modelId + " 无法读取，指标得分无法迁移", e);
        }
    }

    private static void rewrite(Connection con, long runId, List<String> codes) throws SQLException {
        try (PreparedStatement read = con.prepareStatement("select uscc, points from score_result where run_id = ?");
             PreparedStatement write = con.prepareStatement(
                     "update score_result set points = ? where run_id = ? and uscc = ?")) {
            read.setLong(1, runId);
            read.setFetchSize(BATCH);
            int pending = 0;
            try (ResultSet rs = read.executeQuery()) {
                while (rs.next()) {
                    write.setString(1, keyed(runId, codes, rs.getString(2)));
                    write.setLong(2, runId);
                    write.setString(3, rs.getString(1));
                    write.addBatch();
                    if (++pending == BATCH) {
                        write.executeBatch();
                        pending = 0;
                    }
                }
            }
            if (pending > 0) {
                write.executeBatch();
            }
        }
    }

    /** "1234;500" → "T1=1234;T2=500"; text that is keyed already (a re-run migration) stays as it is. */
    static String keyed(long runId, List<String> codes, String positional) {
        if (positional == null || positional.isBlank() || positional.contains("=")) {
            return positional;
        }
        String[] cents = positional.split(";");
        if (cents.length > codes.size()) {
            throw new IllegalStateException("评价批次 #" + runId + " 保存了 " + cents.length + " 项指标得分，但其积分模型只有 "
                    + codes.size() + " 项指标，无法迁移");
        }
        StringBuilder sb = new StringBuilder(positional.length() + cents.length * 4);
        for (int j = 0; j < cents.length; j++) {
            sb.append(j == 0 ? "" : ";").append(codes.get(j)).append('=').append(Long.parseLong(cents[j].trim()));
        }
        return sb.toString();
    }
}
