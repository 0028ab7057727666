package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * The eligibility and credit-line rules of one 积分贷 product, as data (checked by {@link ProductForm}).
 * Amounts are in 万元, as every amount of the scoring spec.
 *
 * @param stages                 the development stages the product serves; never empty
 * @param lowestTier             the lowest 榜单 that still qualifies (领跑 is the highest); an enterprise on no
 *                               list never qualifies, since the line starts from its tier's base amount
 * @param minimumTotal           the lowest 创新积分 that qualifies, or null for none beyond the tier
 * @param required               qualifications the enterprise must all hold
 * @param excludedQualifications qualifications that exclude an enterprise
 * @param excludedNegatives      negative circumstances that exclude an enterprise (default: all of them)
 * @param minimumYears           full years since establishment the enterprise must have, 0 for none
 * @param baseAmounts            the base line of each qualifying tier
 * @param bands                  factors by total, ascending by lower bound; below the first band the factor is 1
 * @param cap                    the product's highest line
 */
public record ProductRules(Set<Stage> stages, Tier lowestTier, BigDecimal minimumTotal, Set<Qualification> required,
                           Set<Qualification> excludedQualifications, Set<Negative> excludedNegatives,
                           int minimumYears, Map<Tier, BigDecimal> baseAmounts, List<Band> bands, BigDecimal cap) {

    /** A product's cap unless it says otherwise: ¥10M. */
    public static final BigDecimal DEFAULT_CAP = new BigDecimal("1000");

    /** From a total of {@code from} (inclusive) up to the next band's bound, the base amount is multiplied by {@code factor}. */
    public record Band(BigDecimal from, BigDecimal factor) {
    }

    public ProductRules {
        stages = copy(stages, Stage.class);
        required = copy(required, Qualification.class);
        excludedQualifications = copy(excludedQualifications, Qualification.class);
        excludedNegatives = copy(excludedNegatives, Negative.class);
        EnumMap<Tier, BigDecimal> amounts = new EnumMap<>(Tier.class);
        amounts.putAll(baseAmounts);
        baseAmounts = Collections.unmodifiableMap(amounts);
        bands = List.copyOf(bands);
    }

    /** The tiers served, as people read them: "竞跑及以上". */
    public String tiersLabel() {
        return CreditRules.tierRule(lowestTier);
    }

    /** The stages served, as people read them: "成长期、稳定期". */
    public String stagesLabel() {
        return CreditRules.labels(stages, Stage::label);
    }

    /** Whether the tier is {@link #lowestTier} or above. */
    public boolean qualifies(Tier tier) {
        return tier != null && tier.ordinal() <= lowestTier.ordinal();
    }

    /** An unmodifiable copy in the enum's order, the order in which forms and explanations name members. */
    private static <E extends Enum<E>> Set<E> copy(Set<E> set, Class<E> type) {
        EnumSet<E> copy = EnumSet.noneOf(type);
        copy.addAll(set);
        return Collections.unmodifiableSet(copy);
    }
}
