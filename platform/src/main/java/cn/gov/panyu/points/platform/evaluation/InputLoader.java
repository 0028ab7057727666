package cn.gov.panyu.points.platform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

/**
 * Reads the merged yearly data (enterprise + enterprise_year) of one year as engine records, sorted by
 * USCC so that the canonical input — and its hash — does not depend on the database's row order.
 * The column names of enterprise_year are the {@link InputField} keys, so the mapping is generic.
 */
@Component
class InputLoader {

    private static final List<InputField> NUMERIC = InputField.numericFields();
    private static final String SQL;

    static {
        StringBuilder sb = new StringBuilder("select e.uscc, e.name, e.town, e.industry, e.established");
        for (InputField f : NUMERIC) {
            sb.append(", y.").append(f.key());
        }
        sb.append(", y.qualifications, y.negatives from enterprise_year y join enterprise e on e.uscc = y.uscc")
                .append(" where y.data_year = ?");
        SQL = sb.toString();
    }

    /**
     * @param records the records that can be scored
     * @param skipped USCCs left out because revenue_y0 — which decides the stage — is missing
     */
    record Loaded(List<EnterpriseRecord> records, List<String> skipped) {
    }

    private final JdbcTemplate jdbc;

    InputLoader(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Loaded load(int year) {
        List<EnterpriseRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        jdbc.query(con -> {
            var ps = con.prepareStatement(SQL);
            ps.setFetchSize(5_000);
            ps.setInt(1, year);
            return ps;
        }, (ResultSet rs) -> {
            EnterpriseRecord r = record(rs);
            if (Double.isNaN(r.value(InputField.REVENUE_Y0))) {
                skipped.add(r.uscc());
            } else {
                records.add(r);
            }
        });
        // sorted here rather than in SQL: a database sort of the whole year spills to disk on H2
        records.sort(Comparator.comparing(EnterpriseRecord::uscc));
        return new Loaded(records, skipped);
    }

    private static EnterpriseRecord record(ResultSet rs) throws SQLException {
        EnterpriseRecord.Builder b = EnterpriseRecord.builder(rs.getString(1).trim())
                .name(rs.getString(2))
                .town(rs.getString(3))
                .industry(rs.getString(4).trim())
                .established(rs.getObject(5, LocalDate.class));
        int col = 6;
        for (InputField f : NUMERIC) {
            double v = rs.getDouble(col++);
            b.set(f, rs.wasNull() ? Double.NaN : v);
        }
        for (String code : codes(rs.getString(col++))) {
            b.qualification(Qualification.valueOf(code));
        }
        for (String code : codes(rs.getString(col))) {
            b.negative(Negative.valueOf(code));
        }
        return b.build();
    }

    private static String[] codes(String text) {
        if (text == null || text.isBlank()) {
            return new String[0];
        }
        return java.util.Arrays.stream(text.split(";")).map(String::trim).filter(s -> !s.isEmpty())
                .toArray(String[]::new);
    }
}
