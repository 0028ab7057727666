package cn.gov.panyu.points.engine.quality;

import java.util.ArrayList;
import java.util.List;

/**
 * The same figure from two sources — a department's record and the enterprise's own declaration — apart by
 * more than a tolerance. Amounts are compared relatively: they disagree when |a − b| &gt;
 * {@link #AMOUNT_TOLERANCE}·max(|a|, |b|), so rounding to 万元 or a late correction of a few percent is not a
 * disagreement; counts and flags disagree when they differ at all (staff are counted, not estimated).
 *
 * <p>This is the one definition of "disagree": the platform's merge raises its conflicts (数据冲突) with
 * {@link #disagree}, and the data-quality queue ranks the same disagreements with {@link #find}.
 */
public final class SourceDisagreements {

    /** Relative difference of amounts up to which two sources agree. */
    public static final double AMOUNT_TOLERANCE = 0.05;

    /**
     * One figure as two sources report it.
     *
     * @param field      the input key
     * @param fieldLabel its Chinese name
     * @param amount     an amount in 万元 (compared relatively) rather than a count or flag
     * @param source     the source the merged record takes the figure from (a department), by its Chinese name
     * @param other      the other source (企业填报)
     */
    public record Comparison(String uscc, String field, String fieldLabel, boolean amount, String source,
                             double sourceValue, String other, double otherValue) {
    }

    private SourceDisagreements() {
    }

    /** Whether two reports of a figure disagree (see the class comment). */
    public static boolean disagree(boolean amount, double a, double b) {
        if (amount) {
            return Math.abs(a - b) > AMOUNT_TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
        }
        return a != b;
    }

    /** |a − b| / max(|a|, |b|): 0 for equal figures, 1 when one of them is 0. */
    static double relativeDifference(double a, double b) {
        double scale = Math.max(Math.abs(a), Math.abs(b));
        return scale == 0 ? 0 : Math.abs(a - b) / scale;
    }

    public static List<Flag> find(List<Comparison> comparisons) {
        List<Flag> flags = new ArrayList<>();
        for (Comparison c : comparisons) {
            if (disagree(c.amount(), c.sourceValue(), c.otherValue())) {
                flags.add(flag(c));
            }
        }
        return flags;
    }

    private static Flag flag(Comparison c) {
        double relative = relativeDifference(c.sourceValue(), c.otherValue());
        String unit = c.amount() ? " 万元" : "";
        String a = Numbers.plain(c.sourceValue());
        String b = Numbers.plain(c.otherValue());
        String tolerance = c.amount() ? "超过容差 " + Numbers.derived(AMOUNT_TOLERANCE * 100) + "%" : "人数、件数须一致";
        String reason = c.fieldLabel() + "：" + c.source() + " " + a + unit + "，" + c.other() + " " + b + unit + "，相差 "
                + Numbers.derived(relative * 100) + "%（" + tolerance + "），请核对";
        List<Fact> facts = List.of(new Fact(c.source(), a), new Fact(c.other(), b),
                new Fact("相对差异", Numbers.derived(relative * 100) + "%"),
                new Fact("容差", c.amount() ? Numbers.derived(AMOUNT_TOLERANCE * 100) + "%" : "0"));
        // both figures make the value: a false alarm stays dismissed only while neither source changes
        return new Flag(c.uscc(), c.field(), a + " / " + b, Rule.SOURCE_DISAGREEMENT, reason, facts,
                Severity.disagreement(relative));
    }
}
