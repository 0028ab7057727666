package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.StringJoiner;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The expert's workspace: the entries assigned to the signed-in expert, the conflict-of-interest declaration
 * and the scores per criterion. Every statement binds the expert's user name, so an assignment of another
 * expert is not found (404), exactly like one that does not exist. A submitted score changes only with a
 * reason, and the change is kept with the scores before and after.
 */
@Service
@PreAuthorize("hasRole('EXPERT')")
public class ExpertWork {

    /** One line of the expert's list. */
    public record AssignmentRow(long id, String contest, String group, String project, String team,
                                AssignmentStatus status, BigDecimal total) {
    }

    /** One assignment with what the expert sees and types. */
    public record AssignmentView(long id, Contest contest, Entry entry, AssignmentStatus status, String conflictReason,
                                 Map<Long, BigDecimal> scores, BigDecimal total, List<ScoreChange> changes) {
    }

    /** A change of submitted scores. */
    public record ScoreChange(LocalDateTime at, String reason, BigDecimal oldTotal, BigDecimal newTotal,
                              String oldScores, String newScores) {
    }

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final SqlListing<AssignmentRow> list;

    ExpertWork(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.list = new SqlListing<>(jdbc, """
                a.id, c.name as contest, c.contest_year, g.name as group_name, e.project, e.team, a.status, a.total""",
                "from contest_assignment a join contest_entry e on e.id = a.entry_id join contest c on c.id = e.contest_id"
                        + " join contest_group g on g.id = e.group_id",
                (rs, n) -> new AssignmentRow(rs.getLong("id"), rs.getString("contest") + "（" + rs.getInt("contest_year") + "）",
                        rs.getString("group_name"), rs.getString("project"), rs.getString("team"),
                        AssignmentStatus.valueOf(rs.getString("status").strip()), rs.getBigDecimal("total")),
                Map.of("contest", "c.name", "project", "e.project", "status", "a.status", "group", "g.name"),
                "c.id desc, g.position, e.source_row", "a.id");
    }

    public TablePage<AssignmentRow> page(PlatformUser expert, TableQuery query) {
        return list.page(SqlFilter.all().and("a.expert = ?", expert.username()), query);
    }

    public AssignmentView assignment(PlatformUser expert, long id) {
        Map<String, Object> a = jdbc.sql("""
                        select a.entry_id, e.contest_id, a.status, a.conflict_reason, a.total
                        from contest_assignment a join contest_entry e on e.id = a.entry_id
                        where a.id = ? and a.expert = ?""")
                .params(id, expert.username()).query().listOfRows().stream().findFirst()
                .orElseThrow(() -> new ContestNotFoundException("assignment " + id));
        long contestId = ((Number) a.get("contest_id")).longValue();
        Contest contest = ContestData.contest(jdbc, contestId).orElseThrow();
        Entry entry = jdbc.sql("select " + Contests.ENTRY_COLUMNS + " " + Contests.ENTRY_FROM + " where e.id = ?")
                .param(((Number) a.get("entry_id")).longValue()).query(Contests::entry).single();
        Map<Long, BigDecimal> scores = new HashMap<>();
        jdbc.sql("select criterion_id, score from contest_score where assignment_id = ?").param(id)
                .query((java.sql.ResultSet rs) -> {
                    scores.put(rs.getLong(1), rs.getBigDecimal(2));
                });
        List<ScoreChange> changes = jdbc.sql("""
                        select changed_at, reason, old_total, new_total, old_scores, new_scores
                        from contest_score_change where assignment_id = ? order by id""")
                .param(id).query((rs, n) -> new ScoreChange(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2),
                        rs.getBigDecimal(3), rs.getBigDecimal(4), rs.getString(5), rs.getString(6))).list();
        return new AssignmentView(id, contest, entry, AssignmentStatus.valueOf(a.get("status").toString().strip()),
                (String) a.get("conflict_reason"), scores, (BigDecimal) a.get("total"), changes);
    }

    /**
     * The conflict-of-interest declaration, once per assignment: none (the expert may score), or a conflict with
     * its reason (the expert steps back, staff assign another expert; the declaration is kept).
     */
    @Transactional
    public void declare(PlatformUser expert, long id, boolean conflict, String reason) {
        AssignmentView view = assignment(expert, id);
        if (view.status() != AssignmentStatus.ASSIGNED) {
            throw new ContestException("已声明过利益冲突情况，不能更改");
        }
        String why = reason == null ? "" : reason.strip();
        if (conflict && (why.isEmpty() || why.length() > 500)) {
            throw new ContestException("申报利益冲突时请说明情况（不超过500字）");
        }
        jdbc.sql("update contest_assignment set status = ?, declared_at = ?, conflict_reason = ? where id = ? and expert = ?")
                .params(conflict ? "CONFLICT" : "DECLARED", Timestamp.valueOf(LocalDateTime.now()),
                        conflict ? why : null, id, expert.username())
                .update();
        audit.record(AuditAction.CONTEST_SCORE, view.entry().uscc(), "评审专家对项目「" + view.entry().project() + "」"
                + (conflict ? "申报利益冲突并回避：" + why : "声明无利益冲突"));
    }

    /**
     * Scores every criterion (0 to its maximum, at most two decimals). The first submission needs no reason; a
     * change of submitted scores needs one, and is kept with the scores before and after.
     *
     * @return the problems per criterion id (key 0: the reason), empty when the scores were stored
     */
    @Transactional
    public Map<Long, String> submit(PlatformUser expert, long id, Map<Long, String> typed, String reason) {
        AssignmentView view = assignment(expert, id);
        if (view.status() == AssignmentStatus.ASSIGNED || view.status() == AssignmentStatus.CONFLICT) {
            throw new ContestException(view.status() == AssignmentStatus.CONFLICT ? "已申报利益冲突，不能评分"
                    : "请先声明与本项目无利益冲突，再评分");
        }
        Map<Long, String> problems = new LinkedHashMap<>();
        Map<Long, BigDecimal> scores = new LinkedHashMap<>();
        for (Contest.Criterion c : view.contest().criteria()) {
            BigDecimal s = score(typed.get(c.id()), c.maxScore());
            if (s == null) {
                problems.put(c.id(), c.name() + "：请填写 0 至 " + c.maxScore().stripTrailingZeros().toPlainString()
                        + " 之间的分数，最多两位小数");
            } else {
                scores.put(c.id(), s);
            }
        }
        boolean change = view.status() == AssignmentStatus.SUBMITTED;
        String why = reason == null ? "" : reason.strip();
        if (change && (why.isEmpty() || why.length() > 500)) {
            problems.put(0L, "修改已提交的评分须填写修改理由（不超过500字）");
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        BigDecimal total = scores.values().stream().reduce(BigDecimal.ZERO, BigDecimal::add);
        LocalDateTime now = LocalDateTime.now();
        if (change) {
            if (scores.equals(normalised(view.scores()))) {
                return Map.of(0L, "评分没有变化");
            }
            jdbc.sql("""
                            insert into contest_score_change (assignment_id, changed_by, changed_at, reason, old_total,
                                new_total, old_scores, new_scores) values (?, ?, ?, ?, ?, ?, ?, ?)""")
                    .params(id, expert.username(), Timestamp.valueOf(now), why, view.total(), total,
                            text(view.contest(), normalised(view.scores())), text(view.contest(), scores))
                    .update();
        }
        jdbc.sql("delete from contest_score where assignment_id = ?").param(id).update();
        scores.forEach((criterion, s) -> jdbc.sql("insert into contest_score (assignment_id, criterion_id, score) values (?, ?, ?)")
                .params(id, criterion, s).update());
        jdbc.sql("update contest_assignment set status = 'SUBMITTED', total = ?, submitted_at = ? where id = ? and expert = ?")
                .params(total, Timestamp.valueOf(now), id, expert.username()).update();
        audit.record(AuditAction.CONTEST_SCORE, view.entry().uscc(), "评审专家" + (change ? "修改" : "提交") + "项目「"
                + view.entry().project() + "」评分：" + text(view.contest(), scores) + "，合计 " + plain(total)
                + (change ? "（原合计 " + plain(view.total()) + "；理由：" + why + "）" : ""));
        return Map.of();
    }

    private static Map<Long, BigDecimal> normalised(Map<Long, BigDecimal> scores) {
        Map<Long, BigDecimal> n = new HashMap<>();
        scores.forEach((k, v) -> n.put(k, v.setScale(2, RoundingMode.UNNECESSARY)));
        return n;
    }

    static BigDecimal score(String text, BigDecimal max) {
        try {
            BigDecimal s = new BigDecimal(text == null ? "" : text.strip());
            if (s.signum() < 0 || s.compareTo(max) > 0 || s.stripTrailingZeros().scale() > 2) {
                return null;
            }
            return s.setScale(2, RoundingMode.UNNECESSARY);
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** "创新性 30；市场前景 25" in the criteria's order. */
    private static String text(Contest contest, Map<Long, BigDecimal> scores) {
        StringJoiner j = new StringJoiner("；");
        for (Contest.Criterion c : contest.criteria()) {
            BigDecimal s = scores.get(c.id());
            j.add(c.name() + " " + (s == null ? "—" : plain(s)));
        }
        return j.toString();
    }

    private static String plain(BigDecimal d) {
        return d == null ? "—" : d.stripTrailingZeros().toPlainString();
    }

    /** Criteria ids as the form posts them ({@code score_<id>}). */
    static Map<Long, String> typed(Map<String, String> params) {
        Map<Long, String> typed = new HashMap<>();
        params.forEach((k, v) -> {
            if (k.startsWith("score_")) {
                try {
                    typed.put(Long.parseLong(k.substring(6)), v);
                } catch (NumberFormatException ignored) {
                    // not one of ours: ignored like any unknown parameter
                }
            }
        });
        return typed;
    }
}
