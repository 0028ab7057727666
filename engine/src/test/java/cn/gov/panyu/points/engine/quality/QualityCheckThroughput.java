package cn.gov.panyu.points.engine.quality;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import cn.gov.panyu.points.engine.generate.SyntheticDistrict;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.quality.SourceDisagreements.Comparison;

/**
 * Throughput of {@link QualityCheck}, not run by the build (a benchmark is not a test):
 * {@code java -cp <test classpath> cn.gov.panyu.points.engine.quality.QualityCheckThroughput [enterprises]}.
 * A synthetic district of the given size (default 100,000); last year is this year's figures moved back
 * along the records' own 上年营业收入 and a random −30 %…+30 % for the other figures, with one firm in 200 given a
 * tenfold jump; one firm in ten declares its R&amp;D expense, a third of those 10–40 % off the tax office's.
 * Five runs; the first includes JIT warm-up.
 */
public final class QualityCheckThroughput {

    private QualityCheckThroughput() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        List<EnterpriseRecord> records = new SyntheticDistrict(2025, 2025).records(n);
        SplittableRandom random = new SplittableRandom(7);
        Map<String, EnterpriseRecord> lastYear = new HashMap<>();
        List<Comparison> comparisons = new ArrayList<>();
        for (EnterpriseRecord r : records) {
            EnterpriseRecord before = r.with(InputField.REVENUE_Y0, r.value(InputField.REVENUE_Y1));
            for (InputField f : List.of(InputField.RD_EXPENSE, InputField.EMPLOYEES, InputField.RD_STAFF)) {
                double v = r.value(f);
                double factor = random.nextInt(200) == 0 ? 0.1 : 0.7 + 0.6 * random.nextDouble();
                before = before.with(f, Double.isNaN(v) ? v : f.kind().amount() ? v * factor : Math.round(v * factor));
            }
            lastYear.put(r.uscc(), before);
            double rd = r.value(InputField.RD_EXPENSE);
            if (!Double.isNaN(rd) && random.nextInt(10) == 0) {
                double declared = random.nextInt(3) == 0 ? rd * (0.6 + 0.3 * random.nextDouble()) : rd;
                comparisons.add(new Comparison(r.uscc(), "rd_expense", "研发费用", true, "税务", rd, "企业填报", declared));
            }
        }
        ScoreModel model = ModelLoader.defaultModel();
        QualityCheck check = new QualityCheck();
        System.out.printf("%,d enterprises, %,d comparisons, %d cores, max heap %,d MB%n", n, comparisons.size(),
                Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        for (int i = 0; i < 5; i++) {
            long t0 = System.nanoTime();
            List<Flag> flags = check.run(records, lastYear, comparisons, r -> model.stageOf(r.value(InputField.REVENUE_Y0)));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            Map<Rule, Integer> byRule = new HashMap<>();
            flags.forEach(f -> byRule.merge(f.rule(), 1, Integer::sum));
            System.out.printf("%,d flags in %,d ms %s%n", flags.size(), ms, byRule);
        }
    }
}
