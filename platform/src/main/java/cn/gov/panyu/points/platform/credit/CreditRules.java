package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * Applies a product's rules to one enterprise's facts: eligibility, then the pre-approved line with the
 * steps that reached it. Plain Java without Spring or a database, so that every boundary is tested on
 * examples worked by hand.
 *
 * <p>The line: the tier's base amount × the factor of the total's band, capped at the product's cap and at
 * the average revenue of the last two years (淮安's rule: no more credit than a year's turnover), then
 * rounded down to whole 万元 (¥10,000) — down, because a pre-approved line is a promise the bank must be able
 * to keep.
 */
public final class CreditRules {

    private static final BigDecimal TWO = BigDecimal.valueOf(2);

    private CreditRules() {
    }

    /**
     * The verdict of {@code rules} on {@code facts}.
     *
     * @param asOf the day the years since establishment are counted to (a full year on the anniversary)
     */
    public static CreditAssessment assess(ProductRules rules, CreditFacts facts, LocalDate asOf) {
        String miss = firstMiss(rules, facts, asOf);
        return miss != null ? CreditAssessment.missed(miss) : line(rules, facts);
    }

    /** The first rule the enterprise misses, in the order an officer would check them; null when none. */
    private static String firstMiss(ProductRules rules, CreditFacts facts, LocalDate asOf) {
        // whatever the product says: a veto item excludes from every list and every credit product
        if (facts.vetoed()) {
            return "存在一票否决情形；积分贷不接受此类企业";
        }
        if (!rules.stages().contains(facts.stage())) {
            return "发展阶段为" + facts.stage().label() + "；本产品面向" + labels(rules.stages(), Stage::label);
        }
        if (!rules.qualifies(facts.tier())) {
            return (facts.tier() == null ? "未进入榜单" : facts.tier().label() + "榜单") + "；本产品要求" + tierRule(rules.lowestTier());
        }
        if (rules.minimumTotal() != null && facts.total().compareTo(rules.minimumTotal()) < 0) {
            return "创新积分 " + plain(facts.total()) + "；本产品要求不低于 " + plain(rules.minimumTotal());
        }
        Set<Negative> negatives = common(facts.negatives(), rules.excludedNegatives(), Negative.class);
        if (!negatives.isEmpty()) {
            return "存在负面情形：" + labels(negatives, Negative::label) + "；本产品不接受";
        }
        Set<Qualification> lacking = EnumSet.noneOf(Qualification.class);
        lacking.addAll(rules.required());
        lacking.removeAll(facts.qualifications());
        if (!lacking.isEmpty()) {
            return "未具备资质：" + labels(lacking, Qualification::label) + "；本产品要求具备";
        }
        Set<Qualification> excluded = common(facts.qualifications(), rules.excludedQualifications(), Qualification.class);
        if (!excluded.isEmpty()) {
            return "具备资质：" + labels(excluded, Qualification::label) + "；本产品不面向此类企业";
        }
        if (rules.minimumYears() > 0) {
            String wanted = "；本产品要求成立满 " + rules.minimumYears() + " 年";
            if (facts.established() == null) {
                return "成立日期不详" + wanted;
            }
            int years = Period.between(facts.established(), asOf).getYears();
            if (years < rules.minimumYears()) {
                return "成立 " + Math.max(years, 0) + " 年" + wanted;
            }
        }
        if (rules.baseAmounts().get(facts.tier()) == null) {
            return "本产品未设定" + facts.tier().label() + "榜单的基础额度";
        }
        if (facts.revenue() == null) {
            return "缺少本年营业收入，无法按营业收入核定额度";
        }
        return null;
    }

    private static CreditAssessment line(ProductRules rules, CreditFacts facts) {
        List<String> steps = new ArrayList<>();
        BigDecimal base = rules.baseAmounts().get(facts.tier());
        ProductRules.Band band = band(rules, facts.total());
        BigDecimal factor = band == null ? BigDecimal.ONE : band.factor();
        steps.add(band == null
                ? "创新积分 " + plain(facts.total()) + " 低于最低分档，系数 1"
                : "创新积分 " + plain(facts.total()) + " ≥ " + plain(band.from()) + "，系数 " + plain(factor));
        BigDecimal amount = base.multiply(factor);
        steps.add(facts.tier().label() + " 基础额度 " + wan(base) + " × " + plain(factor) + " = " + wan(amount));
        if (amount.compareTo(rules.cap()) > 0) {
            amount = rules.cap();
            steps.add("受产品额度上限 " + wan(rules.cap()) + "限制 → " + wan(amount));
        }
        BigDecimal average;
        String which;
        if (facts.revenuePrevious() == null) {
            // a firm without last year's figure (new, or not reported) is held to the one year it has
            average = facts.revenue();
            which = "本年营业收入（上年营业收入缺失）";
        } else {
            average = facts.revenue().add(facts.revenuePrevious()).divide(TWO);
            which = "近两年平均营业收入";
        }
        if (amount.compareTo(average) > 0) {
            amount = average;
            steps.add("受" + which + " " + wan(average) + "限制 → " + wan(amount));
        }
        BigDecimal whole = amount.setScale(0, RoundingMode.FLOOR);
        if (whole.compareTo(amount) != 0) {
            steps.add("按万元向下取整 → " + wan(whole));
        }
        if (whole.signum() == 0) {
            return CreditAssessment.missed("核定额度不足 1 万元（" + which + " " + wan(average) + "）");
        }
        return new CreditAssessment(true, null, whole, steps);
    }

    /** The band of the highest lower bound not above the total; null below the first. */
    private static ProductRules.Band band(ProductRules rules, BigDecimal total) {
        ProductRules.Band found = null;
        for (ProductRules.Band b : rules.bands()) {
            if (total.compareTo(b.from()) >= 0 && (found == null || b.from().compareTo(found.from()) > 0)) {
                found = b;
            }
        }
        return found;
    }

    /** "竞跑及以上", or "领跑" where nothing is above. */
    static String tierRule(Tier lowest) {
        return lowest == Tier.LEAD ? lowest.label() : lowest.label() + "及以上";
    }

    private static <E extends Enum<E>> Set<E> common(Set<E> a, Set<E> b, Class<E> type) {
        Set<E> both = EnumSet.noneOf(type);
        both.addAll(a);
        both.retainAll(b);
        return both;
    }

    static <E> String labels(Set<E> members, Function<E, String> label) {
        StringJoiner j = new StringJoiner("、");
        members.forEach(m -> j.add(label.apply(m)));
        return j.toString();
    }

    /** A number as people write it: no trailing zeros, no exponent. */
    static String plain(BigDecimal v) {
        return v.stripTrailingZeros().toPlainString();
    }

    private static String wan(BigDecimal v) {
        return plain(v) + " 万";
    }
}
