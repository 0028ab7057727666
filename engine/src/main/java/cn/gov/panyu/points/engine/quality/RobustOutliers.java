package cn.gov.panyu.points.engine.quality;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.Stage;

/**
 * Robust outliers per industry division and stage: the modified z-score of Iglewicz &amp; Hoaglin,
 * z = 0.6745·(x − median)/MAD, flagged when |z| &gt; {@link #THRESHOLD}. Median and MAD rather than mean and
 * standard deviation because the outliers themselves would inflate the standard deviation and hide.
 *
 * <p>Firms are compared only within their division (C39 with C39) and stage, because a software firm's
 * R&amp;D spending is normal where a textile firm's would be absurd, and a start-up's revenue is not a mature
 * firm's. Only reported figures count: a missing figure is neither an outlier nor part of the median.
 *
 * <p><b>On a log scale</b>: x is ln(1 + figure). Firm sizes are log-normal — within a group, staff and
 * spending spread over orders of magnitude — and on the raw scale the MAD of the many small firms made
 * every large firm an "outlier" (43 % of a synthetic district of 100,000 was flagged). On the log scale a
 * distance is a ratio: z = 0.6745·ln((1 + x)/(1 + median))/MAD, so a firm is flagged for being many times
 * larger or smaller than its peers, whatever their size. The median is shown back on the figure's scale
 * (e^m − 1; for an odd count the middle firm's own figure), the MAD and z are the log scale's.
 *
 * <p><b>MAD = 0</b> happens when more than half the group report the same figure (typically 0 patents or
 * no technology contracts). The MAD then gives no scale, and any other figure would be infinitely far;
 * substitutes such as the mean absolute deviation flag every firm that differs from the majority at all
 * when the majority is large (one in five firms of a group with a patent). So a group and field with
 * MAD = 0 is not checked for outliers; those figures are still checked by the contradiction and
 * year-on-year rules.
 *
 * <p><b>Small groups</b>: a group with fewer than {@link #MIN_GROUP} reported figures is not checked — with
 * three firms the "median" is one of them, and one firm's figure is no norm for the others.
 */
public final class RobustOutliers {

    public static final double THRESHOLD = 3.5;
    static final double MAD_CONSISTENCY = 0.6745;
    public static final int MIN_GROUP = 5;

    /**
     * The figures compared within a group. Revenue is left out: the stage is cut from it, so within a stage
     * it is bounded by construction; the jump and contradiction rules watch it instead.
     */
    public static final List<InputField> FIELDS = List.of(InputField.RD_EXPENSE, InputField.RD_STAFF,
            InputField.EMPLOYEES, InputField.IP_CLASS1, InputField.TECH_CONTRACT, InputField.TAX_PAID);

    /** A group's centre and scale. */
    public record Scale(double median, double mad) {

        /** The modified z-score of x; 0 when MAD = 0 (no scale: nothing is an outlier, see the class comment). */
        public double z(double x) {
            return mad > 0 ? MAD_CONSISTENCY * (x - median) / mad : 0;
        }

        /** The centre and scale of the values (they are copied, not reordered). */
        public static Scale of(double[] values) {
            double[] sorted = values.clone();
            Arrays.sort(sorted);
            double median = median(sorted);
            double[] deviations = new double[sorted.length];
            for (int i = 0; i < sorted.length; i++) {
                deviations[i] = Math.abs(sorted[i] - median);
            }
            Arrays.sort(deviations);
            return new Scale(median, median(deviations));
        }

        private static double median(double[] sorted) {
            int n = sorted.length;
            if (n == 0) {
                return Double.NaN;
            }
            return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
        }
    }

    private RobustOutliers() {
    }

    /** The outliers among the records, each compared with its own division and stage. */
    public static List<Flag> find(List<EnterpriseRecord> records, Function<EnterpriseRecord, Stage> stageOf) {
        Map<String, List<EnterpriseRecord>> groups = new HashMap<>();
        for (EnterpriseRecord r : records) {
            groups.computeIfAbsent(r.industry() + '|' + stageOf.apply(r), k -> new ArrayList<>()).add(r);
        }
        List<Flag> flags = new ArrayList<>();
        groups.forEach((key, members) -> {
            String industry = members.get(0).industry();
            Stage stage = stageOf.apply(members.get(0));
            for (InputField field : FIELDS) {
                check(members, field, industry, stage, flags);
            }
        });
        return flags;
    }

    private static void check(List<EnterpriseRecord> members, InputField field, String industry, Stage stage,
                              List<Flag> flags) {
        double[] values = new double[members.size()];
        int n = 0;
        for (EnterpriseRecord r : members) {
            double v = r.value(field);
            if (!Double.isNaN(v)) {
                values[n++] = logScale(v);
            }
        }
        if (n < MIN_GROUP) {
            return;
        }
        Scale scale = Scale.of(Arrays.copyOf(values, n));
        if (scale.mad() == 0) {
            return;
        }
        for (EnterpriseRecord r : members) {
            double x = r.value(field);
            if (Double.isNaN(x)) {
                continue;
            }
            double z = scale.z(logScale(x));
            if (Math.abs(z) > THRESHOLD) {
                flags.add(flag(r.uscc(), field, x, z, scale, n, industry, stage));
            }
        }
    }

    /** ln(1 + x): 0 stays 0, and the scale is defined for every non-negative figure. */
    static double logScale(double x) {
        return Math.log1p(x);
    }

    private static Flag flag(String uscc, InputField field, double x, double z, Scale scale, int n, String industry,
                             Stage stage) {
        String group = IndustryCode.display(industry) + "·" + stage.label();
        double median = Math.expm1(scale.median());
        String reason = field.label() + " " + Numbers.withUnit(field, x) + (z > 0 ? " 远高于" : " 远低于")
                + "同行业同阶段（" + group + "，" + n + " 家）的中位数 " + Numbers.withUnit(field, median)
                + "，稳健 z 值 " + Numbers.derived(z) + "，超过 " + Numbers.derived(THRESHOLD) + "，请核对";
        List<Fact> facts = List.of(new Fact("比较组", group), new Fact("组内企业数", Integer.toString(n)),
                new Fact("中位数", Numbers.statistic(median)),
                new Fact("对数尺度中位数绝对偏差（MAD）", Numbers.statistic(scale.mad())),
                new Fact("稳健 z 值", Numbers.derived(z)));
        return new Flag(uscc, field.key(), Numbers.plain(x), Rule.OUTLIER, reason, facts, Severity.outlier(z));
    }
}
