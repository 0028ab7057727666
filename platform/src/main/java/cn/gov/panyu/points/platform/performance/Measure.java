package cn.gov.panyu.points.platform.performance;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;
import java.util.Set;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Qualification;

/**
 * The registry of platform measures an indicator can be bound to: each a named formula over the merged
 * yearly records of 数据采集 (the engine's {@link EnterpriseRecord}: docs/scoring-spec.md, input fields),
 * with its definition and source written out for the page, computed from the records of the budget year
 * and, where the formula needs it, of the year before. Records without 本年营业收入 are not in a year's
 * records (collection/YearRecords) and so count nowhere.
 *
 * <p>Each measure reports in a base unit (万元, 家, 件, 人, %, 个); a target in a multiple of it (亿元, 万人)
 * is compared after conversion ({@link Units}).
 */
public enum Measure {

    // each formula a function of the year's records: most are a sum of one field over some of the records
    NEW_HTE("新认定高新技术企业数", "家", List.of("新认定高新技术企业"),
            "本年资质含“高新技术企业”、上年记录中没有该资质（或上年无记录）的企业数",
            "数据采集·企业年度记录：资质（科技部门）", Measure::newHte),
    HTE_INVENTIONS("高新技术企业国内发明专利授权数", "件", List.of(),
            "本年高新技术企业“当年国内发明专利授权数”之和",
            "数据采集·企业年度记录：当年国内发明专利授权数（知识产权部门）", y -> sum(y.hte(), InputField.INVENTION_GRANTED)),
    HTE_REVENUE("高新技术企业营业收入总额", "万元", List.of(),
            "本年高新技术企业“本年营业收入”之和",
            "数据采集·企业年度记录：本年营业收入（税务/统计部门）、资质", y -> sum(y.hte(), InputField.REVENUE_Y0)),
    RD_INTENSITY("研发投入强度", "%", List.of(),
            "本年填有研发费用的企业：研发费用之和 ÷ 其本年营业收入之和 × 100",
            "数据采集·企业年度记录：研发费用、本年营业收入（税务部门）", Measure::rdIntensity),
    RD_SPENDING("研发经费投入", "万元", List.of(),
            "本年全部企业“研发费用”之和",
            "数据采集·企业年度记录：研发费用（税务部门）", y -> sum(y.records(), InputField.RD_EXPENSE)),
    HTE_EMPLOYEES("高新技术企业从业人数", "人", List.of(),
            "本年高新技术企业“职工总数”之和",
            "数据采集·企业年度记录：职工总数（社保部门）", y -> sum(y.hte(), InputField.EMPLOYEES)),
    CONTEST_AWARDS("双创大赛获奖企业数", "个", List.of("参加比赛获奖数量"),
            "本年记录中“近三年双创大赛获奖”为是的企业数（近三年口径，企业计一次）",
            "数据采集·企业年度记录：近三年双创大赛获奖（科技部门）", y -> BigDecimal.valueOf(y.records().stream()
                    .filter(r -> !r.isMissing(InputField.CONTEST_AWARD_3Y) && r.value(InputField.CONTEST_AWARD_3Y) > 0).count())),
    PLATFORM_BUILT("创新积分信息平台建成数", "个", List.of("建设广州市番禺区企业创新积分信息平台"),
            "本平台已上线运行，计 1 个",
            "本平台", y -> BigDecimal.ONE);

    /** The records a measure reads: the budget year's and the year before's. */
    public record Year(int year, List<EnterpriseRecord> records, List<EnterpriseRecord> previous) {

        List<EnterpriseRecord> hte() {
            return records.stream().filter(r -> r.has(Qualification.HTE)).toList();
        }

        boolean empty() {
            return records.isEmpty();
        }
    }

    private final String label;
    private final String unit;
    private final List<String> aliases;
    private final String definition;
    private final String source;
    private final Function<Year, BigDecimal> formula;

    Measure(String label, String unit, List<String> aliases, String definition, String source,
            Function<Year, BigDecimal> formula) {
        this.label = label;
        this.unit = unit;
        this.aliases = aliases;
        this.definition = definition;
        this.source = source;
        this.formula = formula;
    }

    public String label() {
        return label;
    }

    /** The base unit the value is in. */
    public String unit() {
        return unit;
    }

    public String definition() {
        return definition;
    }

    public String source() {
        return source;
    }

    /** The value in {@link #unit()}; null when the year has no records to compute it from (no data yet). */
    public BigDecimal value(Year year) {
        if (this != PLATFORM_BUILT && year.empty()) {
            return null;
        }
        return formula.apply(year);
    }

    private static BigDecimal newHte(Year year) {
        Set<String> before = year.previous().stream().filter(r -> r.has(Qualification.HTE))
                .map(EnterpriseRecord::uscc).collect(Collectors.toSet());
        return BigDecimal.valueOf(year.records().stream()
                .filter(r -> r.has(Qualification.HTE) && !before.contains(r.uscc())).count());
    }

    private static BigDecimal rdIntensity(Year year) {
        List<EnterpriseRecord> with = year.records().stream().filter(r -> !r.isMissing(InputField.RD_EXPENSE)).toList();
        BigDecimal revenue = sum(with, InputField.REVENUE_Y0);
        if (with.isEmpty() || revenue.signum() == 0) {
            return null;
        }
        return sum(with, InputField.RD_EXPENSE).multiply(BigDecimal.valueOf(100)).divide(revenue, 4, RoundingMode.HALF_UP);
    }

    /** Whether a target written in {@code targetUnit} can be compared with this measure. */
    public boolean fits(String targetUnit) {
        return Units.scale(targetUnit).base().equals(unit);
    }

    /** The value converted to {@code targetUnit} (亿元 from 万元 …); the caller has checked {@link #fits}. */
    public static BigDecimal inUnit(BigDecimal value, String targetUnit) {
        if (value == null) {
            return null;
        }
        return value.divide(Units.scale(targetUnit).factor(), 4, RoundingMode.HALF_UP);
    }

    /**
     * The measure an indicator of this name and yearly target is bound to on import: the one whose label or
     * alias is the name and whose unit fits the target's; null when none (the indicator is then entered by hand).
     */
    static Measure suggestedFor(String indicatorName, TargetExpression target) {
        if (indicatorName == null) {
            return null;
        }
        String name = indicatorName.strip();
        for (Measure m : values()) {
            if ((m.label.equals(name) || m.aliases.contains(name)) && target.quantitative() && m.fits(target.unit())) {
                return m;
            }
        }
        return null;
    }

    public static Measure byCode(String code) {
        if (code == null || code.isBlank()) {
            return null;
        }
        for (Measure m : values()) {
            if (m.name().equals(code)) {
                return m;
            }
        }
        return null;
    }

    private static BigDecimal sum(List<EnterpriseRecord> records, InputField field) {
        return sum(records, r -> r.value(field));
    }

    private static BigDecimal sum(List<EnterpriseRecord> records, ToDoubleFunction<EnterpriseRecord> value) {
        BigDecimal total = BigDecimal.ZERO;
        for (EnterpriseRecord r : records) {
            double v = value.applyAsDouble(r);
            if (!Double.isNaN(v)) {
                total = total.add(BigDecimal.valueOf(v));
            }
        }
        return total;
    }
}
