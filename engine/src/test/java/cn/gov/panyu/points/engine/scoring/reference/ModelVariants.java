package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.ModelLoader;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.model.ValueKey;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

/**
 * Random alternative models, written as model files and read by {@link ModelLoader} as staff's own
 * files would be: other stage limits and core totals, weights in tenths (zeros included), indicators
 * reading any key (derived values, revenue of earlier years, key_industry, a set over the negatives),
 * bands with thresholds at and below zero, bonus items with a cap that bites, negatives switched
 * between veto and deduction, other tier percentages. The default model exercises none of these
 * (its bonus items, for one, can never exceed its cap).
 */
final class ModelVariants {

    private static final List<String> NUMERIC_KEYS = Arrays.stream(ValueKey.values()).filter(k -> !k.isSet())
            .map(ValueKey::key).toList();
    private static final double[] THRESHOLDS = {-1, 0, 0.01, 0.05, 0.2, 0.5, 1, 2, 3, 5, 10, 100, 1000};
    private static final List<String> INDUSTRIES = List.of("C36", "C24", "C18", "C34", "C35", "C39", "C27", "I64",
            "I65", "M73", "C38", "F51");
    private static final String[] TRANSFORMS = {"percentile", "percentile", "percentile", "bands", "set"};

    private ModelVariants() {
    }

    static ScoreModel model(String yaml) {
        return ModelLoader.parse(yaml, "variant.yaml");
    }

    /** A valid model file drawn from the seed. */
    static String yaml(long seed) {
        Random random = new Random(seed);
        StringBuilder y = new StringBuilder();
        y.append("id: variant-").append(Long.toUnsignedString(seed)).append('\n');
        y.append("version: \"1\"\nname: 随机模型\n");
        y.append("district: {name: 番禺区, towns: [市桥街道]}\n");

        double growth = random.nextBoolean() ? 500 : tenths(1 + random.nextInt(20_000));
        double mature = random.nextBoolean() ? 10_000 : growth + tenths(1 + random.nextInt(200_000));
        if (!(growth < mature)) {
            mature = growth * 2;
        }
        y.append("stages: {growthFrom: ").append(text(growth)).append(", matureFrom: ").append(text(mature)).append("}\n");

        int coreTenths = new int[]{10_000, 1_000, 5_555}[random.nextInt(3)];
        y.append("coreTotal: ").append(text(tenths(coreTenths))).append('\n');
        int count = 1 + random.nextInt(20);
        int[][] weights = new int[3][];
        for (int s = 0; s < 3; s++) {
            weights[s] = partition(coreTenths, count, random);
        }
        y.append("indicators:\n");
        for (int k = 0; k < count; k++) {
            String transform = TRANSFORMS[random.nextInt(TRANSFORMS.length)];
            y.append("  - {code: I").append(k).append(", category: 类别, name: 指标").append(k).append(", ");
            switch (transform) {
                case "percentile" -> y.append("value: ").append(numericKey(random)).append(", transform: percentile");
                case "bands" -> y.append("value: ").append(numericKey(random)).append(", transform: bands, bands: ")
                        .append(bands(random));
                default -> y.append(setMembers(random));
            }
            y.append(", weights: {STARTUP: ").append(text(tenths(weights[0][k])))
                    .append(", GROWTH: ").append(text(tenths(weights[1][k])))
                    .append(", MATURE: ").append(text(tenths(weights[2][k]))).append("}}\n");
        }

        List<String> keyIndustries = new ArrayList<>();
        for (String code : INDUSTRIES) {
            if (random.nextInt(3) > 0) {
                keyIndustries.add(code);
            }
        }
        y.append("keyIndustries: ").append(keyIndustries).append('\n');

        y.append("bonus:\n  cap: ").append(text(new double[]{0, 25, 50, 100, 150.5}[random.nextInt(5)]))
                .append("\n  items:\n");
        int bonusItems = random.nextInt(5);
        if (bonusItems == 0) {
            y.append("    []\n");
        }
        for (int k = 0; k < bonusItems; k++) {
            y.append("    - {code: B").append(k).append(", name: 加分").append(k).append(", value: ")
                    .append(numericKey(random)).append(", atLeast: ").append(text(threshold(random)))
                    .append(", points: ").append(text(tenths(random.nextInt(801)))).append("}\n");
        }

        y.append("negatives:\n");
        boolean anyNegative = false;
        for (Negative n : Negative.values()) {
            if (random.nextInt(5) == 0) {
                continue;
            }
            anyNegative = true;
            y.append("  - {code: ").append(n.name());
            if (random.nextInt(3) == 0) {
                y.append(", effect: veto}\n");
            } else {
                y.append(", effect: deduct, points: ")
                        .append(text(new double[]{0.5, 10, 33.33, 100, 250}[random.nextInt(5)])).append("}\n");
            }
        }
        if (!anyNegative) {
            y.append("  []\n");
        }

        y.append("tiers:\n");
        TreeSet<Integer> percents = new TreeSet<>();
        int tiers = 1 + random.nextInt(3);
        while (percents.size() < tiers) {
            percents.add(1 + random.nextInt(random.nextBoolean() ? 30 : 100));
        }
        List<Tier> names = new ArrayList<>(List.of(Tier.values()));
        while (names.size() > tiers) {
            names.remove(random.nextInt(names.size()));
        }
        int t = 0;
        for (int percent : percents) {
            y.append("  - {tier: ").append(names.get(t++)).append(", topPercent: ").append(percent).append("}\n");
        }
        return y.toString();
    }

    /** {@code parts} non-negative integers summing to {@code total}, about a quarter of them 0. */
    private static int[] partition(int total, int parts, Random random) {
        int[] raw = new int[parts];
        long sum = 0;
        for (int k = 0; k < parts; k++) {
            raw[k] = random.nextInt(4) == 0 ? 0 : 1 + random.nextInt(100);
            sum += raw[k];
        }
        if (sum == 0) {
            raw[random.nextInt(parts)] = 1;
            sum = 1;
        }
        int[] out = new int[parts];
        int given = 0;
        int last = 0;
        for (int k = 0; k < parts; k++) {
            out[k] = (int) (raw[k] * (long) total / sum);
            given += out[k];
            if (raw[k] > 0) {
                last = k;
            }
        }
        out[last] += total - given;
        return out;
    }

    /** 1 to 4 thresholds, strictly decreasing, with fractions that never rise as the threshold falls. */
    private static String bands(Random random) {
        TreeSet<Double> thresholds = new TreeSet<>();
        int n = 1 + random.nextInt(4);
        while (thresholds.size() < n) {
            thresholds.add(threshold(random));
        }
        double[] fractions = new double[n];
        for (int k = 0; k < n; k++) {
            fractions[k] = random.nextInt(101) / 100.0;
        }
        Arrays.sort(fractions);
        List<String> bands = new ArrayList<>();
        int k = n - 1;
        for (double t : thresholds.descendingSet()) {
            bands.add("{atLeast: " + text(t) + ", fraction: " + text(fractions[k--]) + "}");
        }
        return bands.toString();
    }

    /** A set indicator over the qualifications or the negatives, with some of their members. */
    private static String setMembers(Random random) {
        boolean negatives = random.nextInt(4) == 0;
        List<String> names = new ArrayList<>();
        for (Enum<?> e : negatives ? Negative.values() : Qualification.values()) {
            names.add(e.name());
        }
        List<String> members = new ArrayList<>();
        for (String name : names) {
            if (members.isEmpty() || random.nextInt(3) > 0) {
                members.add(name + ": " + text(random.nextInt(8) / 10.0));
            }
        }
        return "value: " + (negatives ? "negatives" : "qualifications") + ", transform: set, members: {"
                + String.join(", ", members) + "}";
    }

    private static String numericKey(Random random) {
        return NUMERIC_KEYS.get(random.nextInt(NUMERIC_KEYS.size()));
    }

    private static double threshold(Random random) {
        return THRESHOLDS[random.nextInt(THRESHOLDS.length)];
    }

    private static double tenths(int tenths) {
        return tenths / 10.0;
    }

    private static String text(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
