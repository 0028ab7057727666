package cn.gov.panyu.points.engine.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;

/**
 * Implausible year-on-year changes: this year's figure against the same enterprise's figure of last year.
 * A change is flagged when both hold:
 * <ul>
 * <li>the larger of the two is more than {@code factor} times the smaller (a figure from or to 0 counts as
 *     an infinite ratio), and</li>
 * <li>the absolute change is at least the field's minimum ({@link #MIN_AMOUNT} 万元 for amounts,
 *     {@link #MIN_COUNT} for counts) — so that a start-up going from 2 to 11 staff, or from 10 to 80 万元 of
 *     R&amp;D, is not flagged: small figures swing by large factors as a matter of course.</li>
 * </ul>
 * Last year's figure is last year's stored record; for revenue the record's own 上年营业收入 stands in when last
 * year has no record (the enterprise declared it this year).
 */
public final class YearOnYearJumps {

    public static final double DEFAULT_FACTOR = 5;
    public static final double MIN_AMOUNT = 500;
    public static final double MIN_COUNT = 20;

    public static final List<InputField> FIELDS = List.of(InputField.REVENUE_Y0, InputField.RD_EXPENSE,
            InputField.EMPLOYEES, InputField.RD_STAFF, InputField.IP_CLASS1);

    private final double factor;

    /** @param factor the ratio beyond which a change is implausible (greater than 1) */
    public YearOnYearJumps(double factor) {
        if (!(factor > 1)) {
            throw new IllegalArgumentException("factor must be greater than 1: " + factor);
        }
        this.factor = factor;
    }

    /** @param lastYear last year's records by USCC (an enterprise without one is compared on revenue only) */
    public List<Flag> find(List<EnterpriseRecord> records, Map<String, EnterpriseRecord> lastYear) {
        List<Flag> flags = new ArrayList<>();
        for (EnterpriseRecord r : records) {
            EnterpriseRecord before = lastYear.get(r.uscc());
            for (InputField field : FIELDS) {
                double previous = before == null ? Double.NaN : before.value(field);
                if (Double.isNaN(previous) && field == InputField.REVENUE_Y0) {
                    previous = r.value(InputField.REVENUE_Y1);
                }
                Flag f = check(r.uscc(), field, r.value(field), previous);
                if (f != null) {
                    flags.add(f);
                }
            }
        }
        return flags;
    }

    /** The flag for one figure against last year's, or null when the change is plausible or a figure is missing. */
    Flag check(String uscc, InputField field, double current, double previous) {
        if (Double.isNaN(current) || Double.isNaN(previous)) {
            return null;
        }
        double change = Math.abs(current - previous);
        double minimum = field.kind().amount() ? MIN_AMOUNT : MIN_COUNT;
        double low = Math.min(current, previous);
        double high = Math.max(current, previous);
        double ratio = low <= 0 ? Double.POSITIVE_INFINITY : high / low;
        if (change < minimum || !(ratio > factor)) {
            return null;
        }
        String direction = current > previous ? "增至" : "降至";
        String times = Double.isInfinite(ratio) ? "" : "（" + Numbers.derived(ratio) + " 倍）";
        String reason = field.label() + "由上年 " + Numbers.withUnit(field, previous) + direction + " "
                + Numbers.withUnit(field, current) + times + "，变化超过 " + Numbers.derived(factor)
                + " 倍且不少于 " + Numbers.withUnit(field, minimum) + "，请核对";
        List<Fact> facts = List.of(new Fact("上年数值", Numbers.plain(previous)), new Fact("本年数值", Numbers.plain(current)),
                new Fact("变化倍数", Numbers.derived(ratio)), new Fact("判定倍数", Numbers.derived(factor)),
                new Fact("最小变化量", Numbers.plain(minimum)));
        return new Flag(uscc, field.key(), Numbers.plain(current), Rule.YEAR_ON_YEAR, reason, facts,
                Severity.jump(ratio, factor));
    }
}
