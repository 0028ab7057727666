package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;

/**
 * Time and memory of a back-test on a synthetic district, not run by the build (a benchmark is not a test):
 * {@code java -Xmx1g -cp <test classpath> cn.gov.panyu.points.engine.calibration.BackTestBenchmark [enterprises] [runs]}.
 * Year Y is the synthetic district; Y+1 and Y+2 are derived from it (each enterprise followed with probability
 * 0.9, revenue and R&amp;D ×0.8 … 1.3, one in ten not yet 高企 becomes one each year, one in twenty borrows each
 * year), as the page builds them from stored years. Each run does what the page does after reading the years:
 * the outcomes, two scorings (the active model and a draft with the stage weights of CRITIC) and the report.
 */
public final class BackTestBenchmark {

    private BackTestBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "%,d enterprises, %d cores, max heap %,d MB%n",
                n, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        List<EnterpriseRecord> year = new SyntheticDistrict(2025, 2025).records(n);
        RecordColumns cohort = RecordColumns.of(year);
        Random random = new Random(2025);
        List<Map<String, EnterpriseRecord>> later = new ArrayList<>();
        List<Set<String>> borrowers = new ArrayList<>();
        List<EnterpriseRecord> previous = year;
        for (int h = 1; h <= BackTest.HORIZONS; h++) {
            Map<String, EnterpriseRecord> next = new HashMap<>();
            Set<String> loans = new HashSet<>();
            List<EnterpriseRecord> followed = new ArrayList<>();
            for (EnterpriseRecord r : previous) {
                if (random.nextDouble() < 0.05) {
                    loans.add(r.uscc());
                }
                if (random.nextDouble() >= 0.9) {
                    continue;
                }
                EnterpriseRecord then = r.with(InputField.REVENUE_Y0, r.value(InputField.REVENUE_Y0) * (0.8 + 0.5 * random.nextDouble()))
                        .with(InputField.RD_EXPENSE, r.value(InputField.RD_EXPENSE) * (0.8 + 0.5 * random.nextDouble()));
                if (!r.has(Qualification.HTE) && random.nextDouble() < 0.1) {
                    Set<Qualification> q = EnumSet.of(Qualification.HTE);
                    q.addAll(r.qualifications());
                    then = then.withQualifications(q);
                }
                next.put(then.uscc(), then);
                followed.add(then);
            }
            later.add(next);
            borrowers.add(loans);
            previous = followed;
        }
        ScoreModel active = ModelLoader.defaultModel();
        ScoreModel draft = active;
        for (Stage s : Stage.values()) {
            Weights critic = CriticWeights.compute(CriteriaMatrix.fractions(active, cohort, s), Set.of());
            draft = Reweighting.scaled(draft, s, critic, 0, "bench");
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            long cpu0 = os.getProcessCpuTime();
            long t0 = System.nanoTime();
            BackTest.Outcomes outcomes = BackTest.outcomes(cohort, later, borrowers);
            long t1 = System.nanoTime();
            BackTest.Report report = BackTest.run(active, draft, cohort, outcomes);
            long t2 = System.nanoTime();
            BackTest.StageResult a = report.a().stage(Stage.GROWTH);
            BackTest.StageResult b = report.b().stage(Stage.GROWTH);
            System.out.printf(Locale.ROOT, "run %d: outcomes %,d ms, two scorings + report %,d ms, total %,d ms, process CPU %,d ms;"
                            + " growth stage %,d enterprises, revenue grew by Y+2 in 领跑 A %.3f / B %.3f, τ-b A %.4f / B %.4f%n",
                    run, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (t2 - t0) / 1_000_000,
                    (os.getProcessCpuTime() - cpu0) / 1_000_000, a.enterprises(),
                    a.row(Tier.LEAD).cell(BackTest.Outcome.REVENUE_GREW, 2).share(),
                    b.row(Tier.LEAD).cell(BackTest.Outcome.REVENUE_GREW, 2).share(),
                    a.separation(BackTest.Outcome.REVENUE_GREW, 2).kendallTauB(),
                    b.separation(BackTest.Outcome.REVENUE_GREW, 2).kendallTauB());
        }
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf(Locale.ROOT, "peak heap used (sum of the pools' peaks) %,d MB%n", peak >> 20);
    }
}
