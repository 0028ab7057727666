package cn.gov.panyu.points.engine.calibration;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.RecordColumns;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.Locale;
import java.util.Set;

/**
 * Time and memory of calibrating and checking a model on a synthetic district, not run by the build (a
 * benchmark is not a test): {@code java -Xmx1g -cp <test classpath> cn.gov.panyu.points.engine.calibration.CalibrationBenchmark
 * [enterprises] [runs]}. Each run does what the calibration page and the sensitivity report do: per stage the
 * fraction matrix, entropy and CRITIC weights, a draft model combining them half and half with the active
 * weights; then the sensitivity of that draft against the active model with the one-at-a-time analysis
 * (3 scorings, then 2 × 18 re-weighings of the fractions). The first run includes JIT warm-up.
 */
public final class CalibrationBenchmark {

    private CalibrationBenchmark() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        System.out.printf(Locale.ROOT, "%,d enterprises, %d cores, max heap %,d MB%n",
                n, Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        RecordColumns records = RecordColumns.of(new SyntheticDistrict(2025, 2025).records(n));
        ScoreModel active = ModelLoader.defaultModel();
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        for (int run = 1; run <= runs; run++) {
            long cpu0 = os.getProcessCpuTime(); // steadier than wall time on a shared machine
            long t0 = System.nanoTime();
            ScoreModel draft = active;
            long weighing = 0;
            for (Stage s : Stage.values()) {
                CriteriaMatrix m = CriteriaMatrix.fractions(active, records, s);
                long w0 = System.nanoTime();
                Weights entropy = EntropyWeights.compute(m);
                Weights critic = CriticWeights.compute(m, Set.of());
                weighing += System.nanoTime() - w0;
                Weights objective = Weights.combine(entropy, critic, 0.5);
                draft = Reweighting.scaled(draft, s, Weights.combine(Weights.ofModel(active, s), objective, 0.5), 0, "bench");
            }
            long t1 = System.nanoTime();
            Sensitivity.Report report = Sensitivity.compare(active, draft, records, 20, true);
            long t2 = System.nanoTime();
            Sensitivity.StageComparison growth = report.stage(Stage.GROWTH);
            System.out.printf(Locale.ROOT, "run %d: calibration %,d ms (of which entropy + CRITIC %,d ms), sensitivity %,d ms"
                            + " (%d weight changes), total %,d ms, process CPU %,d ms; growth stage: %,d enterprises, %,d change tier, ρ %.4f, τ-b %.4f%n",
                    run, (t1 - t0) / 1_000_000, weighing / 1_000_000, (t2 - t1) / 1_000_000, report.weightChanges().size(),
                    (t2 - t0) / 1_000_000, (os.getProcessCpuTime() - cpu0) / 1_000_000, growth.enterprises(), growth.tierChanges(), growth.spearman(), growth.kendallTauB());
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
