package cn.gov.panyu.points.platform.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntPredicate;

import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The published runs' results as the dashboard slices them, read once per run through the read model and
 * kept in memory (docs/adr/0013-dashboard-aggregation.md). A run's results never change once stored (runs are
 * frozen, ADR 0008) and a publication names its run, so a snapshot keyed by run id can never be stale: a
 * new publication is a new run id, and the old snapshot simply falls out of the small cache.
 */
@Component
class RunSnapshots {

    /** Three published years, the runs they replaced while staff compared, and some room. */
    static final int KEEP = 8;

    private final PublishedResults published;
    private final ScoreModels models;
    private final Map<Long, Snapshot> cache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Long, Snapshot> eldest) {
            return size() > KEEP;
        }
    };

    RunSnapshots(PublishedResults published, ScoreModels models) {
        this.published = published;
        this.models = models;
    }

    /**
     * The snapshot of a year's published run, read on first use. Synchronized: two requests right after a
     * publication read the run once, not twice; later requests wait only for the map.
     */
    synchronized Snapshot of(PublishedRun run) {
        Snapshot s = cache.get(run.runId());
        if (s == null) {
            s = read(run);
            cache.put(run.runId(), s);
        }
        return s;
    }

    /** Whether the run has been read already (the warm-up's work, seen from tests). */
    synchronized boolean holds(long runId) {
        return cache.containsKey(runId);
    }

    private Snapshot read(PublishedRun run) {
        List<Indicator> indicators = models.load(run.modelId()).indicators();
        List<Line> lines = new ArrayList<>();
        IntPoints points = new IntPoints(indicators.size());
        // towns and industries repeat across 100,000 lines: one string each
        Map<String, String> shared = new HashMap<>();
        published.each(ScoreFilter.year(run.year()), TableQuery.of(1, 20, null, null), r -> {
            lines.add(new Line(r.uscc(), r.name(), shared.computeIfAbsent(r.town(), k -> k),
                    shared.computeIfAbsent(r.industry(), k -> k), r.stage(), r.tier(), hundredths(r.total())));
            for (Indicator i : indicators) {
                points.add(r.points() == null ? Snapshot.ABSENT
                        : r.points().of(i.code()).map(p -> (int) hundredths(p)).orElse(Snapshot.ABSENT));
            }
        });
        return new Snapshot(lines, indicators, points.toArray());
    }

    private static long hundredths(BigDecimal value) {
        return value.setScale(2, RoundingMode.UNNECESSARY).unscaledValue().longValueExact();
    }

    /** A growing int array: 100,000 lines × 18 indicators without a boxed value each. */
    private static final class IntPoints {
        private int[] values;
        private int size;

        IntPoints(int perLine) {
            values = new int[Math.max(16, perLine * 1024)];
        }

        void add(int v) {
            if (size == values.length) {
                values = Arrays.copyOf(values, values.length * 2);
            }
            values[size++] = v;
        }

        int[] toArray() {
            return Arrays.copyOf(values, size);
        }
    }

    /**
     * One enterprise's published result, reduced to what the dashboard shows (its indicator points are kept
     * apart, in {@link Snapshot#points}).
     *
     * @param hundredths the total in hundredths of a point (stored totals have two decimals): sums and
     *                   differences over 100,000 lines without a BigDecimal each
     */
    record Line(String uscc, String name, String town, String industry, Stage stage, Tier tier, long hundredths) {

        BigDecimal total() {
            return BigDecimal.valueOf(hundredths, 2);
        }
    }

    /** A run's lines, their tally by stage, tier, town and industry, and the lines by USCC (for the movers). */
    static final class Snapshot {

        /** A line without a comparable previous total: absent then, or in another stage. */
        static final long NO_CHANGE = Long.MIN_VALUE;
        /** An indicator the result has no points for (its model version had no such indicator). */
        static final int ABSENT = Integer.MIN_VALUE;
        private static final byte NO_TIER = -1;
        private static final Stage[] STAGES = Stage.values();
        private static final Tier[] TIERS = Tier.values();
        /** Filter combinations whose indicator figures are kept per run: a few KB each. */
        static final int FIGURES_KEPT = 64;

        private final List<Line> lines;
        private final List<Indicator> indicators;
        /**
         * Line i's points of indicator j in hundredths at {@code i * indicators.size() + j}: one flat array,
         * 7 MB for 100,000 results of 18 indicators, rather than an object per result.
         */
        private final int[] points;
        private final List<ScoreTally> tally;
        private final Map<String, Line> byUscc;
        /** Filters a dashboard showed recently → their indicator figures, which never change for this run. */
        private final Map<Object, IndicatorFigures> figures = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Object, IndicatorFigures> eldest) {
                return size() > FIGURES_KEPT;
            }
        };
        /** Per previous snapshot: each line's change of total in hundredths, or NO_CHANGE (the movers' input). */
        private final Map<Snapshot, long[]> changes = new ConcurrentHashMap<>();
        /**
         * Each line's stage and tier (ordinal; NO_TIER), town and industry (index into {@link #towns} /
         * {@link #industries}), aligned with the lines: a filter's selection and the per-request passes scan these
         * arrays instead of 100,000 line objects spread over the heap (the scan was half of a filtered request's
         * time, docs/benchmarks.md).
         */
        private final byte[] stageCodes;
        private final byte[] tierCodes;
        private final int[] townCodes;
        private final int[] industryCodes;
        private final Map<String, Integer> towns = new HashMap<>();
        private final Map<String, Integer> industries = new HashMap<>();

        Snapshot(List<Line> lines, List<Indicator> indicators, int[] points) {
            if (points.length != lines.size() * indicators.size()) {
                throw new IllegalArgumentException(points.length + " points for " + lines.size() + " lines");
            }
            this.lines = List.copyOf(lines);
            this.indicators = List.copyOf(indicators);
            this.points = points;
            Map<String, Line> index = new HashMap<>(lines.size() * 2);
            for (Line l : lines) {
                index.put(l.uscc(), l);
            }
            this.tally = tally(i -> true);
            this.byUscc = index;
            stageCodes = new byte[lines.size()];
            tierCodes = new byte[lines.size()];
            townCodes = new int[lines.size()];
            industryCodes = new int[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                Line l = lines.get(i);
                stageCodes[i] = (byte) l.stage().ordinal();
                tierCodes[i] = l.tier() == null ? NO_TIER : (byte) l.tier().ordinal();
                townCodes[i] = towns.computeIfAbsent(l.town(), k -> towns.size());
                industryCodes[i] = industries.computeIfAbsent(l.industry(), k -> industries.size());
            }
        }

        /**
         * Whether each line lies in {@code stage}, {@code town} and {@code industry} (null: any), aligned with the
         * lines.
         */
        boolean[] within(Stage stage, String town, String industry) {
            boolean[] in = new boolean[lines.size()];
            // a town or industry no line names: no line (-1 matches no code), never "any"
            int t = town == null ? -1 : towns.getOrDefault(town, -1);
            int d = industry == null ? -1 : industries.getOrDefault(industry, -1);
            int s = stage == null ? -1 : stage.ordinal();
            for (int i = 0; i < in.length; i++) {
                in[i] = (s < 0 || stageCodes[i] == s) && (town == null || townCodes[i] == t)
                        && (industry == null || industryCodes[i] == d);
            }
            return in;
        }

        /**
         * The tally of the lines {@code selected} picks by index: the whole run's is kept, a narrower one (a
         * qualification filter, which the run does not carry) is counted per request.
         */
        List<ScoreTally> tally(IntPredicate selected) {
            record Key(Stage stage, Tier tier, String town, String industry) {
            }
            Map<Key, long[]> counts = new LinkedHashMap<>();
            for (int i = 0; i < lines.size(); i++) {
                if (selected.test(i)) {
                    Line l = lines.get(i);
                    long[] c = counts.computeIfAbsent(new Key(l.stage(), l.tier(), l.town(), l.industry()), x -> new long[2]);
                    c[0]++;
                    c[1] += l.hundredths();
                }
            }
            List<ScoreTally> t = new ArrayList<>(counts.size());
            counts.forEach((k, c) -> t.add(new ScoreTally(k.stage(), k.tier(), k.town(), k.industry(), c[0], BigDecimal.valueOf(c[1], 2))));
            return List.copyOf(t);
        }

        List<Line> lines() {
            return lines;
        }

        /** Line {@code i}'s stage, without reaching for its object. */
        Stage stage(int i) {
            return STAGES[stageCodes[i]];
        }

        /** Line {@code i}'s tier (null: on no list), without reaching for its object. */
        Tier tier(int i) {
            byte t = tierCodes[i];
            return t == NO_TIER ? null : TIERS[t];
        }

        List<ScoreTally> tally() {
            return tally;
        }

        /** The indicators of the run's model version, in the model's order. */
        List<Indicator> indicators() {
            return indicators;
        }

        /** Line {@code line}'s points of indicator {@code indicator} in hundredths, or {@link #ABSENT}. */
        int points(int line, int indicator) {
            return points[line * indicators.size() + indicator];
        }

        /**
         * The indicator figures of the lines a filter selects, worked out once per filter: two passes over 100,000
         * results × 18 indicators for each published year cost more than the rest of a request together. {@code key}
         * must name the selection completely (with the qualification masks it used, compared by identity).
         */
        synchronized IndicatorFigures figures(Object key, IntPredicate selected) {
            IndicatorFigures f = figures.get(key);
            if (f == null) {
                f = IndicatorFigures.of(this, selected);
                figures.put(key, f);
            }
            return f;
        }

        Line of(String uscc) {
            return byUscc.get(uscc);
        }

        /**
         * Each line's change since {@code before}, aligned with {@link #lines()}, worked out once per pair of
         * runs: the movers then scan an array instead of looking 100,000 enterprises up on every request.
         * Only a change within the same stage counts: a stage change moves the total onto another scale.
         */
        long[] changesSince(Snapshot before) {
            return changes.computeIfAbsent(before, b -> {
                long[] c = new long[lines.size()];
                for (int i = 0; i < c.length; i++) {
                    Line l = lines.get(i);
                    Line p = b.of(l.uscc());
                    c[i] = p == null || p.stage() != l.stage() ? NO_CHANGE : l.hundredths() - p.hundredths();
                }
                return c;
            });
        }
    }
}
