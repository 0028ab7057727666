package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.ScoreModel;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;

import static cn.gov.panyu.points.engine.input.InputField.*;

/**
 * Random cohorts of valid spec §1 records, built from a {@link Shape} and its seed.
 *
 * <p>Why a seed rather than jqwik arbitraries per field: cohorts run to 20,000 records, which jqwik
 * would generate and shrink element by element, far too slowly. jqwik draws the shape instead and
 * shrinks it; records are drawn one after another from the seeded stream, so a smaller size with the
 * same seed is a prefix of the same cohort, and shrinking the size finds a short failing prefix.
 *
 * <p>Each field draws from a pool of {@link Shape#distinct()} values made up front: a small pool gives
 * the ties that ranks and percentiles must share, a large one nearly distinct values. Pools lean on the
 * edges the spec names: zero (a present value that scores nothing), revenue at and just below each stage
 * limit, revenue 0 (ratios missing), revenue_y1 = 0 (growth missing), revenue_y2 = 0 (the one-year
 * growth), negative profit and growth.
 */
final class RandomCohorts {

    /**
     * What a cohort looks like.
     *
     * @param distinct             values per field pool (1 = every enterprise alike)
     * @param missingPercent       chance that an optional field is empty
     * @param qualificationPercent chance of holding each qualification
     * @param negativePercent      chance of each negative circumstance
     * @param twinPercent          chance that an enterprise has the very inputs of an earlier one: with
     *                             many fields even small pools rarely tie whole totals, and twins do
     */
    record Shape(int size, long seed, int distinct, int missingPercent, int qualificationPercent,
                 int negativePercent, int twinPercent) {
    }

    /** Industries outside every key list, next to the model's key industries. */
    private static final List<String> OTHER_INDUSTRIES = List.of("C38", "C29", "C26", "F51", "K70", "M74");

    private static final List<InputField> SCALED_AMOUNTS = List.of(REVENUE_Y1, REVENUE_Y2, TAX_PAID, RD_EXPENSE,
            TECH_CONTRACT, EQUITY_FINANCING_3Y);
    private static final List<InputField> SMALL_COUNTS = List.of(RD_PLATFORMS, AWARDS_5Y, STANDARDS_5Y, PROJECTS_3Y,
            ACADEMIA_PROJECTS_3Y, INVENTION_GRANTED);
    private static final List<InputField> LARGE_COUNTS = List.of(RD_STAFF, IP_CLASS1, IP_CLASS2);

    private RandomCohorts() {
    }

    static List<EnterpriseRecord> cohort(Shape shape, ScoreModel model) {
        Random random = new Random(shape.seed());
        Pools pools = new Pools(random, shape.distinct(), model);
        List<EnterpriseRecord> records = new ArrayList<>(shape.size());
        for (int i = 0; i < shape.size(); i++) {
            if (i > 0 && random.nextInt(100) < shape.twinPercent()) {
                records.add(twin(id(i), records.get(random.nextInt(i))));
            } else {
                records.add(record(id(i), shape, pools, random));
            }
        }
        return records;
    }

    private static String id(int index) {
        return String.format("R%07d", index);
    }

    private static EnterpriseRecord.Builder builder(String id, String industry) {
        return EnterpriseRecord.builder(id).name("企业" + id).town("市桥街道").industry(industry)
                .established(LocalDate.of(2015, 6, 1));
    }

    /** Another enterprise with the same inputs. */
    private static EnterpriseRecord twin(String id, EnterpriseRecord of) {
        EnterpriseRecord.Builder b = builder(id, of.industry());
        for (InputField field : InputField.numericFields()) {
            b.set(field, of.value(field));
        }
        of.qualifications().forEach(b::qualification);
        of.negatives().forEach(b::negative);
        return b.build();
    }

    private static EnterpriseRecord record(String id, Shape shape, Pools pools, Random random) {
        EnterpriseRecord.Builder b = builder(id, pools.industry(random));
        double revenue = pools.draw(REVENUE_Y0, random);
        double employees = pools.draw(EMPLOYEES, random);
        b.set(REVENUE_Y0, revenue).set(EMPLOYEES, employees);
        for (InputField field : pools.optionalFields()) {
            // draw before deciding on missing, so that every record takes the same number of draws
            double v = pools.draw(field, random);
            boolean missing = random.nextInt(100) < shape.missingPercent();
            if (field == RD_STAFF) {
                v = Math.min(v, employees); // §1: rd_staff ≤ employees
            } else if (field == HITECH_REVENUE) {
                v = Math.floor(v * revenue * 100) / 100; // a share of revenue_y0, so never above it (§1)
            }
            if (!missing) {
                b.set(field, v);
            }
        }
        for (Qualification q : Qualification.values()) {
            if (random.nextInt(100) < shape.qualificationPercent()) {
                b.qualification(q);
            }
        }
        for (Negative n : Negative.values()) {
            if (random.nextInt(100) < shape.negativePercent()) {
                b.negative(n);
            }
        }
        return b.build();
    }

    /** One pool of values per numeric field, and one of industries. */
    private static final class Pools {
        private final Map<InputField, double[]> values = new EnumMap<>(InputField.class);
        private final List<String> industries = new ArrayList<>();
        private final List<InputField> optional;

        Pools(Random random, int distinct, ScoreModel model) {
            fill(REVENUE_Y0, distinct, random, r -> revenue(r, model));
            fill(EMPLOYEES, distinct, random, r -> 1 + r.nextInt(r.nextBoolean() ? 10 : 500));
            for (InputField f : SCALED_AMOUNTS) {
                fill(f, distinct, random, RandomCohorts::amount);
            }
            fill(NET_PROFIT, distinct, random, r -> r.nextInt(4) == 0 ? -amount(r) : amount(r));
            for (InputField f : SMALL_COUNTS) {
                fill(f, distinct, random, r -> r.nextInt(5));
            }
            for (InputField f : LARGE_COUNTS) {
                fill(f, distinct, random, r -> r.nextInt(r.nextBoolean() ? 4 : 60));
            }
            fill(CONTEST_AWARD_3Y, distinct, random, r -> r.nextInt(2));
            // hitech_revenue as a share of each record's revenue_y0, see record(..)
            fill(HITECH_REVENUE, distinct, random, r -> r.nextInt(3) == 0 ? r.nextInt(5) / 4.0 : r.nextDouble());
            List<String> all = new ArrayList<>(model.keyIndustries());
            all.sort(null); // the model's set has no order; the seed must give the same cohort every time
            all.addAll(OTHER_INDUSTRIES);
            for (int k = 0; k < Math.min(distinct, all.size()); k++) {
                industries.add(all.get(random.nextInt(all.size())));
            }
            optional = values.keySet().stream().filter(f -> f != REVENUE_Y0 && f != EMPLOYEES).toList();
        }

        private void fill(InputField field, int distinct, Random random, ToDoubleFunction<Random> draw) {
            double[] pool = new double[distinct];
            for (int k = 0; k < distinct; k++) {
                pool[k] = draw.applyAsDouble(random);
            }
            values.put(field, pool);
        }

        double draw(InputField field, Random random) {
            double[] pool = values.get(field);
            return pool[random.nextInt(pool.length)];
        }

        String industry(Random random) {
            return industries.get(random.nextInt(industries.size()));
        }

        /** Every numeric field but the two required ones, in a fixed order. */
        List<InputField> optionalFields() {
            return optional;
        }
    }

    /** revenue_y0 in all three stages, with 0 and the values at and just below each stage limit. */
    private static double revenue(Random random, ScoreModel model) {
        double growth = model.growthFrom();
        double mature = model.matureFrom();
        return switch (random.nextInt(8)) {
            case 0 -> 0;
            case 1 -> justBelow(growth);
            case 2 -> cents(growth);
            case 3 -> justBelow(mature);
            case 4 -> cents(mature);
            case 5 -> cents(random.nextDouble() * growth);
            case 6 -> cents(growth + random.nextDouble() * (mature - growth));
            default -> cents(mature * (1 + 20 * random.nextDouble()));
        };
    }

    /** An amount in 万元 with two decimals, 0 often, otherwise spread over eight orders of magnitude. */
    private static double amount(Random random) {
        if (random.nextInt(8) == 0) {
            return 0;
        }
        return Math.max(0.01, cents(Math.pow(10, -2 + 8 * random.nextDouble())));
    }

    /** The largest two-decimal amount below the limit (for a whole limit, the limit less 0.01). */
    private static double justBelow(double limit) {
        return (Math.ceil(limit * 100) - 1) / 100.0;
    }

    /** Rounded to hundredths as a parsed two-decimal cell would be: k / 100 is the double nearest "k/100". */
    private static double cents(double v) {
        return Math.round(v * 100) / 100.0;
    }
}
