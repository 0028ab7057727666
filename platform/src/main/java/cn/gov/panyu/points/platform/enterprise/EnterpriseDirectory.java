package cn.gov.panyu.points.platform.enterprise;

import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;

/**
 * 企业名录: every enterprise of the registry with the year's merged qualifications and its result in the
 * year's published run. The list joins {@code published_score}, the relational face of the published-scores
 * read model ({@link PublishedResults}), because it filters and sorts a registry of up to a hundred thousand
 * enterprises by score in the database; everything else about publications it asks the read model.
 * Filters are bound parameters; the SQL text only ever varies by fixed fragments chosen here.
 */
@Service
public class EnterpriseDirectory {

    /** Sort keys of the list → SQL; scores sort missing values as the lowest. */
    static final Map<String, String> SORTABLE = sortable();

    private static final String FROM = """
             from enterprise e
             left join enterprise_year y on y.uscc = e.uscc and y.data_year = :year
             left join published_score s on s.run_id = :run and s.uscc = e.uscc
            """;
    /** No run has this id: the list of a year without publication joins no result, as the view by year would. */
    private static final long NO_RUN = -1;
    private static final String COLUMNS = """
            select e.uscc, e.name, e.town, e.industry, e.established, y.qualifications,
                   s.stage, s.total, s.rank_in_stage, s.tier, s.eligible
            """;

    /** How long the filter selects reuse the registry's towns and industries ({@link RegistryChoices}). */
    static final Duration CHOICES_FRESH_FOR = Duration.ofMinutes(1);

    private final JdbcClient jdbc;
    private final PublishedResults published;
    private final AuditLog audit;
    private final RegistryChoices choices;

    EnterpriseDirectory(JdbcClient jdbc, PublishedResults published, AuditLog audit) {
        this.jdbc = jdbc;
        this.published = published;
        this.audit = audit;
        this.choices = new RegistryChoices(this::readChoices, CHOICES_FRESH_FOR, System::nanoTime);
    }

    private static Map<String, String> sortable() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("uscc", "e.uscc");
        m.put("name", "e.name");
        m.put("town", "e.town");
        m.put("industry", "e.industry");
        m.put("established", "e.established");
        m.put("stage", "case s.stage when 'STARTUP' then 1 when 'GROWTH' then 2 when 'MATURE' then 3 else 4 end");
        m.put("total", "coalesce(s.total, -1)");
        m.put("rank", "coalesce(s.rank_in_stage, 2147483647)");
        m.put("tier", "case s.tier when 'LEAD' then 1 when 'RUN' then 2 when 'RISE' then 3 else 4 end");
        // the default: best scores first, then the registry order
        m.put("default", "coalesce(s.total, -1) desc, e.uscc");
        return Map.copyOf(m);
    }

    /** One page of the filtered list. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public EnterpriseListing page(EnterpriseFilter filter, TableQuery query) {
        EnterpriseFilter resolved = resolveYear(filter);
        Where where = where(resolved);
        Optional<PublishedRun> run = published.run(resolved.year());
        long runId = runId(run);
        long total = where.bind(jdbc.sql("select count(*)" + FROM + where.sql())).param("run", runId)
                .query(Long.class).single();
        List<EnterpriseRow> rows = where.bind(jdbc.sql(COLUMNS + FROM + where.sql() + orderBy(query)
                        + " limit :limit offset :offset"))
                .param("run", runId).param("limit", query.size()).param("offset", query.offset())
                .query(EnterpriseDirectory::row).list();
        return new EnterpriseListing(new TablePage<>(rows, total, query), resolved, run.isPresent());
    }

    /** Every row the filters select, in the list's order: what "导出Excel" writes. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public List<EnterpriseRow> export(EnterpriseFilter filter, TableQuery query) {
        EnterpriseFilter resolved = resolveYear(filter);
        Where where = where(resolved);
        List<EnterpriseRow> rows = where.bind(jdbc.sql(COLUMNS + FROM + where.sql() + orderBy(query)))
                .param("run", runId(published.run(resolved.year()))).query(EnterpriseDirectory::row).list();
        audit.record(AuditAction.EXPORT_DATA, rows.size() == 1 ? rows.get(0).uscc() : null,
                "导出企业名录 " + resolved.year() + " 年度，" + rows.size() + " 家 " + resolved.listUrl(""));
        return rows;
    }

    /** The choices of the filter selects. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public FilterOptions options() {
        RegistryChoices.Choices registry = choices.get();
        return new FilterOptions(registry.towns(), registry.industries(),
                jdbc.sql("select distinct data_year from enterprise_year order by data_year desc").query(Integer.class).list(),
                published.years());
    }

    private RegistryChoices.Choices readChoices() {
        return new RegistryChoices.Choices(
                jdbc.sql("select distinct town from enterprise order by town").query(String.class).list(),
                jdbc.sql("select distinct industry from enterprise order by industry").query(String.class).list());
    }

    /** The year a list without an explicit year shows: the latest published, else the latest with data. */
    @PreAuthorize("hasRole('STAFF')")
    public int defaultYear() {
        Optional<Integer> latest = published.latestYear();
        if (latest.isPresent()) {
            return latest.get();
        }
        return jdbc.sql("select max(data_year) from enterprise_year").query(Integer.class).optional()
                .orElse(LocalDate.now().getYear() - 1);
    }

    /**
     * The year's published run, joined by its id: the same rows as joining the view by year, but H2 then reads
     * {@code score_result} along its key for each enterprise instead of resolving the view's publication anew per
     * row — four times faster, most of the town + stage list's database time under load (issue 15).
     */
    private static long runId(Optional<PublishedRun> run) {
        return run.map(PublishedRun::runId).orElse(NO_RUN);
    }

    private EnterpriseFilter resolveYear(EnterpriseFilter filter) {
        return filter.year() != null ? filter : filter.inYear(defaultYear());
    }

    private static String orderBy(TableQuery query) {
        return query.orderBy(SORTABLE, "default") + ", e.uscc";
    }

    /** The WHERE clause for the filters; only fixed fragments, every value bound. */
    static Where where(EnterpriseFilter f) {
        StringBuilder sql = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("year", f.year());
        if (f.q() != null) {
            sql.append(" and (lower(e.name) like :q escape '\\' or e.uscc like :qUpper escape '\\')");
            String escaped = f.q().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
            params.put("q", "%" + escaped.toLowerCase(Locale.ROOT) + "%");
            params.put("qUpper", "%" + escaped.toUpperCase(Locale.ROOT) + "%");
        }
        if (f.town() != null) {
            sql.append(" and e.town = :town");
            params.put("town", f.town());
        }
        if (f.industry() != null) {
            sql.append(" and e.industry = :industry");
            params.put("industry", f.industry());
        }
        if (f.stage() != null) {
            sql.append(" and s.stage = :stage");
            params.put("stage", f.stage());
        }
        if ("NONE".equals(f.tier())) {
            sql.append(" and s.uscc is not null and s.tier is null");
        } else if (f.tier() != null) {
            sql.append(" and s.tier = :tier");
            params.put("tier", f.tier());
        }
        if (f.qualification() != null) {
            // codes are ';'-separated: wrap both sides so that one code never matches inside another
            sql.append(" and (';' || y.qualifications || ';') like :qualification");
            params.put("qualification", "%;" + f.qualification() + ";%");
        }
        return new Where(sql.toString(), params);
    }

    record Where(String sql, Map<String, Object> params) {
        JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec) {
            return spec.params(params);
        }
    }

    private static EnterpriseRow row(ResultSet rs, int n) throws SQLException {
        Date established = rs.getDate("established");
        String stage = rs.getString("stage");
        String tier = rs.getString("tier");
        int rank = rs.getInt("rank_in_stage");
        Integer rankOrNull = rs.wasNull() ? null : rank;
        boolean eligible = rs.getBoolean("eligible");
        Boolean eligibleOrNull = rs.wasNull() ? null : eligible;
        return new EnterpriseRow(rs.getString("uscc").trim(), rs.getString("name"), rs.getString("town"),
                rs.getString("industry"), established == null ? null : established.toLocalDate(),
                rs.getString("qualifications"), stage == null ? null : Stage.valueOf(stage.trim()),
                rs.getBigDecimal("total"), rankOrNull, tier == null || tier.isBlank() ? null : Tier.valueOf(tier.trim()),
                eligibleOrNull);
    }
}
