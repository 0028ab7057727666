package cn.gov.panyu.points.platform.disclosure;

import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.scoremodel.ModelDescription;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The public tier lists (领跑/竞跑/进取 per stage) of published years, and the methodology of the model
 * behind them. Open to anonymous visitors, so only the public columns — name, town, industry, tier, rank —
 * leave this class, and only from the published-scores read model: a draft or a run on notice never shows here.
 */
@Service
public class PublicLists {

    /** What a visitor may sort by: the public columns only (ADR 0006). */
    private static final Set<String> SORTABLE = Set.of("rank", "name", "town", "industry", "tier");

    /** The methodology page: the model in words and which published year, if any, it scored. */
    public record Methodology(ModelDescription description, Integer publishedYear) {
    }

    private final PublishedResults published;
    private final ScoreModels models;

    PublicLists(PublishedResults published, ScoreModels models) {
        this.published = published;
        this.models = models;
    }

    public List<Integer> publishedYears() {
        return published.years();
    }

    public TablePage<PublicListing> tierList(int year, Stage stage, Tier tier, TableQuery query) {
        TablePage<PublishedScore> page = published.page(ScoreFilter.tierList(year, stage, tier), publicSort(query));
        return new TablePage<>(page.rows().stream().map(PublicLists::listing).toList(), page.total(), query);
    }

    /** The whole list of a stage (or one tier of it), for "导出Excel". */
    public List<PublicListing> all(int year, Stage stage, Tier tier, TableQuery query) {
        return published.all(ScoreFilter.tierList(year, stage, tier), publicSort(query)).stream()
                .map(PublicLists::listing).toList();
    }

    /** Enterprises per tier of one stage in a year's published run, by {@link Tier#ordinal()}. */
    public long[] tierCounts(int year, Stage stage) {
        return published.tierCounts(year)[stage.ordinal()].clone();
    }

    /** The model of the latest published run — what the lists were made with — else the active model. */
    public Methodology methodology() {
        Optional<PublishedRun> latest = published.latestRun();
        long modelId = latest.map(PublishedRun::modelId).orElseGet(models::activeModelId);
        ScoreModel model = models.load(modelId);
        return new Methodology(ModelDescription.of(model), latest.map(PublishedRun::year).orElse(null));
    }

    /** A sort by anything but a public column (say the total, which the page never shows) is ignored. */
    private static TableQuery publicSort(TableQuery query) {
        return SORTABLE.contains(query.sort()) ? query : TableQuery.of(query.page(), query.size(), null, null);
    }

    /** Only the public columns leave this class. */
    private static PublicListing listing(PublishedScore s) {
        return new PublicListing(s.tier(), s.rank(), s.name(), s.town(), s.industry());
    }
}
