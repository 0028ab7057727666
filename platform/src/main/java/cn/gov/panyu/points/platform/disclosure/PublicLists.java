package cn.gov.panyu.points.platform.disclosure;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.scoremodel.ModelDescription;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The public tier lists (领跑/竞跑/进取 per stage) of published years, and the methodology of the model
 * behind them. Open to anonymous visitors, so the queries select only the public columns — name, town,
 * industry, tier, rank — and read only through publication: a draft or a run on notice never shows here.
 */
@Service
public class PublicLists {

    private static final String FROM = "from publication p join score_result s on s.run_id = p.run_id";
    private static final Map<String, String> SORTABLE = Map.of(
            "rank", "s.rank_in_stage", "name", "s.name", "town", "s.town", "industry", "s.industry", "tier", "s.tier");

    /** The methodology page: the model in words and which published year, if any, it scored. */
    public record Methodology(ModelDescription description, Integer publishedYear) {
    }

    private final JdbcClient jdbc;
    private final SqlListing<PublicListing> listing;
    private final ScoreModels models;

    PublicLists(JdbcClient jdbc, ScoreModels models) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, "s.tier, s.rank_in_stage, s.name, s.town, s.industry", FROM,
                (rs, n) -> row(rs), SORTABLE, "s.rank_in_stage, s.name", "s.rank_in_stage, s.name");
        this.models = models;
    }

    public List<Integer> publishedYears() {
        return jdbc.sql("select data_year from publication order by data_year desc").query(Integer.class).list();
    }

    public TablePage<PublicListing> tierList(int year, Stage stage, Tier tier, TableQuery query) {
        return listing.page(listed(year, stage, tier), query);
    }

    /** The whole list of a stage (or one tier of it), for "导出Excel". */
    public List<PublicListing> all(int year, Stage stage, Tier tier, TableQuery query) {
        return listing.all(listed(year, stage, tier), query);
    }

    /** Enterprises per tier of one stage in a year's published run, by {@link Tier#ordinal()}. */
    public long[] tierCounts(int year, Stage stage) {
        long[] counts = new long[Tier.values().length];
        SqlFilter listed = listed(year, stage, null);
        jdbc.sql("select s.tier, count(*) " + FROM + listed.where() + " group by s.tier").params(listed.args())
                .query((java.sql.ResultSet rs) -> {
                    counts[Tier.valueOf(rs.getString(1).trim()).ordinal()] = rs.getLong(2);
                });
        return counts;
    }

    /** The model of the latest published run — what the lists were made with — else the active model. */
    public Methodology methodology() {
        Optional<long[]> published = jdbc.sql("""
                        select r.model_id, p.data_year from publication p join evaluation_run r on r.id = p.run_id
                        order by p.data_year desc limit 1""")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getInt(2)}).optional();
        long modelId = published.map(p -> p[0]).orElseGet(models::activeModelId);
        ScoreModel model = models.load(modelId);
        return new Methodology(ModelDescription.of(model), published.map(p -> (int) p[1]).orElse(null));
    }

    /** The listed enterprises of a stage (or one of its tiers) in the year's published run. */
    private static SqlFilter listed(int year, Stage stage, Tier tier) {
        return SqlFilter.all().and("p.data_year = ?", year).and("s.stage = ?", stage.name()).and("s.tier is not null")
                .andIf(tier != null, "s.tier = ?", tier == null ? null : tier.name());
    }

    private static PublicListing row(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new PublicListing(Tier.valueOf(rs.getString(1).trim()), rs.getInt(2), rs.getString(3), rs.getString(4),
                rs.getString(5).trim());
    }
}
