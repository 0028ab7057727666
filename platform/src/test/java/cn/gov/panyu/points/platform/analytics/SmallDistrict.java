package cn.gov.panyu.points.platform.analytics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * A district small enough to work its figures out by hand, handed out by a stand-in read model, with the real
 * dashboard on top: nine enterprises published in 2025 and six in 2024 ({@link #twoYears()}). Shared by the
 * dashboard's tests and the white paper's, which must show the dashboard's figures.
 */
public final class SmallDistrict {

    public static final LocalDateTime PUBLISHED_AT = LocalDateTime.of(2026, 3, 2, 10, 0);

    public final PublishedResults published = mock(PublishedResults.class);
    final RunSnapshots snapshots = new RunSnapshots(published);
    public final DistrictDashboard dashboard = new DistrictDashboard(published, snapshots);
    final Map<Integer, List<PublishedScore>> results = new HashMap<>();

    private SmallDistrict() {
        when(published.years()).thenAnswer(i -> results.keySet().stream().sorted(Comparator.reverseOrder()).toList());
        when(published.run(anyInt())).thenAnswer(i -> {
            int year = i.getArgument(0);
            return results.containsKey(year) ? Optional.of(new PublishedRun(year, year * 10L, 1, PUBLISHED_AT)) : Optional.empty();
        });
        when(published.isPublished(anyInt())).thenAnswer(i -> results.containsKey((Integer) i.getArgument(0)));
        doAnswer(i -> {
            ScoreFilter filter = i.getArgument(0);
            Consumer<PublishedScore> sink = i.getArgument(2);
            results.get(filter.year()).forEach(sink);
            return null;
        }).when(published).each(any(), any(), any());
        // a tier list's page, best first, as the read model pages it
        when(published.page(any(), any())).thenAnswer(i -> {
            ScoreFilter f = i.getArgument(0);
            TableQuery q = i.getArgument(1);
            List<PublishedScore> rows = results.getOrDefault(f.year(), List.of()).stream()
                    .filter(s -> f.stage() == null || s.stage() == f.stage())
                    .filter(s -> f.tier() == null || s.tier() == f.tier())
                    .filter(s -> !f.listedOnly() || s.tier() != null)
                    .sorted(Comparator.comparing(PublishedScore::total).reversed().thenComparing(PublishedScore::uscc)).toList();
            return new TablePage<>(rows.stream().skip(q.offset()).limit(q.size()).toList(), rows.size(), q);
        });
    }

    /**
     * 2025: start-ups S1 (领跑, 80), S2 (领跑, 70), S3–S5 (no list, 40 each) in 南村镇 / C39; growth G1–G4 (竞跑, 65
     * each) in 大石街道 / I65. 2024: S1 (进取, 40), S3 (46.5), G1–G3 (竞跑, 60 each), and G4 as a start-up (20).
     */
    public static SmallDistrict twoYears() {
        SmallDistrict d = new SmallDistrict();
        d.publish(2025, "S1", Stage.STARTUP, Tier.LEAD, "南村镇", "C39", "80");
        d.publish(2025, "S2", Stage.STARTUP, Tier.LEAD, "南村镇", "C39", "70");
        for (String uscc : List.of("S3", "S4", "S5")) {
            d.publish(2025, uscc, Stage.STARTUP, null, "南村镇", "C39", "40");
        }
        for (String uscc : List.of("G1", "G2", "G3", "G4")) {
            d.publish(2025, uscc, Stage.GROWTH, Tier.RUN, "大石街道", "I65", "65");
        }
        d.publish(2024, "S1", Stage.STARTUP, Tier.RISE, "南村镇", "C39", "40");
        d.publish(2024, "S3", Stage.STARTUP, null, "南村镇", "C39", "46.5");
        for (String uscc : List.of("G1", "G2", "G3")) {
            d.publish(2024, uscc, Stage.GROWTH, Tier.RUN, "大石街道", "I65", "60");
        }
        // G4 was a start-up in 2024: its change of total is no rise
        d.publish(2024, "G4", Stage.STARTUP, null, "大石街道", "I65", "20");
        return d;
    }

    public void publish(int year, String uscc, Stage stage, Tier tier, String town, String industry, String total) {
        results.computeIfAbsent(year, y -> new ArrayList<>()).add(new PublishedScore(year, year * 10L, 1, uscc,
                "企业" + uscc, town, industry, stage, null, null, null, new BigDecimal(total), null, tier, true, null, null, null));
    }

    /** Nothing published any more. */
    public void clear() {
        results.clear();
    }
}
