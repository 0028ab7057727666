package cn.gov.panyu.points.platform.contest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.platform.collection.ContestAwards;

/**
 * The awards as the merged record's 近三年双创大赛获奖 reads them. The scoring spec's record of year Y holds the
 * figures of year Y (revenue_y0 is Y's revenue), so "in the last three years" of Y is Y−2..Y: an award of a
 * contest held in year A counts for data years A, A+1 and A+2 — the first evaluation after the contest (the
 * run of year A, computed after A ends) and the two after it. Only entries matched to the registry (by USCC,
 * or a name match staff confirmed) count.
 */
@Component
class ContestAwardSource implements ContestAwards {

    /** Data years an award counts for, from the contest's year on. */
    static final int YEARS_COUNTED = 3;

    private final JdbcClient jdbc;

    ContestAwardSource(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<String, String> countingFor(int year, String uscc) {
        List<Object> params = new ArrayList<>(List.of(year - YEARS_COUNTED + 1, year));
        String only = "";
        if (uscc != null) {
            only = " and e.uscc = ?";
            params.add(uscc);
        }
        Map<String, String> found = new HashMap<>();
        jdbc.sql("""
                        select e.uscc, c.name, c.contest_year, e.award from contest_entry e join contest c on c.id = e.contest_id
                        where e.award is not null and e.uscc is not null and e.match_status in ('MATCHED', 'CONFIRMED')
                          and c.contest_year between ? and ?""" + only + " order by c.contest_year desc, e.award, c.id")
                .params(params)
                .query((java.sql.ResultSet rs) -> {
                    Award award = Award.of(rs.getString("award"));
                    String label = "双创大赛 " + rs.getInt("contest_year") + " " + award.label() + "（" + rs.getString("name") + "）";
                    found.merge(rs.getString("uscc").strip(), label, (a, b) -> a + "；" + b);
                });
        return found;
    }
}
