package cn.gov.panyu.points.platform.evaluation;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The published-scores read model: every published result of every year, and the one way the rest of the
 * platform reads them (docs/adr/0007-published-scores-read-model.md). It reads the view
 * {@code published_score}, which follows the publication row of each year: a reader sees the previous
 * publication until the transaction that switches the row commits and the new one after it — never a mix,
 * never a draft or a run on notice.
 *
 * <p>Deliberately without a role check, like a repository: each caller is a service that has already
 * decided which enterprises its user may see (staff: all; an enterprise: its own; a bank: the consented
 * ones; anonymous visitors: the public columns of the tier lists) and writes the audit entry for the read.
 */
@NamedInterface("published-scores")
@Service
public class PublishedResults {

    private static final String COLUMNS = """
            ps.data_year, ps.run_id, ps.model_id, ps.uscc, ps.name, ps.town, ps.industry, ps.stage, ps.core, ps.bonus,
            ps.deduction, ps.total, ps.rank_in_stage, ps.tier, ps.eligible, ps.points, ps.computed_at, ps.published_at""";
    private static final Map<String, String> SORTABLE = Map.of(
            "rank", "ps.rank_in_stage", "total", "ps.total", "name", "ps.name", "town", "ps.town",
            "industry", "ps.industry", "stage", "ps.stage", "uscc", "ps.uscc", "tier", "ps.tier");
    /** Best first within each stage; equal ranks (equal totals) by name, as people look them up. */
    private static final String BEST_FIRST = "ps.stage, ps.rank_in_stage, ps.name, ps.uscc";

    private static final int KEPT_RUNS = 16;

    private final JdbcClient jdbc;
    private final SqlListing<PublishedScore> listing;
    /** Counts of the runs recently asked for (a few years are published; older runs are dropped first). */
    private final Map<Long, RunCounts> countsByRun = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, RunCounts> eldest) {
            return size() > KEPT_RUNS;
        }
    });

    PublishedResults(JdbcClient jdbc) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, COLUMNS, "from published_score ps", PublishedResults::row, SORTABLE,
                BEST_FIRST, "ps.rank_in_stage, ps.name, ps.uscc");
    }

    /** Years with a published run, newest first. */
    public List<Integer> years() {
        return jdbc.sql("select data_year from publication order by data_year desc").query(Integer.class).list();
    }

    /** The newest published year, if any. */
    public Optional<Integer> latestYear() {
        return years().stream().findFirst();
    }

    public boolean isPublished(int year) {
        return run(year).isPresent();
    }

    /** The year's published run and its model version. */
    public Optional<PublishedRun> run(int year) {
        return jdbc.sql("""
                        select p.data_year, p.run_id, r.model_id, p.published_at
                        from publication p join evaluation_run r on r.id = p.run_id where p.data_year = ?""")
                .param(year).query(PublishedResults::publishedRun).optional();
    }

    /** The run of the newest published year: the lists the public sees now. */
    public Optional<PublishedRun> latestRun() {
        return latestYear().flatMap(this::run);
    }

    /** One enterprise's published result of a year. */
    public Optional<PublishedScore> of(String uscc, int year) {
        return jdbc.sql("select " + COLUMNS + " from published_score ps where ps.data_year = ? and ps.uscc = ?")
                .params(year, uscc).query(PublishedResults::row).optional();
    }

    /**
     * The published results of a year of the given enterprises, by USCC; an enterprise without one is absent.
     * One statement for the whole list (a page of a bank's white-list judges up to a few thousand enterprises at
     * once, where one read each dominated the page), so callers pass a bounded list.
     */
    public Map<String, PublishedScore> of(Collection<String> usccs, int year) {
        if (usccs.isEmpty()) {
            return Map.of();
        }
        Map<String, PublishedScore> found = new HashMap<>();
        List<Object> args = new ArrayList<>(usccs);
        args.add(year);
        // joined rather than "in (…)": the view's lookup is by year's run and USCC, one index probe per value
        jdbc.sql("select " + COLUMNS + " from " + SqlFilter.usccTable("asked", usccs.size())
                        + " join published_score ps on ps.uscc = asked.uscc where ps.data_year = ?")
                .params(args).query(PublishedResults::row).list()
                .forEach(s -> found.put(s.uscc(), s));
        return found;
    }

    /** One enterprise's published results of every year, oldest first. */
    public List<PublishedScore> history(String uscc) {
        return jdbc.sql("select " + COLUMNS + " from published_score ps where ps.uscc = ? order by ps.data_year")
                .param(uscc).query(PublishedResults::row).list();
    }

    /** How many enterprises of a stage were ranked (eligible) in the year's published run. */
    public int rankedInStage(int year, Stage stage) {
        return counts(year).map(c -> c.ranked()[stage.ordinal()]).orElse(0);
    }

    /**
     * The lowest and highest total of the enterprises ranked (eligible) in a stage of the year's published run,
     * empty when the stage ranked none: what a score is normalised against within its stage.
     */
    public Optional<StageRange> stageRange(int year, Stage stage) {
        return jdbc.sql("select min(total), max(total) from published_score where data_year = ? and stage = ? and eligible")
                .params(year, stage.name())
                .query((rs, n) -> new StageRange(stage, rs.getBigDecimal(1), rs.getBigDecimal(2)))
                .list().stream().filter(range -> range.lowest() != null).findFirst();
    }

    /** How many enterprises each tier of each stage holds in a year's published run: [stage][tier]. */
    public long[][] tierCounts(int year) {
        long[][] copy = new long[Stage.values().length][];
        long[][] kept = counts(year).map(RunCounts::tiers).orElse(null);
        for (int i = 0; i < copy.length; i++) {
            // callers may change theirs; the kept counts stay the run's
            copy[i] = kept == null ? new long[Tier.values().length] : kept[i].clone();
        }
        return copy;
    }

    /**
     * The counts of the year's published run, counted once per run: a run's results never change once stored (only
     * a failed run's are ever deleted), so they are kept by run id, and a publication — which switches the year to
     * another run — is seen at the next call on every instance, with no event to miss. Finding the year's run is one
     * primary-key read; the counts were a grouped scan of the year's results at every view of the tier lists, of
     * the portal and of a bank's report (issue 15).
     */
    private Optional<RunCounts> counts(int year) {
        return jdbc.sql("select run_id from publication where data_year = ?").param(year).query(Long.class).optional()
                .map(runId -> countsByRun.computeIfAbsent(runId, this::count));
    }

    private RunCounts count(long runId) {
        long[][] tiers = new long[Stage.values().length][Tier.values().length];
        int[] ranked = new int[Stage.values().length];
        jdbc.sql("select stage, tier, eligible, count(*) from score_result where run_id = ? group by stage, tier, eligible")
                .param(runId)
                .query((ResultSet rs) -> {
                    int stage = Stage.valueOf(rs.getString(1).trim()).ordinal();
                    String tier = rs.getString(2);
                    if (tier != null && !tier.isBlank()) {
                        tiers[stage][Tier.valueOf(tier.trim()).ordinal()] += rs.getLong(4);
                    }
                    if (rs.getBoolean(3)) {
                        ranked[stage] += rs.getInt(4);
                    }
                });
        return new RunCounts(tiers, ranked);
    }

    /** Per run: enterprises per tier of each stage, [stage][tier], and enterprises ranked (eligible) per stage. */
    private record RunCounts(long[][] tiers, int[] ranked) {
    }

    /** One page of a year's results; sorted by the query's whitelisted column, else best first per stage. */
    public TablePage<PublishedScore> page(ScoreFilter filter, TableQuery query) {
        return listing.page(where(filter), query);
    }

    /** Every result the filter selects, in the page's order (for "导出Excel"). */
    public List<PublishedScore> all(ScoreFilter filter, TableQuery query) {
        return listing.all(where(filter), query);
    }

    /** {@link #all}, streamed: a whole year's export need not be held in memory. */
    public void each(ScoreFilter filter, TableQuery query, Consumer<PublishedScore> sink) {
        listing.each(where(filter), query, sink);
    }

    private static SqlFilter where(ScoreFilter f) {
        return SqlFilter.all().and("ps.data_year = ?", f.year())
                .andIf(f.stage() != null, "ps.stage = ?", f.stage() == null ? null : f.stage().name())
                .andIf(f.listedOnly(), "ps.tier is not null")
                .andIf(f.tier() != null, "ps.tier = ?", f.tier() == null ? null : f.tier().name())
                .andIf(f.town() != null, "ps.town = ?", f.town())
                .andIf(f.industry() != null, "ps.industry = ?", f.industry());
    }

    private static PublishedRun publishedRun(ResultSet rs, int n) throws SQLException {
        return new PublishedRun(rs.getInt(1), rs.getLong(2), rs.getLong(3), time(rs.getTimestamp(4)));
    }

    private static PublishedScore row(ResultSet rs, int n) throws SQLException {
        String tier = rs.getString("tier");
        return new PublishedScore(rs.getInt("data_year"), rs.getLong("run_id"), rs.getLong("model_id"),
                rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                rs.getString("industry").trim(), Stage.valueOf(rs.getString("stage").trim()),
                rs.getBigDecimal("core"), rs.getBigDecimal("bonus"), rs.getBigDecimal("deduction"),
                rs.getBigDecimal("total"), rs.getObject("rank_in_stage", Integer.class),
                tier == null || tier.isBlank() ? null : Tier.valueOf(tier.trim()), rs.getBoolean("eligible"),
                IndicatorPoints.parse(rs.getString("points")), time(rs.getTimestamp("computed_at")),
                time(rs.getTimestamp("published_at")));
    }

    private static LocalDateTime time(Timestamp t) {
        return t == null ? null : t.toLocalDateTime();
    }
}
