package cn.gov.panyu.points.platform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;

/**
 * Reading stored results for staff: all results of one run (checking a draft), and the tier lists (榜单)
 * of a year — read from the published-scores read model, so they always show the published run and switch
 * to a newer one only when its publication commits.
 */
@Service
public class RunResults {

    private static final String COLUMNS = """
            s.uscc, s.name, s.town, s.industry, s.stage, s.core, s.bonus, s.deduction, s.total, s.rank_in_stage,
            s.tier, s.eligible""";
    private static final Map<String, String> SORTABLE = Map.of(
            "rank", "s.rank_in_stage", "total", "s.total", "name", "s.name", "town", "s.town",
            "industry", "s.industry", "stage", "s.stage", "uscc", "s.uscc", "tier", "s.tier");

    private static final String BEST_FIRST = "s.stage, s.rank_in_stage, s.uscc";
    /** Without a sort of the user's: an export and the table it came from list rows in the same order. */
    private static final TableQuery UNSORTED = TableQuery.of(null, null, null, null);

    private final SqlListing<ResultRow> runResults;
    private final PublishedResults published;
    private final AuditLog audit;

    RunResults(JdbcClient jdbc, PublishedResults published, AuditLog audit) {
        this.published = published;
        this.audit = audit;
        runResults = new SqlListing<>(jdbc, COLUMNS, "from score_result s", RunResults::row, SORTABLE, BEST_FIRST,
                "s.uscc");
    }

    /** Results of a run, optionally of one stage. */
    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ResultRow> ofRun(long runId, Stage stage, TableQuery query) {
        return runResults.page(runFilter(runId, stage), query);
    }

    @PreAuthorize("hasRole('STAFF')")
    public void eachOfRun(long runId, Stage stage, Consumer<ResultRow> sink) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出评价批次 #" + runId + " 的结果" + (stage == null ? "" : "（" + stage.label() + "）"));
        runResults.each(runFilter(runId, stage), UNSORTED, sink);
    }

    /** The published tier list of a year and stage (领跑, 竞跑, 进取 — or one of them), best first. */
    @PreAuthorize("hasRole('STAFF')")
    public TablePage<ResultRow> tierList(int year, Stage stage, Tier tier, TableQuery query) {
        TablePage<PublishedScore> page = published.page(ScoreFilter.tierList(year, stage, tier), query);
        return new TablePage<>(page.rows().stream().map(RunResults::row).toList(), page.total(), query);
    }

    @PreAuthorize("hasRole('STAFF')")
    public void eachOfTierList(int year, Stage stage, Tier tier, Consumer<ResultRow> sink) {
        audit.record(AuditAction.EXPORT_DATA, null, "导出 " + year + " 年度积分榜单" + (stage == null ? "" : "（" + stage.label() + "）"));
        published.each(ScoreFilter.tierList(year, stage, tier), UNSORTED, score -> sink.accept(row(score)));
    }

    /** How many enterprises each tier of each stage holds in a year's published run: [stage][tier]. */
    @PreAuthorize("hasRole('STAFF')")
    public long[][] tierCounts(int year) {
        return published.tierCounts(year);
    }

    /** Years with a published run, newest first. */
    @PreAuthorize("hasRole('STAFF')")
    public List<Integer> publishedYears() {
        return published.years();
    }

    private static SqlFilter runFilter(long runId, Stage stage) {
        return SqlFilter.all().and("s.run_id = ?", runId).andIf(stage != null, "s.stage = ?", stage == null ? null : stage.name());
    }

    private static ResultRow row(PublishedScore s) {
        return new ResultRow(s.uscc(), s.name(), s.town(), s.industry(), s.stage(), s.core(), s.bonus(), s.deduction(),
                s.total(), s.rank(), s.tier(), s.eligible());
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
