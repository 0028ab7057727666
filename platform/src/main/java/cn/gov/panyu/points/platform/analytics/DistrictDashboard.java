package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.function.Predicate;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.analytics.Chart.Point;
import cn.gov.panyu.points.platform.analytics.Chart.Series;
import cn.gov.panyu.points.platform.analytics.DashboardView.Figures;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.ScoreChange;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.evaluation.ScoreTally;

/**
 * Builds the district dashboard from the read model's tally ({@link PublishedResults#tally}): one grouped
 * query per published year, sliced here by stage, tier, town and industry, plus the movers between the
 * year and the one before. Staff only; the figures are district aggregates of published results, which
 * the public tier lists already show in part, so reading them is not audited (the drill-down list and
 * its export are, where the enterprise list audits them).
 */
@Service
public class DistrictDashboard {

    static final int MOVERS = 10;
    /** The tier series of the tier charts: the three lists, then the evaluated enterprises on none. */
    private static final String NONE = "NONE";

    private final PublishedResults published;

    DistrictDashboard(PublishedResults published) {
        this.published = published;
    }

    /** The dashboard of the filter's year (the latest published if it names none); empty before any publication. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Optional<DashboardView> view(DashboardFilter requested) {
        List<Integer> years = published.years();
        if (years.isEmpty()) {
            return Optional.empty();
        }
        int year = requested.year() != null && years.contains(requested.year()) ? requested.year() : years.get(0);
        DashboardFilter filter = requested.inYear(year);
        Integer previous = years.stream().filter(y -> y < year).findFirst().orElse(null);

        List<ScoreTally> all = published.tally(ScoreFilter.year(year));
        Map<Integer, List<ScoreTally>> byYear = new TreeMap<>();
        for (int y : years) {
            List<ScoreTally> tally = y == year ? all : published.tally(ScoreFilter.year(y));
            byYear.put(y, tally.stream().filter(matches(filter)).toList());
        }
        List<ScoreTally> current = byYear.get(year);

        List<Chart> charts = List.of(
                tierChart("stages", "各发展阶段榜单分布", current, t -> t.stage().label(), t -> t.stage().name(), filter,
                        (f, key) -> new DashboardFilter(f.year(), key, f.town(), f.industry())),
                tierChart("towns", "各镇街榜单分布", current, ScoreTally::town, ScoreTally::town, filter,
                        (f, key) -> new DashboardFilter(f.year(), f.stage(), key, f.industry())),
                tierChart("industries", "各行业榜单分布", current, t -> IndustryCode.display(t.industry()),
                        ScoreTally::industry, filter, (f, key) -> new DashboardFilter(f.year(), f.stage(), f.town(), key)),
                trendChart(byYear, filter));

        ScoreFilter scope = scope(filter);
        List<ScoreChange> risers = previous == null ? List.of() : published.movers(scope, previous, true, MOVERS);
        List<ScoreChange> fallers = previous == null ? List.of() : published.movers(scope, previous, false, MOVERS);
        return Optional.of(new DashboardView(filter, years, previous,
                figures(current, previous == null ? null : byYear.get(previous)), charts, risers, fallers,
                distinct(all, ScoreTally::town), distinct(all, ScoreTally::industry)));
    }

    private static List<String> distinct(List<ScoreTally> tally, Function<ScoreTally, String> value) {
        return List.copyOf(tally.stream().map(value).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The enterprise list behind a chart element: the staff's 企业名录 with the same filters. */
    static String listUrl(DashboardFilter f, String tier) {
        return f.url("/enterprises", "tier", tier);
    }

    private static ScoreFilter scope(DashboardFilter f) {
        return new ScoreFilter(f.year(), f.stageOrNull(), null, false, f.town(), f.industry());
    }

    private static Predicate<ScoreTally> matches(DashboardFilter f) {
        Stage stage = f.stageOrNull();
        return t -> (stage == null || t.stage() == stage) && (f.town() == null || f.town().equals(t.town()))
                && (f.industry() == null || f.industry().equals(t.industry()));
    }

    private static Figures figures(List<ScoreTally> current, List<ScoreTally> previous) {
        List<Long> tiers = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            tiers.add(current.stream().filter(t -> t.tier() == tier).mapToLong(ScoreTally::count).sum());
        }
        long evaluated = count(current);
        return new Figures(evaluated, tiers.stream().mapToLong(Long::longValue).sum(), tiers, average(current),
                previous == null ? 0 : count(previous), previous == null ? null : average(previous));
    }

    private static long count(List<ScoreTally> tally) {
        return tally.stream().mapToLong(ScoreTally::count).sum();
    }

    /** The mean total, two decimals as scores are shown; null for no enterprise. */
    private static BigDecimal average(List<ScoreTally> tally) {
        long n = count(tally);
        if (n == 0) {
            return null;
        }
        BigDecimal sum = tally.stream().map(ScoreTally::totalSum).reduce(BigDecimal.ZERO, BigDecimal::add);
        return sum.divide(BigDecimal.valueOf(n), 2, RoundingMode.HALF_UP);
    }

    /** How a category's key narrows the filter, for the drill-down URL. */
    private interface Narrowing {
        DashboardFilter apply(DashboardFilter filter, String key);
    }

    /**
     * Enterprises per category and tier (领跑, 竞跑, 进取, 未上榜), categories with the most enterprises
     * first; each bar drills down to the list of that category and tier.
     */
    private static Chart tierChart(String id, String title, List<ScoreTally> tally, Function<ScoreTally, String> label,
                                   Function<ScoreTally, String> key, DashboardFilter filter, Narrowing narrow) {
        Map<String, Map<String, Long>> counts = new LinkedHashMap<>();
        Map<String, String> labels = new LinkedHashMap<>();
        tally.stream().sorted(Comparator.comparing(key)).forEach(t -> {
            labels.putIfAbsent(key.apply(t), label.apply(t));
            counts.computeIfAbsent(key.apply(t), k -> new LinkedHashMap<>())
                    .merge(t.tier() == null ? NONE : t.tier().name(), t.count(), Long::sum);
        });
        List<String> keys = new ArrayList<>(counts.keySet());
        if (!id.equals("stages")) {
            keys.sort(Comparator.comparing((String k) -> -counts.get(k).values().stream().mapToLong(Long::longValue).sum()));
        } else {
            keys.sort(Comparator.comparing(Stage::valueOf));
        }
        List<Series> series = new ArrayList<>();
        List<String> tiers = new ArrayList<>();
        for (Tier t : Tier.values()) {
            tiers.add(t.name());
        }
        tiers.add(NONE);
        for (String tier : tiers) {
            List<Point> points = new ArrayList<>();
            for (String k : keys) {
                points.add(new Point(counts.get(k).getOrDefault(tier, 0L), listUrl(narrow.apply(filter, k), tier)));
            }
            series.add(new Series(tier, tier.equals(NONE) ? "未上榜" : Tier.valueOf(tier).label(), points));
        }
        return new Chart(id, title, "企业数（家）", keys.stream().map(labels::get).toList(), series);
    }

    /** The average total per stage in every published year; a point drills down to that year's stage list. */
    private static Chart trendChart(Map<Integer, List<ScoreTally>> byYear, DashboardFilter filter) {
        List<Series> series = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            if (filter.stageOrNull() != null && filter.stageOrNull() != stage) {
                continue;
            }
            List<Point> points = new ArrayList<>();
            byYear.forEach((y, tally) -> points.add(new Point(
                    average(tally.stream().filter(t -> t.stage() == stage).toList()),
                    listUrl(new DashboardFilter(y, stage.name(), filter.town(), filter.industry()), null))));
            series.add(new Series(stage.name(), stage.label(), points));
        }
        return new Chart("trend", "各阶段平均积分的年度变化", "平均积分（分）",
                byYear.keySet().stream().map(y -> y + " 年度").toList(), series);
    }
}
