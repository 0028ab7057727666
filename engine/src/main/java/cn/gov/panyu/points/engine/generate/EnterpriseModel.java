package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;

import java.time.Year;
import java.util.SplittableRandom;

import static cn.gov.panyu.points.engine.input.InputField.ACADEMIA_PROJECTS_3Y;
import static cn.gov.panyu.points.engine.input.InputField.AWARDS_5Y;
import static cn.gov.panyu.points.engine.input.InputField.CONTEST_AWARD_3Y;
import static cn.gov.panyu.points.engine.input.InputField.EMPLOYEES;
import static cn.gov.panyu.points.engine.input.InputField.EQUITY_FINANCING_3Y;
import static cn.gov.panyu.points.engine.input.InputField.HITECH_REVENUE;
import static cn.gov.panyu.points.engine.input.InputField.INVENTION_GRANTED;
import static cn.gov.panyu.points.engine.input.InputField.IP_CLASS1;
import static cn.gov.panyu.points.engine.input.InputField.IP_CLASS2;
import static cn.gov.panyu.points.engine.input.InputField.NET_PROFIT;
import static cn.gov.panyu.points.engine.input.InputField.PROJECTS_3Y;
import static cn.gov.panyu.points.engine.input.InputField.RD_EXPENSE;
import static cn.gov.panyu.points.engine.input.InputField.RD_PLATFORMS;
import static cn.gov.panyu.points.engine.input.InputField.RD_STAFF;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y0;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y1;
import static cn.gov.panyu.points.engine.input.InputField.REVENUE_Y2;
import static cn.gov.panyu.points.engine.input.InputField.STANDARDS_5Y;
import static cn.gov.panyu.points.engine.input.InputField.TAX_PAID;
import static cn.gov.panyu.points.engine.input.InputField.TECH_CONTRACT;

/**
 * The statistical model of one synthetic enterprise: row index → {@link Row}, a pure function of
 * (seed, year, index).
 *
 * <p>Each row draws from its own {@link SplittableRandom}, seeded from (seed, index). That, not a
 * shared sequence, is what makes the data independent of how many rows are asked for and in which
 * calls: row 7 is the same whether it is the last of 8 or the 8th of a million.
 *
 * <p>Two latent normal variables give the data its correlations: <em>size</em> sets revenue (and, via
 * revenue, staff, tax, profit) and <em>innovativeness</em> sets whether and how much a firm does R&amp;D,
 * its staff and IP, its high-tech revenue and its side activities. Qualifications are then
 * <em>derived</em> from the drawn numbers with the national criteria (cultivation-rules.md), so a 高企
 * always shows the R&amp;D intensity, staff share and high-tech revenue a 高企 must have. Missing cells
 * are cut last, and never from what a held qualification had to declare.
 *
 * <p>{@link Math} rather than {@link StrictMath}: Math's exp and log are JIT intrinsics and run dozens of
 * times per row, and every value is rounded to fen or to a count afterwards, so the last-bit differences
 * Math allows between platforms would almost never show in the output. On one platform (the same JDK
 * and CPU family) the output is exactly reproducible.
 */
final class EnterpriseModel {

    /*
     * log10(revenue_y0 in 万元) ~ N(μ, σ) with μ and σ solved from the stage targets P(< 500) = 0.55 and
     * P(< 10000) = 0.93; the 7% above 10000 are redrawn from a Pareto tail, which is heavier than the
     * normal's and, being truncated, never invents a firm larger than any in the district.
     */
    private static final double LOG10_REVENUE_MU = 2.577879;
    private static final double LOG10_REVENUE_SIGMA = 0.963633;
    private static final double LN_10 = Math.log(10);
    private static final double GROWTH_FROM_WAN = 500;
    private static final double MATURE_FROM_WAN = 10_000;
    private static final double TAIL_ALPHA = 1.1;
    private static final double TAIL_CAP_WAN = 2_000_000;
    private static final double TAIL_MASS = 1 - Math.pow(MATURE_FROM_WAN / TAIL_CAP_WAN, TAIL_ALPHA);

    /** First day of each month in a common year, zero-based; March on gains a day in a leap year. */
    private static final int[] MONTH_START = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    private final long seed;
    private final int year;
    private final SyntheticUscc uscc;

    EnterpriseModel(long seed, int year) {
        this.seed = seed;
        this.year = year;
        this.uscc = new SyntheticUscc(seed);
    }

    /** Fills {@code row} with enterprise number {@code index}. */
    void fill(long index, Row row) {
        row.clear();
        uscc.write(index, row.uscc);
        new Draw(new SplittableRandom(mix(seed + index * GOLDEN)), row).run();
    }

    /** SplitMix64's finalizer: spreads nearby seeds (0, 1, 2 …) over the whole range of a long. */
    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** The stage boundaries of spec §3, on the value as the engine will read it. */
    private static Stage stageOf(long revenueFen) {
        if (revenueFen < GROWTH_FROM_WAN * 100) {
            return Stage.STARTUP;
        }
        return revenueFen < MATURE_FROM_WAN * 100 ? Stage.GROWTH : Stage.MATURE;
    }

    /** The 高企 R&D intensity floor by latest-year sales: 5% up to ¥50M, 4% up to ¥200M, 3% above. */
    private static double hteIntensityFloor(double revenueWan) {
        if (revenueWan <= 5_000) {
            return 0.05;
        }
        return revenueWan <= 20_000 ? 0.04 : 0.03;
    }

    /** One enterprise being drawn: the latent variables and the decisions later steps depend on. */
    private final class Draw {
        private final SplittableRandom rnd;
        private final Row row;
        private Stage stage;
        private int age;
        private int dayOfYear;
        private int daysInYear;
        private double innovation;
        private boolean doesRd;

        Draw(SplittableRandom rnd, Row row) {
            this.rnd = rnd;
            this.row = row;
        }

        void run() {
            double size = rnd.nextGaussian();
            innovation = rnd.nextGaussian();
            long revenue = revenueFen(size);
            stage = stageOf(revenue);
            row.industry = IndustryProfile.pick(stage, rnd.nextDouble());
            row.town = row.industry.town(rnd.nextDouble(), rnd.nextDouble());
            // a stream of its own, so that editing the word lists never changes a firm's numbers
            row.nameLength = CompanyNames.compose(rnd.split(), row.industry, stage, row.nameParts);
            establish();
            if (stage == Stage.STARTUP && chance(preRevenueShare())) {
                revenue = 0;
            }
            row.set(REVENUE_Y0, revenue);
            revenueHistory();
            workforceAndResearch(size);
            intellectualProperty();
            profitAndTax();
            activities();
            negatives();
            qualifications();
            gaps();
        }

        private long revenueFen(double size) {
            double log10 = LOG10_REVENUE_MU + LOG10_REVENUE_SIGMA * size;
            double wan = log10 < 4 ? Math.exp(log10 * LN_10) : paretoTail(rnd.nextDouble());
            if (wan < GROWTH_FROM_WAN && chance(0.05)) {
                // small firms often report round figures; the ties this makes are real and the scorer must cope
                return Math.round(wan) * 100;
            }
            return Math.round(wan * 100);
        }

        /** Inverse CDF of the Pareto distribution on [10000, cap]. */
        private double paretoTail(double uniform) {
            return MATURE_FROM_WAN * Math.pow(1 - uniform * TAIL_MASS, -1 / TAIL_ALPHA);
        }

        /** Older firms are larger: the age distribution depends on the stage. */
        private void establish() {
            int maxAge = year - SyntheticDistrict.FIRST_YEAR;
            int minAge = switch (stage) {
                case STARTUP -> 0;
                case GROWTH -> 1;
                case MATURE -> 3;
            };
            double meanExtra = switch (stage) {
                case STARTUP -> 8;
                case GROWTH -> 12;
                case MATURE -> 15;
            };
            age = -1;
            for (int attempt = 0; attempt < 8 && age < 0; attempt++) {
                // the sum of two exponentials (a gamma of shape 2) thins out the firms founded this very year
                int a = minAge + (int) (-meanExtra / 2 * Math.log((1 - rnd.nextDouble()) * (1 - rnd.nextDouble())));
                if (a <= maxAge) {
                    age = a;
                }
            }
            if (age < 0) {
                // only when 1990 is close to the evaluation year; never establish a firm before 1990
                age = minAge >= maxAge ? maxAge : minAge + rnd.nextInt(maxAge - minAge + 1);
            }
            int established = year - age;
            boolean leap = Year.isLeap(established);
            daysInYear = leap ? 366 : 365;
            dayOfYear = 1 + rnd.nextInt(daysInYear);
            int month = 11;
            while (dayOfYear <= MONTH_START[month] + (leap && month >= 2 ? 1 : 0)) {
                month--;
            }
            row.establishedYear = established;
            row.establishedMonth = month + 1;
            row.establishedDay = dayOfYear - MONTH_START[month] - (leap && month >= 2 ? 1 : 0);
        }

        /** Share of startups with no sales yet: mostly the newly founded (biotech, research, software). */
        private double preRevenueShare() {
            return age == 0 ? 0.2 : age == 1 ? 0.08 : 0.008;
        }

        /**
         * Y-1 and Y-2 from Y and a growth trend that is steep for young and innovative firms. A firm
         * founded in Y has no earlier years, one founded in Y-1 no Y-2, and its first year covers only
         * the months it existed — which gives the very high growth rates young firms really show.
         */
        private void revenueHistory() {
            if (age == 0) {
                return;
            }
            long y0 = row.get(REVENUE_Y0);
            double trend = 0.03 + 0.30 * Math.exp(-age / 4.0) + 0.04 * innovation + 0.10 * rnd.nextGaussian();
            double lastYear = clamp(trend + 0.12 * rnd.nextGaussian(), -1.0, 2.0);
            double yearBefore = clamp(trend + 0.12 * rnd.nextGaussian(), -1.0, 2.0);
            double partOfFirstYear = (daysInYear - dayOfYear + 1) / (double) daysInYear;

            double fullY1 = y0 * Math.exp(-lastYear);
            row.set(REVENUE_Y1, Math.round(fullY1 * (age == 1 ? partOfFirstYear : 1)));
            if (age >= 2) {
                boolean noSalesYet = y0 == 0 || stage == Stage.STARTUP && age <= 4 && chance(0.15);
                long y2 = noSalesYet ? 0
                        : Math.round(fullY1 * Math.exp(-yearBefore) * (age == 2 ? partOfFirstYear : 1));
                row.set(REVENUE_Y2, y2);
            }
            // gaps in the records of older firms (a missed statistical report)
            if (chance(0.01)) {
                row.setMissing(REVENUE_Y1);
            }
            if (age >= 2 && chance(0.03)) {
                row.setMissing(REVENUE_Y2);
            }
        }

        private void workforceAndResearch(double size) {
            long revenue = row.get(REVENUE_Y0);
            IndustryProfile industry = row.industry;
            // clamped at two sigma: the largest firms would otherwise get headcounts no firm in the district has
            double perHead = industry.revenuePerEmployee() * Math.exp(0.45 * clamp(rnd.nextGaussian(), -2, 2));
            // founders and a handful of staff whatever the revenue: no firm is run by a fraction of a person
            long floor = 2 + geometric(7);
            long employees = Math.max(floor, Math.round(revenue / 100.0 / perHead));
            row.set(EMPLOYEES, employees);

            // +0.3: firms that take part in the points system lean to R&D more than their industry at large
            doesRd = chance(logistic(industry.rdLogit() + 0.3 + 1.3 * innovation + 0.35 * size));
            long rd = 0;
            long rdStaff;
            if (doesRd) {
                double stageFactor = switch (stage) {
                    case STARTUP -> 1.3;
                    case GROWTH -> 1.0;
                    case MATURE -> 0.75;
                };
                double intensity = industry.rdIntensity() * stageFactor
                        * Math.exp(0.5 * innovation + 0.45 * rnd.nextGaussian());
                // a startup can spend more on R&D than it sells; an established firm cannot for long
                intensity = Math.min(intensity, stage == Stage.STARTUP ? 2.5 : 0.4);
                rd = revenue > 0 ? Math.round(revenue * intensity)
                        : Math.round(100 * Math.exp(LN_10 * (1.2 + 0.5 * rnd.nextGaussian()))); // pre-revenue lab
                rd = Math.max(rd, 1);
                double staffShare = Math.min(0.95,
                        industry.rdStaffShare() * Math.exp(0.4 * innovation + 0.35 * rnd.nextGaussian()));
                rdStaff = Math.max(1, Math.min(employees, Math.round(employees * staffShare)));
            } else {
                rdStaff = chance(0.08) ? 1 : 0;
            }
            row.set(RD_EXPENSE, rd);
            row.set(RD_STAFF, rdStaff);

            double hitechShare = doesRd
                    ? logistic(0.6 * industry.rdLogit() + 1.2 * innovation + 0.8 * rnd.nextGaussian())
                    : chance(0.3) ? 0.3 * rnd.nextDouble() : 0;
            // rounding down keeps hitech_revenue ≤ revenue_y0 exact in fen
            row.set(HITECH_REVENUE, (long) Math.floor(revenue * hitechShare));
        }

        /** Patents and copyrights grow with R&D spending, sub-linearly, with many zeros and ties. */
        private void intellectualProperty() {
            long class1;
            long class2;
            if (doesRd) {
                double logRd = Math.log(row.get(RD_EXPENSE) / 100.0 + 1);
                class1 = geometric(0.04 * Math.exp(0.55 * logRd + 0.5 * innovation));
                class2 = geometric(0.35 * Math.exp(0.45 * logRd + 0.3 * innovation));
            } else {
                class1 = geometric(0.01);
                class2 = geometric(0.3);
            }
            row.set(IP_CLASS1, class1);
            row.set(IP_CLASS2, class2);
            // invention patents granted this year are a part of the valid ones
            row.set(INVENTION_GRANTED, binomial(class1, 0.12));
        }

        private void profitAndTax() {
            long revenue = row.get(REVENUE_Y0);
            if (revenue == 0) {
                // no sales: the loss is the R&D plus the running costs
                long costs = Math.round(100 * Math.exp(LN_10 * (0.8 + 0.4 * rnd.nextGaussian())));
                row.set(NET_PROFIT, -(row.get(RD_EXPENSE) + costs));
                row.set(TAX_PAID, 0);
                return;
            }
            double margin = switch (stage) {
                // young, R&D-heavy firms burn money; established ones mostly earn some
                case STARTUP -> 0.03 + 0.15 * rnd.nextGaussian()
                        - 0.25 * Math.min(1, row.get(RD_EXPENSE) / (double) revenue);
                case GROWTH -> 0.06 + 0.08 * rnd.nextGaussian();
                case MATURE -> 0.07 + 0.07 * rnd.nextGaussian();
            };
            if (chance(0.03)) {
                margin = -0.1 - 0.6 * rnd.nextDouble(); // a bad year
            }
            row.set(NET_PROFIT, Math.round(revenue * Math.max(margin, -3)));
            double taxRate = Math.min(0.2, 0.035 * Math.exp(0.5 * rnd.nextGaussian()));
            row.set(TAX_PAID, Math.round(revenue * taxRate));
        }

        /** Technology trade, financing and the rarer achievements the bands and bonuses look at. */
        private void activities() {
            double rdWan = row.get(RD_EXPENSE) / 100.0;
            double contractShare = doesRd
                    ? Math.min(0.9, (0.08 + 0.22 * logistic(innovation)) * row.industry.techTrade())
                    : 0.01;
            row.set(TECH_CONTRACT, chance(contractShare)
                    ? Math.round(100 * Math.max(rdWan, 5) * Math.exp(-0.7 + 0.9 * rnd.nextGaussian()))
                    : 0);

            double financedShare = 0.03 + (innovation > 0.5 ? 0.10 : 0) + (age <= 5 && doesRd ? 0.06 : 0);
            double typicalRound = switch (stage) {
                case STARTUP -> 400;
                case GROWTH -> 1500;
                case MATURE -> 6000;
            };
            row.set(EQUITY_FINANCING_3Y, chance(financedShare)
                    ? Math.round(100 * typicalRound * Math.exp(0.9 * rnd.nextGaussian()))
                    : 0);

            double big = stage == Stage.MATURE ? 1 : stage == Stage.GROWTH ? 0.2 : 0;
            boolean leading = innovation > 1;
            row.set(RD_PLATFORMS, count(doesRd ? 0.004 + 0.15 * big + (innovation > 1.5 ? 0.05 : 0) : 0.001, 0.3));
            row.set(AWARDS_5Y, count(doesRd ? 0.004 + 0.05 * big + (leading ? 0.03 : 0) : 0.001, 0.25));
            row.set(STANDARDS_5Y, count(0.01 + 0.12 * big + (leading ? 0.02 : 0), 0.6));
            row.set(PROJECTS_3Y, count(doesRd ? 0.01 + 0.08 * big + (leading ? 0.05 : 0) : 0.002, 0.4));
            // contests are for young firms
            double contestShare = doesRd && age <= 8 ? 0.03 + (innovation > 0.8 ? 0.07 : 0) : 0.004;
            row.set(CONTEST_AWARD_3Y, chance(contestShare) ? 1 : 0);
            // next door to ten universities, cooperation with them is twice as common
            double nearUniversities = row.town == PanyuTown.XIAOGUWEI ? 2 : 1;
            row.set(ACADEMIA_PROJECTS_3Y, count(doesRd ? (0.06 + (leading ? 0.08 : 0)) * nearUniversities : 0.01, 0.8));
        }

        /** About 1.6% of firms: small ones more often; a D tax rating and an abnormal listing often go together. */
        private void negatives() {
            double share = switch (stage) {
                case STARTUP -> 0.02;
                case GROWTH -> 0.012;
                case MATURE -> 0.008;
            };
            if (!chance(share)) {
                return;
            }
            double which = rnd.nextDouble();
            Negative first;
            if (which < 0.45) {
                first = Negative.ABNORMAL;
            } else if (which < 0.78) {
                first = Negative.TAX_D;
            } else if (which < 0.93) {
                first = Negative.DISHONEST;
            } else {
                first = row.industry.manufacturing() ? Negative.ACCIDENT : Negative.ABNORMAL;
            }
            row.add(first);
            if (chance(0.12)) {
                row.add(first == Negative.ABNORMAL ? Negative.TAX_D : Negative.ABNORMAL);
            }
        }

        /**
         * Qualifications follow from the numbers, with the criteria of cultivation-rules.md as far as the
         * record shows them; eligible firms hold one only with some probability, because many never apply.
         */
        private void qualifications() {
            double revenue = row.value(REVENUE_Y0);
            double rd = row.value(RD_EXPENSE);
            double intensity = revenue > 0 ? rd / revenue : 0;
            long employees = row.get(EMPLOYEES);
            boolean staffShareMet = row.get(RD_STAFF) * 10 >= employees;
            boolean ownsIp = row.get(IP_CLASS1) + row.get(IP_CLASS2) >= 1;
            boolean clean = !row.has(Negative.ABNORMAL) && !row.has(Negative.DISHONEST) && !row.has(Negative.ACCIDENT);

            boolean hte = age >= 1 && doesRd && revenue > 0 && intensity >= hteIntensityFloor(revenue)
                    && staffShareMet && ownsIp && row.value(HITECH_REVENUE) >= 0.6 * revenue
                    && !row.has(Negative.ACCIDENT);
            if (hte && chance(0.7)) {
                row.add(Qualification.HTE);
            }
            boolean tsme = doesRd && employees <= 500 && revenue <= 20_000 && staffShareMet
                    && (intensity >= 0.02 || ownsIp) && clean;
            if (tsme && chance(0.6)) {
                row.add(Qualification.TSME);
            }
            boolean srdi = doesRd && age >= 2 && employees <= 1000 && revenue >= 1000 && intensity >= 0.03
                    && ownsIp && clean;
            if (srdi && revenue >= 5000 && row.get(IP_CLASS1) >= 1 && innovation > 0.8 && chance(0.35)) {
                // a national 小巨人 was a provincial 专精特新 first, and most still list both
                row.add(Qualification.LITTLE_GIANT);
                if (chance(0.8)) {
                    row.add(Qualification.SRDI);
                }
            } else if (srdi && chance(0.3)) {
                row.add(Qualification.SRDI);
            }
            double growth = revenueGrowth();
            if (age >= 3 && revenue >= 1000 && growth >= 0.2 && !row.has(Negative.DISHONEST) && chance(0.35)) {
                row.add(Qualification.GAZELLE);
            }
        }

        /** Spec §2's revenue_growth, to judge 瞪羚 the way the engine will see the firm; NaN when undefined. */
        private double revenueGrowth() {
            double a = row.value(REVENUE_Y2);
            double b = row.value(REVENUE_Y1);
            double c = row.value(REVENUE_Y0);
            if (Double.isNaN(b) || b == 0) {
                return Double.NaN;
            }
            if (Double.isNaN(a) || a == 0) {
                return c / b - 1;
            }
            return 0.5 * (b / a + c / b) - 1;
        }

        /** Cells nobody filled in. What a held qualification had to declare is always there. */
        private void gaps() {
            boolean declaredRd = row.has(Qualification.HTE) || row.has(Qualification.TSME)
                    || row.has(Qualification.SRDI);
            cut(NET_PROFIT, 0.05);
            cut(TAX_PAID, 0.06);
            cut(RD_EXPENSE, declaredRd ? 0 : 0.05);
            cut(RD_STAFF, declaredRd ? 0 : 0.04);
            cut(IP_CLASS1, 0.01);
            cut(IP_CLASS2, 0.01);
            cut(INVENTION_GRANTED, 0.02);
            // technology contracts are registered elsewhere and often not matched to the firm
            cut(TECH_CONTRACT, 0.25);
            cut(EQUITY_FINANCING_3Y, 0.02);
            cut(HITECH_REVENUE, row.has(Qualification.HTE) ? 0 : doesRd ? 0.25 : 0.6);
            cut(RD_PLATFORMS, 0.01);
            cut(AWARDS_5Y, 0.01);
            cut(STANDARDS_5Y, 0.01);
            cut(PROJECTS_3Y, 0.01);
            cut(CONTEST_AWARD_3Y, 0.01);
            cut(ACADEMIA_PROJECTS_3Y, 0.01);
        }

        private void cut(InputField field, double share) {
            if (share > 0 && chance(share)) {
                row.setMissing(field);
            }
        }

        private boolean chance(double p) {
            return rnd.nextDouble() < p;
        }

        /** 0 with probability 1 - p, else 1 + a geometric number with the given mean: counts of rare things. */
        private long count(double p, double extraMean) {
            return chance(p) ? 1 + geometric(extraMean) : 0;
        }

        /** Geometric on {0, 1, 2 …} with the given mean: P(0) = 1 / (1 + mean), a long tail, many ties. */
        private long geometric(double mean) {
            if (mean <= 0) {
                return 0;
            }
            // Math.log rather than log1p: log is a JIT intrinsic, log1p a native call, and this runs ~10× a row
            return (long) (Math.log(1 - rnd.nextDouble()) / Math.log(mean / (1 + mean)));
        }

        private long binomial(long n, double p) {
            if (n > 200) {
                // large counts only occur for a few big firms; the mean is all that matters there
                return Math.round(n * p);
            }
            long k = 0;
            for (long i = 0; i < n; i++) {
                if (chance(p)) {
                    k++;
                }
            }
            return k;
        }
    }

    private static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }
}
