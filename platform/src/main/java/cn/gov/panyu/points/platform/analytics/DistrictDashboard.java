package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.function.IntPredicate;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.analytics.Chart.Point;
import cn.gov.panyu.points.platform.analytics.Chart.Series;
import cn.gov.panyu.points.platform.analytics.DashboardView.Figures;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;

/**
 * Builds the district dashboard from the published runs' snapshots ({@link RunSnapshots}, read once per run
 * through the read model): each year's tally sliced by stage, tier, town and industry, and the movers
 * between the year and the one before. Staff only; the figures are district aggregates of published results, which
 * the public tier lists already show in part, so reading them is not audited (the drill-down list and
 * its export are, where the enterprise list audits them).
 */
@Service
public class DistrictDashboard {

    static final int MOVERS = 10;
    /** The tier series of the tier charts: the three lists, then the evaluated enterprises on none. */
    private static final String NONE = "NONE";

    private final PublishedResults published;
    private final RunSnapshots snapshots;
    private final YearQualifications qualifications;
    private final DistrictOutcomes outcomes;

    DistrictDashboard(PublishedResults published, RunSnapshots snapshots, YearQualifications qualifications,
                      DistrictOutcomes outcomes) {
        this.published = published;
        this.snapshots = snapshots;
        this.qualifications = qualifications;
        this.outcomes = outcomes;
    }

    /** The dashboard of the filter's year (the latest published if it names none); empty before any publication. */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public Optional<DashboardView> view(DashboardFilter requested) {
        TreeMap<Integer, RunSnapshots.Snapshot> byYear = new TreeMap<>();
        for (int y : published.years()) {
            published.run(y).ifPresent(run -> byYear.put(y, snapshots.of(run)));
        }
        if (byYear.isEmpty()) {
            return Optional.empty();
        }
        int latest = byYear.lastKey();
        int year = requested.year() != null && byYear.containsKey(requested.year()) ? requested.year() : latest;
        DashboardFilter filter = requested.inYear(year);
        Integer previous = byYear.lowerKey(year);

        // a year's qualifications are asked for only when a figure needs them: the chart of the shown year always,
        // the other years only under a qualification filter
        Map<Integer, byte[]> masks = new TreeMap<>();
        Function<Integer, byte[]> masksOf = y -> masks.computeIfAbsent(y, k -> qualifications.of(k).masks(byYear.get(k)));
        Map<Integer, IntPredicate> selections = new TreeMap<>();
        Map<Integer, List<ScoreTally>> tallies = new TreeMap<>();
        byYear.forEach((y, snapshot) -> {
            IntPredicate selected = selection(snapshot, filter, filter.qualificationOrNull() == null ? null : masksOf.apply(y));
            selections.put(y, selected);
            tallies.put(y, filter.qualificationOrNull() == null
                    ? snapshot.tally().stream().filter(matches(filter)).toList() : snapshot.tally(selected));
        });
        List<ScoreTally> current = tallies.get(year);
        Map<Integer, IndicatorFigures> indicatorFigures = new TreeMap<>();
        // the masks by identity: a change of the year's records makes new masks, hence a new key
        record Selection(Stage stage, String town, String industry, Qualification qualification, byte[] masks) {
        }
        byYear.forEach((y, snapshot) -> indicatorFigures.put(y, snapshot.figures(new Selection(filter.stageOrNull(),
                filter.town(), filter.industry(), filter.qualificationOrNull(),
                filter.qualificationOrNull() == null ? null : masks.get(y)), selections.get(y))));

        List<Chart> charts = new ArrayList<>(List.of(
                tierChart("stages", "各发展阶段榜单分布", current, t -> t.stage().label(), t -> t.stage().name(), filter,
                        DashboardFilter::withStage),
                tierChart("towns", "各镇街榜单分布", current, ScoreTally::town, ScoreTally::town, filter,
                        DashboardFilter::withTown),
                tierChart("industries", "各行业榜单分布", current, t -> IndustryCode.display(t.industry()),
                        ScoreTally::industry, filter, DashboardFilter::withIndustry),
                trendChart(tallies, filter),
                qualificationChart(byYear.get(year), masksOf.apply(year), selections.get(year), filter)));
        charts.addAll(IndicatorCharts.medians(byYear, indicatorFigures, year, filter));
        charts.addAll(IndicatorCharts.averages(byYear.get(year), indicatorFigures.get(year), filter));
        Outcomes outcome = outcomes.of(year);
        if (outcome.creditChart() != null) {
            charts.add(outcome.creditChart());
        }

        List<ScoreChange> risers = previous == null ? List.of()
                : movers(byYear.get(year), byYear.get(previous), selections.get(year), true);
        List<ScoreChange> fallers = previous == null ? List.of()
                : movers(byYear.get(year), byYear.get(previous), selections.get(year), false);
        List<ScoreTally> all = byYear.get(year).tally();
        return Optional.of(new DashboardView(filter, byYear.keySet().stream().sorted(Comparator.reverseOrder()).toList(),
                previous, figures(current, previous == null ? null : tallies.get(previous)), charts, risers, fallers,
                distinct(all, ScoreTally::town), distinct(all, ScoreTally::industry), outcome));
    }

    /**
     * The lines of a snapshot the filter selects, by index; {@code masks} are the lines' qualifications when the
     * filter names one.
     */
    private static IntPredicate selection(RunSnapshots.Snapshot snapshot, DashboardFilter f, byte[] masks) {
        Qualification q = f.qualificationOrNull();
        Place place = Place.of(f);
        if (q == null && place.everywhere()) {
            // the whole district: nothing to decide per line
            return i -> true;
        }
        // decided once per line: the tally, the movers and the indicator passes each ask again
        boolean[] in = snapshot.within(place.stage(), place.town(), place.industry());
        if (q != null) {
            int bit = YearQualifications.bit(q);
            for (int i = 0; i < in.length; i++) {
                in[i] &= (masks[i] & bit) != 0;
            }
        }
        return i -> in[i];
    }

    /**
     * The spread of each stage's totals in a published year's run, in bins of {@code width} points (the white
     * paper's distribution), from the same snapshot as {@link #view}; empty when the year is not published.
     */
    @PreAuthorize("hasRole('STAFF')")
    @Transactional(readOnly = true)
    public List<ScoreHistogram> histograms(int year, int width) {
        if (width <= 0) {
            throw new IllegalArgumentException("bin width " + width);
        }
        return published.run(year).map(run -> histograms(snapshots.of(run), width)).orElse(List.of());
    }

    private static List<ScoreHistogram> histograms(RunSnapshots.Snapshot snapshot, int width) {
        long binHundredths = width * 100L;
        List<ScoreHistogram> result = new ArrayList<>();
        for (Stage stage : Stage.values()) {
            TreeMap<Long, Long> counts = new TreeMap<>();
            for (RunSnapshots.Line l : snapshot.lines()) {
                if (l.stage() == stage) {
                    counts.merge(Math.floorDiv(l.hundredths(), binHundredths), 1L, Long::sum);
                }
            }
            List<ScoreHistogram.Bin> bins = new ArrayList<>();
            if (!counts.isEmpty()) {
                for (long b = counts.firstKey(); b <= counts.lastKey(); b++) {
                    bins.add(new ScoreHistogram.Bin(b * width, (b + 1) * width, counts.getOrDefault(b, 0L)));
                }
            }
            result.add(new ScoreHistogram(stage, counts.values().stream().mapToLong(Long::longValue).sum(), bins));
        }
        return result;
    }

    /**
     * The {@link #MOVERS} largest rises (or falls) among the selected enterprises published in both years and
     * in the same stage in both: a stage change moves the total onto another scale, so its difference says
     * nothing about the enterprise. Ties by USCC. A bounded heap over the changes the snapshot worked out
     * once for this pair of runs, so a whole district of 100,000 costs no sort, lookup or object per enterprise.
     */
    private static List<ScoreChange> movers(RunSnapshots.Snapshot now, RunSnapshots.Snapshot before, IntPredicate selected,
                                            boolean rises) {
        record Move(long change, RunSnapshots.Line line) {
        }
        Comparator<Move> best = Comparator.comparingLong((Move m) -> rises ? m.change() : -m.change())
                .thenComparing(m -> m.line().uscc(), Comparator.reverseOrder());
        PriorityQueue<Move> top = new PriorityQueue<>(best);
        long[] changes = now.changesSince(before);
        List<RunSnapshots.Line> lines = now.lines();
        for (int i = 0; i < changes.length; i++) {
            long change = changes[i];
            if (change == RunSnapshots.Snapshot.NO_CHANGE || (rises ? change <= 0 : change >= 0)) {
                continue;
            }
            if (!selected.test(i)) {
                continue;
            }
            Move m = new Move(change, lines.get(i));
            if (top.size() < MOVERS) {
                top.add(m);
            } else if (best.compare(m, top.peek()) > 0) {
                top.poll();
                top.add(m);
            }
        }
        return top.stream().sorted(best.reversed()).map(m -> new ScoreChange(m.line().uscc(), m.line().name(),
                m.line().town(), m.line().industry(), m.line().stage(),
                BigDecimal.valueOf(m.line().hundredths() - m.change(), 2), m.line().total(), m.line().tier())).toList();
    }

    private static List<String> distinct(List<ScoreTally> tally, Function<ScoreTally, String> value) {
        return List.copyOf(tally.stream().map(value).collect(Collectors.toCollection(TreeSet::new)));
    }

    /** The enterprise list behind a chart element: the staff's 企业名录 with the same filters. */
    static String listUrl(DashboardFilter f, String tier) {
        return f.url("/enterprises", "tier", tier);
    }

    private static Predicate<ScoreTally> matches(DashboardFilter f) {
        Place place = Place.of(f);
        return t -> place.holds(t.stage(), t.town(), t.industry());
    }

    /**
     * The filter's stage, town and industry (null: any), resolved once per request: parsing the stage for each of
     * 3 × 100,000 lines was half a request's time (docs/benchmarks.md).
     */
    private record Place(Stage stage, String town, String industry) {

        static Place of(DashboardFilter f) {
            return new Place(f.stageOrNull(), f.town(), f.industry());
        }

        boolean everywhere() {
            return stage == null && town == null && industry == null;
        }

        boolean holds(Stage s, String t, String i) {
            return (stage == null || stage == s) && (town == null || town.equals(t))
                    && (industry == null || industry.equals(i));
        }
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
     * Enterprises per qualification (资质, as held in the year's merged records) and tier; under a qualification
     * filter only that one. Each bar drills down to the list of that qualification and tier.
     */
    private static Chart qualificationChart(RunSnapshots.Snapshot snapshot, byte[] masks, IntPredicate selected,
                                            DashboardFilter filter) {
        List<Qualification> shown = filter.qualificationOrNull() == null ? List.of(Qualification.values())
                : List.of(filter.qualificationOrNull());
        long[][] counts = new long[shown.size()][Tier.values().length + 1];
        for (int i = 0; i < masks.length; i++) {
            if (masks[i] == 0 || !selected.test(i)) {
                continue;
            }
            Tier tier = snapshot.tier(i);
            for (int k = 0; k < shown.size(); k++) {
                if ((masks[i] & YearQualifications.bit(shown.get(k))) != 0) {
                    counts[k][tier == null ? Tier.values().length : tier.ordinal()]++;
                }
            }
        }
        List<Series> series = new ArrayList<>();
        for (int t = 0; t <= Tier.values().length; t++) {
            String key = t == Tier.values().length ? NONE : Tier.values()[t].name();
            List<Point> points = new ArrayList<>();
            for (int k = 0; k < shown.size(); k++) {
                points.add(new Point(counts[k][t], listUrl(filter.withQualification(shown.get(k).name()), key)));
            }
            series.add(new Series(key, key.equals(NONE) ? "未上榜" : Tier.valueOf(key).label(), points));
        }
        return new Chart("qualifications", "各类资质企业榜单分布", "企业数（家）",
                shown.stream().map(Qualification::label).toList(), series);
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
                    listUrl(filter.inYear(y).withStage(stage.name()), null))));
            series.add(new Series(stage.name(), stage.label(), points));
        }
        return new Chart("trend", "各阶段平均积分的年度变化", "平均积分（分）",
                byYear.keySet().stream().map(y -> y + " 年度").toList(), series);
    }
}
