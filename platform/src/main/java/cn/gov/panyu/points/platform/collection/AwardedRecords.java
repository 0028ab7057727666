package cn.gov.panyu.points.platform.collection;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the awards of {@link ContestAwards} to the merged records: on every rebuild of a year
 * ({@link YearRecordMerge}) and at once when an award is recorded or withdrawn ({@link #refresh}), so that the
 * next evaluation run reads the flag without anyone retyping it.
 */
@Component
public class AwardedRecords {

    private static final String FIELD = RecordField.CONTEST_AWARD_3Y.column();

    private final List<ContestAwards> sources;
    private final JdbcClient jdbc;

    AwardedRecords(List<ContestAwards> sources, JdbcClient jdbc) {
        this.sources = sources;
        this.jdbc = jdbc;
    }

    /** USCC → provenance of every award counting for {@code year} (only {@code uscc}'s when not null). */
    public Map<String, String> countingFor(int year, String uscc) {
        Map<String, String> all = new HashMap<>();
        for (ContestAwards source : sources) {
            source.countingFor(year, uscc).forEach((code, label) -> all.merge(code, label, (a, b) -> a + "；" + b));
        }
        return all;
    }

    /** Where the enterprise's contest flag of a year comes from, when an award sets it. */
    public Optional<String> provenance(String uscc, int year) {
        return Optional.ofNullable(countingFor(year, uscc).get(uscc));
    }

    /** Sets the flag of the year's merged records (one enterprise's when {@code uscc} is not null). */
    void apply(int year, String uscc) {
        for (String code : countingFor(year, uscc).keySet()) {
            jdbc.sql("update enterprise_year set " + FIELD + " = 1 where uscc = ? and data_year = ?")
                    .params(code, year).update();
        }
    }

    /**
     * After an award of the enterprise changed: each of its merged records takes the flag from the awards,
     * else back from the sources as the merge would (科技局's value, else the declared one). A record without
     * any source row is left alone: it was not built by the merge.
     */
    @Transactional
    public void refresh(String uscc) {
        List<Integer> years = jdbc.sql("select data_year from enterprise_year where uscc = ?").param(uscc)
                .query(Integer.class).list();
        for (int year : years) {
            if (provenance(uscc, year).isPresent()) {
                jdbc.sql("update enterprise_year set " + FIELD + " = 1 where uscc = ? and data_year = ?")
                        .params(uscc, year).update();
                continue;
            }
            DataSource owner = YearRecordMerge.owner(RecordField.CONTEST_AWARD_3Y);
            jdbc.sql("update enterprise_year set " + FIELD + " = (select coalesce("
                            + "max(case when s.source = '" + owner.name() + "' then s." + FIELD + " end), "
                            + "max(case when s.source = 'SELF' then s." + FIELD + " end))"
                            + " from source_record s where s.uscc = ? and s.data_year = ?)"
                            + " where uscc = ? and data_year = ?"
                            + " and exists (select 1 from source_record r where r.uscc = ? and r.data_year = ?)")
                    .params(uscc, year, uscc, year, uscc, year).update();
        }
    }
}
