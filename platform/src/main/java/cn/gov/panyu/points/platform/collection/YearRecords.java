package cn.gov.panyu.points.platform.collection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.cultivation.Facts;
import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.platform.table.SqlFilter;

/**
 * The merged yearly records (enterprise + enterprise_year) as the engine reads them: the one mapping from
 * stored data to {@link EnterpriseRecord}, kept by the owner of these tables, for evaluation runs and for
 * everything that explains a score. The column names of enterprise_year are the {@link InputField} keys,
 * so the mapping is generic; set codes are read by {@link SetCodes}, so an unknown stored code fails
 * loudly here as everywhere.
 */
@Component
public class YearRecords {

    private static final List<InputField> NUMERIC = InputField.numericFields();
    /** Rows fetched per round trip: a year of 100,000 enterprises streams rather than loading at once. */
    private static final int FETCH_SIZE = 5_000;
    private static final String COLUMNS;
    private static final String SELECT;
    /** Registry columns, numeric fields and the two sets come first. */
    private static final int FIRST_CULTIVATION_COLUMN = 6 + NUMERIC.size() + 2;

    static {
        StringBuilder sb = new StringBuilder("select e.uscc, e.name, e.town, e.industry, e.established");
        for (InputField f : NUMERIC) {
            sb.append(", y.").append(f.key());
        }
        sb.append(", y.qualifications, y.negatives");
        for (CultivationField f : CultivationField.values()) {
            sb.append(", y.").append(f.key());
        }
        COLUMNS = sb.toString();
        SELECT = COLUMNS + " from enterprise_year y join enterprise e on e.uscc = y.uscc where y.data_year = ?";
    }

    /**
     * A year's records.
     *
     * @param records the records that can be scored, sorted by USCC so that the canonical input — and its
     *                hash — does not depend on the database's row order
     * @param skipped USCCs left out because revenue_y0 — which decides the stage — is missing
     */
    public record Loaded(List<EnterpriseRecord> records, List<String> skipped) {
    }

    private final JdbcTemplate jdbc;

    YearRecords(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Years with merged records, newest first. */
    public List<Integer> years() {
        return jdbc.queryForList("select distinct data_year from enterprise_year order by data_year desc", Integer.class);
    }

    /** The years one enterprise has a merged record of, newest first. */
    public List<Integer> yearsOf(String uscc) {
        return jdbc.queryForList("select data_year from enterprise_year where uscc = ? order by data_year desc",
                Integer.class, uscc);
    }

    /**
     * What changes whenever a year's merged records do (their number and the newest merge), so that a
     * reader may keep what it derived from them until this changes.
     */
    public String stamp(int year) {
        return jdbc.queryForObject("select count(*) || '@' || coalesce(cast(max(updated_at) as varchar(40)), '-')"
                + " from enterprise_year where data_year = ?", String.class, year);
    }

    /** Every record of a year that can be scored, and the USCCs of those that cannot. */
    public Loaded ofYear(int year) {
        List<EnterpriseRecord> records = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        stream(year, rs -> {
            EnterpriseRecord r = record(rs);
            if (r.isMissing(InputField.REVENUE_Y0)) {
                skipped.add(r.uscc());
            } else {
                records.add(r);
            }
        });
        // sorted here rather than in SQL: a database sort of the whole year spills to disk on H2
        records.sort(Comparator.comparing(EnterpriseRecord::uscc));
        return new Loaded(records, skipped);
    }

    /** One enterprise's record of a year, as stored — also without revenue_y0 (then not scorable). */
    public Optional<EnterpriseRecord> of(String uscc, int year) {
        return jdbc.query(SELECT + " and y.uscc = ?", (rs, n) -> record(rs), year, uscc).stream().findFirst();
    }

    /**
     * The records of a year of the given enterprises, by USCC, as {@link #of(String, int)} reads each; an
     * enterprise without one is absent. One statement for the whole list, so callers pass a bounded list.
     */
    public Map<String, EnterpriseRecord> of(Collection<String> usccs, int year) {
        if (usccs.isEmpty()) {
            return Map.of();
        }
        Object[] args = new Object[usccs.size() + 1];
        int i = 0;
        for (String uscc : usccs) {
            args[i++] = uscc;
        }
        args[i] = year;
        Map<String, EnterpriseRecord> found = new HashMap<>();
        // joined rather than "in (…)": one probe of the key (uscc, data_year) per value, where H2 preferred to
        // scan the whole year by its data_year index and test each row against the list (100,000 enterprises)
        jdbc.query(COLUMNS + " from " + SqlFilter.usccTable("asked", usccs.size())
                        + " join enterprise_year y on y.uscc = asked.uscc join enterprise e on e.uscc = y.uscc"
                        + " where y.data_year = ?",
                (RowCallbackHandler) rs -> {
                    EnterpriseRecord r = record(rs);
                    found.put(r.uscc(), r);
                }, args);
        return found;
    }

    /**
     * One enterprise's data for the 高企/科小 pre-assessment of a year: its record and the cultivation
     * columns (NaN where missing, which the assessment reports as 数据缺失, never as 0).
     */
    public Optional<Facts> factsOf(String uscc, int year) {
        return jdbc.query(SELECT + " and y.uscc = ?", (rs, n) -> facts(rs), year, uscc).stream().findFirst();
    }

    /**
     * The pre-assessment data of every enterprise with a record of the year, streamed in no particular order
     * (records without revenue included: the assessment names what is missing).
     */
    public void forEachFacts(int year, Consumer<Facts> sink) {
        stream(year, rs -> sink.accept(facts(rs)));
    }

    /**
     * The qualifications each enterprise holds in a year's merged record, streamed; enterprises holding none are
     * left out. Only the two columns: a district's dashboard asks this for 100,000 records, not their figures.
     */
    public void forEachQualifications(int year, BiConsumer<String, Set<Qualification>> sink) {
        jdbc.query(con -> {
            var ps = con.prepareStatement("select uscc, qualifications from enterprise_year"
                    + " where data_year = ? and qualifications is not null and qualifications <> ''");
            ps.setFetchSize(FETCH_SIZE);
            ps.setInt(1, year);
            return ps;
        }, (RowCallbackHandler) rs -> {
            Set<Qualification> held = SetCodes.QUALIFICATIONS.fromStored(rs.getString(2));
            if (!held.isEmpty()) {
                sink.accept(rs.getString(1).trim(), held);
            }
        });
    }

    private void stream(int year, RowCallbackHandler row) {
        jdbc.query(con -> {
            var ps = con.prepareStatement(SELECT);
            ps.setFetchSize(FETCH_SIZE);
            ps.setInt(1, year);
            return ps;
        }, row);
    }

    private static Facts facts(ResultSet rs) throws SQLException {
        double[] extra = new double[CultivationField.values().length];
        int col = FIRST_CULTIVATION_COLUMN;
        for (CultivationField f : CultivationField.values()) {
            double v = rs.getDouble(col++);
            extra[f.ordinal()] = rs.wasNull() ? Double.NaN : v;
        }
        return new Facts(record(rs), extra);
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
        for (Qualification q : SetCodes.QUALIFICATIONS.fromStored(rs.getString(col++))) {
            b.qualification(q);
        }
        for (Negative n : SetCodes.NEGATIVES.fromStored(rs.getString(col))) {
            b.negative(n);
        }
        return b.build();
    }
}
