package cn.gov.panyu.points.platform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Reading stored results: all results of one run (staff checking a draft), and the tier lists (榜单) of a
 * year — which are read through publication, so they always show the published run and switch to a
 * newer one only when its publication commits.
 */
@Service
public class RunResults {

    private static final String COLUMNS = """
            s.uscc, s.name, s.town, s.industry, s.stage, s.core, s.bonus, s.deduction, s.total, s.rank_in_stage,
            s.tier, s.eligible""";
    private static final Map<String, String> SORTABLE = Map.of(
            "rank", "s.rank_in_stage", "total", "s.total", "name", "s.name", "town", "s.town",
            "industry", "s.industry", "stage", "s.stage", "uscc", "s.uscc", "tier", "s.tier");

    private final JdbcClient jdbc;
    private final AuditLog audit;

    RunResults(JdbcClient jdbc, AuditLog audit) {
        this.jdbc = jdbc;
        this.audit = audit;
    }

    /** Results of a run, optionally of one stage. */
    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ResultRow> ofRun(long runId, Stage stage, TableQuery query) {
        Filter f = new Filter("from score_result s where s.run_id = ?", List.of(runId));
        if (stage != null) {
            f = f.and("s.stage = ?", stage.name());
        }
        return page(f, query);
    }

    @PreAuthorize("hasRole('STAFF')")
    public void eachOfRun(long runId, Stage stage, Consumer<ResultRow> sink) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出评价批次 #" + runId + " 的结果" + (stage == null ? "" : "（" + stage.label() + "）"));
        Filter f = new Filter("from score_result s where s.run_id = ?", List.of(runId));
        if (stage != null) {
            f = f.and("s.stage = ?", stage.name());
        }
        each(f, sink);
    }

    /** The published tier list of a year and stage (领跑, 竞跑, 进取 — or one of them), best first. */
    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ResultRow> tierList(int year, Stage stage, Tier tier, TableQuery query) {
        return page(tierFilter(year, stage, tier), query);
    }

    @PreAuthorize("hasRole('STAFF')")
    public void eachOfTierList(int year, Stage stage, Tier tier, Consumer<ResultRow> sink) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出 " + year + " 年度积分榜单" + (stage == null ? "" : "（" + stage.label() + "）"));
        each(tierFilter(year, stage, tier), sink);
    }

    /** How many enterprises each tier of each stage holds in a year's published run: [stage][tier]. */
    @PreAuthorize("hasRole('STAFF')")
    public long[][] tierCounts(int year) {
        long[][] counts = new long[Stage.values().length][Tier.values().length];
        jdbc.sql("""
                select s.stage, s.tier, count(*) from publication p join score_result s on s.run_id = p.run_id
                where p.data_year = ? and s.tier is not null group by s.stage, s.tier""").param(year)
                .query((ResultSet rs) -> {
                    counts[Stage.valueOf(rs.getString(1).trim()).ordinal()][Tier.valueOf(rs.getString(2).trim()).ordinal()] =
                            rs.getLong(3);
                });
        return counts;
    }

    /** Years with a published run, newest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Integer> publishedYears() {
        return jdbc.sql("select data_year from publication order by data_year desc").query(Integer.class).list();
    }

    private static Filter tierFilter(int year, Stage stage, Tier tier) {
        Filter f = new Filter("from publication p join score_result s on s.run_id = p.run_id where p.data_year = ?"
                + " and s.tier is not null", List.of(year));
        if (stage != null) {
            f = f.and("s.stage = ?", stage.name());
        }
        if (tier != null) {
            f = f.and("s.tier = ?", tier.name());
        }
        return f;
    }

    private TablePage<ResultRow> page(Filter f, TableQuery query) {
        long total = jdbc.sql("select count(*) " + f.sql()).params(f.params()).query(Long.class).single();
        String order = SORTABLE.containsKey(query.sort()) ? query.orderBy(SORTABLE, "rank") + ", s.uscc"
                : " order by s.stage, s.rank_in_stage, s.uscc";
        List<Object> params = new ArrayList<>(f.params());
        params.add(query.size());
        params.add(query.offset());
        List<ResultRow> rows = jdbc.sql("select " + COLUMNS + " " + f.sql() + order + " limit ? offset ?")
                .params(params).query(RunResults::row).list();
        return new TablePage<>(rows, total, query);
    }

    private void each(Filter f, Consumer<ResultRow> sink) {
        jdbc.sql("select " + COLUMNS + " " + f.sql() + " order by s.stage, s.rank_in_stage, s.uscc").params(f.params())
                .query((ResultSet rs) -> {
                    sink.accept(row(rs, 0));
                });
    }

    private record Filter(String sql, List<Object> params) {
        Filter and(String condition, Object value) {
            List<Object> p = new ArrayList<>(params);
            p.add(value);
            return new Filter(sql + " and " + condition, p);
        }
    }

    static ResultRow row(ResultSet rs, int n) throws SQLException {
        String tier = rs.getString("tier");
        return new ResultRow(rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                rs.getString("industry").trim(), Stage.valueOf(rs.getString("stage").trim()), rs.getBigDecimal("core"),
                rs.getBigDecimal("bonus"), rs.getBigDecimal("deduction"), rs.getBigDecimal("total"),
                rs.getObject("rank_in_stage", Integer.class), tier == null ? null : Tier.valueOf(tier.trim()),
                rs.getBoolean("eligible"));
    }
}
