package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One enterprise's result with its explanation. Unrounded values are kept; the {@code published*}
 * accessors give the numbers that are shown and ranked (spec §6).
 *
 * @param rank            0 when ineligible
 * @param eligibleInStage m, the number of eligible enterprises in the stage ("第 N 名 / M 家")
 */
public record ScoreCard(EnterpriseRecord record, Stage stage, List<IndicatorScore> indicators,
                        List<BonusItem> bonuses, List<NegativeItem> negatives,
                        double core, double bonus, double deduction, double total,
                        boolean eligible, int rank, Tier tier, int eligibleInStage) {

    public ScoreCard {
        indicators = List.copyOf(indicators);
        bonuses = List.copyOf(bonuses);
        negatives = List.copyOf(negatives);
    }

    public String uscc() {
        return record.uscc();
    }

    public BigDecimal publishedCore() {
        return Rounding.decimal(Rounding.cents(core));
    }

    public BigDecimal publishedBonus() {
        return Rounding.decimal(Rounding.cents(bonus));
    }

    public BigDecimal publishedDeduction() {
        return Rounding.decimal(Rounding.cents(deduction));
    }

    public BigDecimal publishedTotal() {
        return Rounding.decimal(Rounding.cents(total));
    }

    public OptionalInt rankIfEligible() {
        return eligible ? OptionalInt.of(rank) : OptionalInt.empty();
    }

    public Optional<Tier> tierIfAny() {
        return Optional.ofNullable(tier);
    }

    public IndicatorScore indicator(String code) {
        return indicators.stream().filter(s -> s.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }
}
