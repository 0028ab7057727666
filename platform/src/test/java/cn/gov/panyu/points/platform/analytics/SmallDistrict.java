package cn.gov.panyu.points.platform.analytics;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.credit.CreditTotal;
import cn.gov.panyu.points.platform.credit.CreditTotals;
import cn.gov.panyu.points.platform.cultivation.Pool;
import cn.gov.panyu.points.platform.cultivation.PoolVersion;
import cn.gov.panyu.points.platform.cultivation.Pools;
import cn.gov.panyu.points.platform.evaluation.IndicatorPoints;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedRun;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * A district small enough to work its figures out by hand, handed out by a stand-in read model, with the real
 * dashboard on top: nine enterprises published in 2025 and six in 2024 ({@link #twoYears()}). Shared by the
 * dashboard's tests and the white paper's, which must show the dashboard's figures.
 */
public final class SmallDistrict {

    public static final LocalDateTime PUBLISHED_AT = LocalDateTime.of(2026, 3, 2, 10, 0);

    public final PublishedResults published = mock(PublishedResults.class);
    final ScoreModels models = mock(ScoreModels.class);
    final YearRecords records = mock(YearRecords.class);
    final RunSnapshots snapshots = new RunSnapshots(published, models);
    final CreditTotals credit = mock(CreditTotals.class);
    final Pools pools = mock(Pools.class);
    // asked for the records' stamp on every request, so that a change shows at once
    final YearQualifications yearQualifications = new YearQualifications(records, Duration.ZERO);
    public final DistrictDashboard dashboard = new DistrictDashboard(published, snapshots, yearQualifications,
            new DistrictOutcomes(credit, pools));
    /** The credit figures and pool versions the stand-in credit and cultivation features hand out. */
    final List<CreditTotal> creditRows = new ArrayList<>();
    final List<PoolVersion> poolVersions = new ArrayList<>();
    final Map<Integer, List<PublishedScore>> results = new HashMap<>();
    /** Each year's merged qualifications by USCC; changing them changes the year's stamp. */
    final Map<Integer, Map<String, Set<Qualification>>> qualifications = new HashMap<>();

    private SmallDistrict() {
        when(models.load(anyLong())).thenReturn(ModelLoader.defaultModel());
        when(credit.totals(any())).thenAnswer(i -> {
            CreditTotals.Filter f = i.getArgument(0);
            return creditRows.stream().filter(r -> r.year().equals(f.year())).toList();
        });
        when(pools.latest(any(), anyInt())).thenAnswer(i -> poolVersions.stream()
                .filter(v -> v.pool() == i.getArgument(0) && v.year() == (Integer) i.getArgument(1))
                .max(Comparator.comparingInt(PoolVersion::version)));
        when(records.stamp(anyInt())).thenAnswer(i -> String.valueOf(qualifications.getOrDefault((Integer) i.getArgument(0), Map.of())));
        doAnswer(i -> {
            BiConsumer<String, Set<Qualification>> sink = i.getArgument(1);
            qualifications.getOrDefault((Integer) i.getArgument(0), Map.of()).forEach(sink);
            return null;
        }).when(records).forEachQualifications(anyInt(), any());
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
     * Indicator points of T1 (研发费用总额) and T2 (研发费用占营业收入比例) only, T2 not in 2024 (as if its model had no
     * T2): 2025 S1 30/40, S2 20/35, S3–S5 10 and 5, 6, 7, G1–G4 8, 12, 16, 20 and 50 each; 2024 S1 10, S3 14,
     * G4 6, G1–G3 10, 11, 12. Qualifications: 2025 S1 高企 and 科小, S3 高企, G1 专精特新; 2024 S1 科小.
     */
    public static SmallDistrict twoYears() {
        SmallDistrict d = new SmallDistrict();
        d.publish(2025, "S1", Stage.STARTUP, Tier.LEAD, "南村镇", "C39", "80", "T1=3000;T2=4000");
        d.publish(2025, "S2", Stage.STARTUP, Tier.LEAD, "南村镇", "C39", "70", "T1=2000;T2=3500");
        int t2 = 500;
        for (String uscc : List.of("S3", "S4", "S5")) {
            d.publish(2025, uscc, Stage.STARTUP, null, "南村镇", "C39", "40", "T1=1000;T2=" + t2);
            t2 += 100;
        }
        int t1 = 800;
        for (String uscc : List.of("G1", "G2", "G3", "G4")) {
            d.publish(2025, uscc, Stage.GROWTH, Tier.RUN, "大石街道", "I65", "65", "T1=" + t1 + ";T2=5000");
            t1 += 400;
        }
        d.publish(2024, "S1", Stage.STARTUP, Tier.RISE, "南村镇", "C39", "40", "T1=1000");
        d.publish(2024, "S3", Stage.STARTUP, null, "南村镇", "C39", "46.5", "T1=1400");
        t1 = 1000;
        for (String uscc : List.of("G1", "G2", "G3")) {
            d.publish(2024, uscc, Stage.GROWTH, Tier.RUN, "大石街道", "I65", "60", "T1=" + t1);
            t1 += 100;
        }
        // G4 was a start-up in 2024: its change of total is no rise
        d.publish(2024, "G4", Stage.STARTUP, null, "大石街道", "I65", "20", "T1=600");
        d.qualify(2025, "S1", Qualification.HTE, Qualification.TSME);
        d.qualify(2025, "S3", Qualification.HTE);
        d.qualify(2025, "G1", Qualification.SRDI);
        d.qualify(2024, "S1", Qualification.TSME);
        // 2025 credit: bank A lent 300 万元 to S1 (初创期 领跑) and 200 + 150 to G1, G2 (成长期 竞跑) out of 5 applications
        // (4 approved); bank B 100 to an enterprise without a published result, out of 1 application
        d.lend("A", Stage.STARTUP, Tier.LEAD, 2, 2, 1, "300");
        d.lend("A", Stage.GROWTH, Tier.RUN, 3, 2, 2, "350");
        d.lend("B", null, null, 1, 0, 1, "100");
        // 2025 pools: 科小后备 version 2 keeps 6 of 7 (3 confirmed), version 1 is older; 高企后备 keeps 4; no 专精特新后备
        d.pool(Pool.TSME_RESERVE, 1, 9, 0, 0);
        d.pool(Pool.TSME_RESERVE, 2, 7, 3, 1);
        d.pool(Pool.HTE_RESERVE, 1, 4, 0, 0);
        return d;
    }

    public void publish(int year, String uscc, Stage stage, Tier tier, String town, String industry, String total) {
        publish(year, uscc, stage, tier, town, industry, total, null);
    }

    public void publish(int year, String uscc, Stage stage, Tier tier, String town, String industry, String total,
                        String points) {
        results.computeIfAbsent(year, y -> new ArrayList<>()).add(new PublishedScore(year, year * 10L, 1, uscc,
                "企业" + uscc, town, industry, stage, null, null, null, new BigDecimal(total), null, tier, true,
                IndicatorPoints.parse(points), null, null));
    }

    void lend(String bank, Stage stage, Tier tier, long applications, long approvals, long loans, String amount) {
        creditRows.add(new CreditTotal(bank, "银行" + bank, 2025, stage, tier, applications, approvals, 0, approvals, 0,
                loans, new BigDecimal(amount), BigDecimal.valueOf(4L * loans)));
    }

    void pool(Pool pool, int version, long members, long confirmed, long removed) {
        poolVersions.add(new PoolVersion(version * 100L + pool.ordinal(), pool, 2025, version, "", "staff", PUBLISHED_AT,
                members, confirmed, removed));
    }

    /** The qualifications an enterprise holds in the year's merged record (replacing what it held). */
    public void qualify(int year, String uscc, Qualification... held) {
        qualifications.computeIfAbsent(year, y -> new HashMap<>()).put(uscc, Set.of(held));
    }

    /** Nothing published any more. */
    public void clear() {
        results.clear();
        qualifications.clear();
        creditRows.clear();
        poolVersions.clear();
    }
}
