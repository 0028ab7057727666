package cn.gov.panyu.points.platform.contest;

import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads a contest with its groups and criteria; shared by the staff's and the experts' services. */
final class ContestData {

    private ContestData() {
    }

    static Optional<Contest> contest(JdbcClient jdbc, long id) {
        List<Contest.Group> groups = jdbc.sql("select id, name from contest_group where contest_id = ? order by position")
                .param(id).query((rs, n) -> new Contest.Group(rs.getLong("id"), rs.getString("name"))).list();
        List<Contest.Criterion> criteria = jdbc.sql(
                        "select id, name, max_score from contest_criterion where contest_id = ? order by position")
                .param(id).query((rs, n) -> new Contest.Criterion(rs.getLong("id"), rs.getString("name"),
                        rs.getBigDecimal("max_score"))).list();
        return jdbc.sql("select id, name, contest_year, expert_weight, created_by, created_at from contest where id = ?")
                .param(id)
                .query((rs, n) -> new Contest(rs.getLong("id"), rs.getString("name"), rs.getInt("contest_year"),
                        rs.getBigDecimal("expert_weight"), groups, criteria, rs.getString("created_by"),
                        rs.getTimestamp("created_at").toLocalDateTime()))
                .optional();
    }
}
