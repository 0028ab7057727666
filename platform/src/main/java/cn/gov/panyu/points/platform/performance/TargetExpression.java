package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.text.Normalizer;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A target as the form writes it — {@code ≥30家}, {@code 超过2300亿元}, {@code 10亿元以上}, {@code 达1000件},
 * {@code 75%}, {@code 3个工作日内}, {@code 是}, {@code 评选获奖项目60个} — read into a comparator, a value and
 * a unit, so that an actual can be compared with it. What does not read as one number with at most one
 * comparator ({@code 按规定控制和支付}, {@code 30-50家}, {@code 约三百家}, {@code ≥30家以下}) is
 * {@link Comparator#QUALITATIVE}: judged by hand.
 *
 * @param comparator how an actual meets the target
 * @param value      the number (null for yes/no and qualitative targets)
 * @param unit       as written ("亿元", "家", "%", "个工作日"); "" when none
 * @param note       words before the number that are not a comparator ("评选获奖项目"); "" when none
 * @param text       the target as written
 */
public record TargetExpression(Comparator comparator, BigDecimal value, String unit, String note, String text) {

    /** How an actual meets a target, and how the comparator is shown. */
    public enum Comparator {
        /** A plain number or 达…: at least the value. */
        REACH("达到", true),
        AT_LEAST("≥", true),
        MORE_THAN("＞", true),
        AT_MOST("≤", false),
        LESS_THAN("＜", false),
        /** 是: the thing is done (actual 1) or not (0). */
        YES("是", true),
        QUALITATIVE("定性", true);

        private final String symbol;
        private final boolean higherIsBetter;

        Comparator(String symbol, boolean higherIsBetter) {
            this.symbol = symbol;
            this.higherIsBetter = higherIsBetter;
        }

        public String symbol() {
            return symbol;
        }

        public boolean higherIsBetter() {
            return higherIsBetter;
        }
    }

    private static final Map<String, Comparator> PREFIXES = Map.ofEntries(
            Map.entry("≥", Comparator.AT_LEAST), Map.entry(">=", Comparator.AT_LEAST), Map.entry("不低于", Comparator.AT_LEAST),
            Map.entry("不少于", Comparator.AT_LEAST), Map.entry("至少", Comparator.AT_LEAST),
            Map.entry(">", Comparator.MORE_THAN), Map.entry("超过", Comparator.MORE_THAN), Map.entry("高于", Comparator.MORE_THAN),
            Map.entry("大于", Comparator.MORE_THAN), Map.entry("多于", Comparator.MORE_THAN),
            Map.entry("≤", Comparator.AT_MOST), Map.entry("<=", Comparator.AT_MOST), Map.entry("不超过", Comparator.AT_MOST),
            Map.entry("不高于", Comparator.AT_MOST), Map.entry("不多于", Comparator.AT_MOST), Map.entry("控制在", Comparator.AT_MOST),
            Map.entry("<", Comparator.LESS_THAN), Map.entry("低于", Comparator.LESS_THAN), Map.entry("少于", Comparator.LESS_THAN),
            Map.entry("小于", Comparator.LESS_THAN),
            Map.entry("达到", Comparator.REACH), Map.entry("达", Comparator.REACH), Map.entry("=", Comparator.REACH));
    private static final Map<String, Comparator> SUFFIXES = Map.of("以上", Comparator.AT_LEAST, "及以上", Comparator.AT_LEAST,
            "以下", Comparator.AT_MOST, "及以下", Comparator.AT_MOST, "以内", Comparator.AT_MOST, "内", Comparator.AT_MOST);

    private static final String PREFIX = "(不低于|不少于|至少|超过|高于|大于|多于|不超过|不高于|不多于|控制在|低于|少于|小于|达到|达|>=|<=|≥|≤|>|<|=)";
    /** note? comparator? number unit? suffix? — the note is Chinese words only, the unit Chinese, % or ‰. */
    private static final Pattern SHAPE = Pattern.compile("^(\\p{IsHan}*?)" + PREFIX + "?(\\d+(?:,\\d{3})*(?:\\.\\d+)?)"
            + "([\\p{IsHan}%‰]*?)(及以上|及以下|以上|以下|以内|内)?$");
    /** "约300家", "2300亿元左右": a number that is not meant as a threshold. */
    private static final Pattern APPROXIMATE = Pattern.compile("左右|上下|约|大概|大约");
    private static final Pattern YES = Pattern.compile("^(是|已完成|完成)$");

    /** Reads a target as written; never throws: what is not understood is qualitative. */
    public static TargetExpression parse(String written) {
        String text = written == null ? "" : written.strip();
        String s = Normalizer.normalize(text, Normalizer.Form.NFKC).replaceAll("\\s+", "").replace("＞", ">").replace("＜", "<");
        if (YES.matcher(s).matches()) {
            return new TargetExpression(Comparator.YES, null, "", "", text);
        }
        Matcher m = SHAPE.matcher(s);
        if (!m.matches() || APPROXIMATE.matcher(s).find()) {
            return qualitative(text);
        }
        String note = m.group(1);
        String prefix = m.group(2);
        String unit = m.group(4);
        String suffix = m.group(5);
        if (prefix != null && suffix != null) {
            return qualitative(text); // "≥30家以上": two comparators, one too many to be sure
        }
        Comparator c = prefix != null ? PREFIXES.get(prefix) : suffix != null ? SUFFIXES.get(suffix) : Comparator.REACH;
        return new TargetExpression(c, new BigDecimal(m.group(3).replace(",", "")), unit, note, text);
    }

    /**
     * As {@link #parse(String)}, the unit taken from the indicator's name when the target has none
     * ("高新技术企业认定通过率（%）" with the target "75").
     */
    public static TargetExpression parse(String written, String indicatorName) {
        TargetExpression t = parse(written);
        if (t.value != null && t.unit.isEmpty() && indicatorName != null) {
            Matcher m = Pattern.compile("[（(]([%‰]|[\\p{IsHan}]{1,3})[)）]$").matcher(indicatorName.strip());
            if (m.find() && Units.known(m.group(1))) {
                return new TargetExpression(t.comparator, t.value, m.group(1), t.note, t.text);
            }
        }
        return t;
    }

    private static TargetExpression qualitative(String text) {
        return new TargetExpression(Comparator.QUALITATIVE, null, "", "", text);
    }

    /** A number to compare an actual with: not qualitative, not yes/no. */
    public boolean quantitative() {
        return value != null;
    }

    /** How the parse reads, for the page: "≥ 30 家", "是", "定性（人工判断）". */
    public String reading() {
        return switch (comparator) {
            case QUALITATIVE -> "定性（人工判断）";
            case YES -> "是／否";
            default -> comparator.symbol() + " " + value.stripTrailingZeros().toPlainString() + (unit.isEmpty() ? "" : " " + unit);
        };
    }
}
