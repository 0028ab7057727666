package cn.gov.panyu.points.platform.contest;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.evaluation.StageRange;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The screening list of a contest (or one of its groups): expert scores combined with the published points
 * ({@link ScreeningScores}). Points are read only through the published-scores read model: the latest
 * published year, the enterprise's result in it and its stage's range.
 */
@Service
@PreAuthorize("hasRole('STAFF')")
public class Screening {

    /** The list with what it was computed from. */
    public record ScreeningList(Contest contest, Integer pointsYear, TablePage<ScreeningRow> page) {
    }

    /** Sort keys of the list → how rows compare (ascending); the default is the rank. */
    private static final Map<String, Comparator<ScreeningRow>> SORTABLE = Map.of(
            "rank", Comparator.comparing(r -> r.rank() == 0 ? Integer.MAX_VALUE : r.rank()),
            "project", Comparator.comparing(r -> r.entry().project()),
            "group", Comparator.comparing(r -> r.entry().groupName()),
            "expert", Comparator.comparing(ScreeningRow::expert, Comparator.nullsFirst(Comparator.naturalOrder())),
            "points", Comparator.comparing(ScreeningRow::normalised, Comparator.nullsFirst(Comparator.naturalOrder())),
            "combined", Comparator.comparing(ScreeningRow::combined, Comparator.nullsFirst(Comparator.naturalOrder())));

    private final JdbcClient jdbc;
    private final Contests contests;
    private final PublishedResults published;
    private final AuditLog audit;

    Screening(JdbcClient jdbc, Contests contests, PublishedResults published, AuditLog audit) {
        this.jdbc = jdbc;
        this.contests = contests;
        this.published = published;
        this.audit = audit;
    }

    public ScreeningList page(long contestId, Long groupId, TableQuery query) {
        Contest contest = contests.contest(contestId);
        Integer year = published.latestYear().orElse(null);
        List<ScreeningRow> rows = sorted(rows(contest, groupId, year), query);
        TableQuery shown = query.offset() < rows.size() || rows.isEmpty() ? query
                : query.withPage((rows.size() + query.size() - 1) / query.size());
        List<ScreeningRow> slice = rows.subList(Math.min(rows.size(), shown.offset()),
                Math.min(rows.size(), shown.offset() + shown.size()));
        return new ScreeningList(contest, year, new TablePage<>(slice, rows.size(), shown));
    }

    /** Every row, in the list's order, for the export (recorded: it holds enterprises' points). */
    public List<ScreeningRow> all(long contestId, Long groupId, TableQuery query) {
        Contest contest = contests.contest(contestId);
        List<ScreeningRow> rows = sorted(rows(contest, groupId, published.latestYear().orElse(null)), query);
        audit.record(AuditAction.EXPORT_DATA, null, "导出双创大赛「" + contest.title() + "」评审排序 " + rows.size() + " 项");
        return rows;
    }

    private static List<ScreeningRow> sorted(List<ScreeningRow> ranked, TableQuery query) {
        Comparator<ScreeningRow> by = SORTABLE.get(query.sort());
        if (by == null) {
            return ranked;
        }
        List<ScreeningRow> rows = new ArrayList<>(ranked);
        rows.sort(query.descending() ? by.reversed() : by);
        return rows;
    }

    private List<ScreeningRow> rows(Contest contest, Long groupId, Integer year) {
        String group = groupId == null ? "" : " and e.group_id = ?";
        List<Object> params = new ArrayList<>(List.of(contest.id()));
        if (groupId != null) {
            params.add(groupId);
        }
        List<Entry> entries = jdbc.sql("select " + Contests.ENTRY_COLUMNS + " " + Contests.ENTRY_FROM
                        + " where e.contest_id = ?" + group + " order by e.id")
                .params(params).query(Contests::entry).list();
        Map<Long, List<BigDecimal>> totals = new HashMap<>();
        jdbc.sql("""
                        select a.entry_id, a.total from contest_assignment a join contest_entry e on e.id = a.entry_id
                        where e.contest_id = ? and a.status = 'SUBMITTED'""").param(contest.id())
                .query((java.sql.ResultSet rs) -> {
                    totals.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getBigDecimal(2));
                });
        Map<Stage, Optional<StageRange>> ranges = new EnumMap<>(Stage.class);
        Function<Stage, Optional<StageRange>> range = stage -> ranges.computeIfAbsent(stage,
                s -> published.stageRange(year, s));
        List<ScreeningScores.Input> inputs = new ArrayList<>();
        for (Entry e : entries) {
            List<BigDecimal> experts = totals.getOrDefault(e.id(), List.of());
            if (e.uscc() == null || !e.match().hasEnterprise()) {
                inputs.add(new ScreeningScores.Input(e, experts, null, "未匹配到企业名录中的企业"));
                continue;
            }
            Optional<PublishedScore> score = year == null ? Optional.empty() : published.of(e.uscc(), year);
            if (score.isEmpty()) {
                inputs.add(new ScreeningScores.Input(e, experts, null,
                        year == null ? "尚无已发布的评价结果" : "企业未参加 " + year + " 年度评价"));
                continue;
            }
            PublishedScore s = score.get();
            StageRange r = range.apply(s.stage()).orElse(new StageRange(s.stage(), s.total(), s.total()));
            inputs.add(new ScreeningScores.Input(e, experts,
                    new ScreeningScores.Points(s.stage(), s.total(), r.lowest(), r.highest(), s.eligible()), null));
        }
        return ScreeningScores.rank(inputs, contest.expertWeight());
    }
}
