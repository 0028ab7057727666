package cn.gov.panyu.points.platform.evaluation;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.support.JdbcTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

/**
 * Puts a synthetic district straight into enterprise / enterprise_year with batch inserts — test data for
 * evaluation tests and the benchmark, without going through the import feature. The year's previous
 * enterprise_year rows are replaced; enterprises that already exist (same USCC) are kept.
 */
public final class DistrictFixture {

    private static final List<InputField> NUMERIC = InputField.numericFields();
    private static final int BATCH = 2_000;

    private DistrictFixture() {
    }

    public static List<EnterpriseRecord> load(JdbcTemplate jdbc, long seed, int year, int count) {
        List<EnterpriseRecord> records = new SyntheticDistrict(seed, year).records(count);
        replace(jdbc, year, records);
        return records;
    }

    static void replace(JdbcTemplate jdbc, int year, List<EnterpriseRecord> records) {
        jdbc.update("delete from enterprise_year where data_year = ?", year);
        String enterprise = """
                insert into enterprise (uscc, name, town, industry, established)
                select ?, ?, ?, ?, ? where not exists (select 1 from enterprise where uscc = ?)""";
        String columns = NUMERIC.stream().map(InputField::key).collect(Collectors.joining(", "));
        String marks = NUMERIC.stream().map(f -> "?").collect(Collectors.joining(", "));
        String yearSql = "insert into enterprise_year (uscc, data_year, " + columns + ", qualifications, negatives) values (?, ?, "
                + marks + ", ?, ?)";
        TransactionTemplate tx = new TransactionTemplate(new JdbcTransactionManager(jdbc.getDataSource()));
        for (int from = 0; from < records.size(); from += BATCH) {
            List<EnterpriseRecord> chunk = records.subList(from, Math.min(records.size(), from + BATCH));
            tx.executeWithoutResult(status -> insert(jdbc, enterprise, yearSql, year, chunk));
        }
    }

    private static void insert(JdbcTemplate jdbc, String enterprise, String yearSql, int year, List<EnterpriseRecord> chunk) {
        jdbc.batchUpdate(enterprise, chunk, chunk.size(), (ps, r) -> {
            ps.setString(1, r.uscc());
            ps.setString(2, r.name());
            ps.setString(3, r.town());
            ps.setString(4, r.industry());
            ps.setObject(5, r.established());
            ps.setString(6, r.uscc());
        });
        jdbc.batchUpdate(yearSql, chunk, chunk.size(), (ps, r) -> yearRow(ps, year, r));
    }

    private static void yearRow(PreparedStatement ps, int year, EnterpriseRecord r) throws SQLException {
        ps.setString(1, r.uscc());
        ps.setInt(2, year);
        int p = 3;
        for (InputField f : NUMERIC) {
            double v = r.value(f);
            boolean integer = f.kind() == InputField.Kind.COUNT || f.kind() == InputField.Kind.FLAG;
            if (Double.isNaN(v)) {
                ps.setNull(p++, integer ? Types.INTEGER : Types.DOUBLE);
            } else if (integer) {
                ps.setInt(p++, (int) v);
            } else {
                ps.setDouble(p++, v);
            }
        }
        List<String> q = new ArrayList<>();
        for (Qualification x : r.qualifications()) {
            q.add(x.name());
        }
        List<String> n = new ArrayList<>();
        for (Negative x : r.negatives()) {
            n.add(x.name());
        }
        ps.setString(p++, q.isEmpty() ? null : String.join(";", q));
        ps.setString(p, n.isEmpty() ? null : String.join(";", n));
    }
}
