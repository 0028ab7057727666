package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;

import cn.gov.panyu.points.platform.performance.TargetExpression.Comparator;

/**
 * How far an indicator is towards its yearly target on a day, by the time-proportional rule:
 *
 * <ul>
 * <li><b>completion</b>: for a higher-is-better target actual ÷ target × 100; for a lower-is-better one
 * (≤, 以内: a time limit) 100 while the actual is within the target, else target ÷ actual × 100; a 是/否 or
 * qualitative target is 100 when judged achieved, 0 when judged not.</li>
 * <li><b>达成</b>: the target is met (for 超过 strictly above it).</li>
 * <li>Otherwise, for an amount that accumulates over the year (every unit but % and ‰), the time share
 * elapsed — day of the year ÷ days in the year, 0 before the year, 1 after it — is the completion expected
 * by now: <b>滞后</b> when the completion is below 90 % of that expectation (more than a tenth behind the
 * even pace) or the year is over, else <b>正常推进</b>.</li>
 * <li>A rate (%, ‰), a lower-is-better target and a 是/否 judged not achieved do not accumulate: below
 * target is <b>滞后</b> at once, except 是/否 and qualitative ones, which are <b>正常推进</b> until the year
 * ends.</li>
 * <li><b>无法判断</b>: no actual (no data for a measure, nothing entered), or a qualitative target not yet
 * judged by hand.</li>
 * </ul>
 * A warning is given whenever the status is 滞后: the yearly target is unlikely by this rule.
 *
 * @param completion percent, two decimals; null when unknown
 * @param expected   the completion the time share asks for by now (percent), for accumulating amounts; else null
 */
public record Progress(BigDecimal actual, BigDecimal completion, Status status, BigDecimal expected, String warning) {

    /** Below this share of the even pace an accumulating indicator is 滞后. */
    static final BigDecimal TOLERANCE = new BigDecimal("0.9");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public enum Status {
        ACHIEVED("达成"), ON_TRACK("正常推进"), LAGGING("滞后"), UNKNOWN("无法判断");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * @param actual   the actual in the target's unit (a measure's value converted, or entered by hand); null if none
     * @param achieved a judgement by hand for 是/否 and qualitative targets; null if none
     */
    public static Progress of(TargetExpression target, BigDecimal actual, Boolean achieved, int year, LocalDate day) {
        BigDecimal share = elapsed(year, day);
        boolean over = share.compareTo(BigDecimal.ONE) >= 0;
        if (target.comparator() == Comparator.YES || target.comparator() == Comparator.QUALITATIVE) {
            Boolean done = achieved != null ? achieved
                    : target.comparator() == Comparator.YES && actual != null ? actual.signum() > 0 : null;
            if (done == null) {
                return new Progress(actual, null, Status.UNKNOWN, null, null);
            }
            if (done) {
                return new Progress(actual, HUNDRED.setScale(2), Status.ACHIEVED, null, null);
            }
            return over ? new Progress(actual, BigDecimal.ZERO.setScale(2), Status.LAGGING, null, "年度已结束，目标未完成")
                    : new Progress(actual, BigDecimal.ZERO.setScale(2), Status.ON_TRACK, null, null);
        }
        if (actual == null) {
            return new Progress(null, null, Status.UNKNOWN, null, null);
        }
        BigDecimal value = target.value();
        boolean higher = target.comparator().higherIsBetter();
        BigDecimal completion;
        boolean met;
        if (higher) {
            completion = value.signum() == 0 ? HUNDRED : actual.multiply(HUNDRED).divide(value, 2, RoundingMode.HALF_UP);
            met = target.comparator() == Comparator.MORE_THAN ? actual.compareTo(value) > 0 : actual.compareTo(value) >= 0;
        } else {
            met = target.comparator() == Comparator.LESS_THAN ? actual.compareTo(value) < 0 : actual.compareTo(value) <= 0;
            completion = met || actual.signum() == 0 ? HUNDRED.setScale(2) : value.multiply(HUNDRED).divide(actual, 2, RoundingMode.HALF_UP);
        }
        if (met) {
            return new Progress(actual, completion, Status.ACHIEVED, null, null);
        }
        String shown = actual.stripTrailingZeros().toPlainString() + target.unit();
        if (!higher || isRate(target.unit())) {
            return new Progress(actual, completion, Status.LAGGING, null,
                    "目前为 " + shown + "，未达到目标 " + target.text());
        }
        BigDecimal expected = share.multiply(HUNDRED).setScale(2, RoundingMode.HALF_UP);
        if (over || completion.compareTo(expected.multiply(TOLERANCE)) < 0) {
            String warning = over ? "年度已结束，完成 " + completion.toPlainString() + "%，目标未完成"
                    : "按时间进度应完成 " + expected.toPlainString() + "%，目前完成 " + completion.toPlainString()
                    + "%，年度目标可能无法完成";
            return new Progress(actual, completion, Status.LAGGING, expected, warning);
        }
        return new Progress(actual, completion, Status.ON_TRACK, expected, null);
    }

    /** The completion as a progress bar fills: 0 to 100. */
    public BigDecimal bar() {
        return completion == null ? BigDecimal.ZERO : completion.max(BigDecimal.ZERO).min(HUNDRED);
    }

    /** The share of {@code year} elapsed at the end of {@code day}: 0 before the year, 1 from its last day on. */
    static BigDecimal elapsed(int year, LocalDate day) {
        if (day.getYear() < year) {
            return BigDecimal.ZERO;
        }
        if (day.getYear() > year) {
            return BigDecimal.ONE;
        }
        return BigDecimal.valueOf(day.getDayOfYear()).divide(BigDecimal.valueOf(day.lengthOfYear()), 6, RoundingMode.HALF_UP);
    }

    private static boolean isRate(String unit) {
        return unit.equals("%") || unit.equals("‰");
    }
}
