package cn.gov.panyu.points.engine.model;

import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * A points model: the data that says how enterprises are scored. Built and validated by
 * {@link ModelLoader}; immutable.
 *
 * @param growthFrom  revenue_y0 (万元) from which an enterprise is GROWTH rather than STARTUP
 * @param matureFrom  revenue_y0 (万元) from which it is MATURE
 * @param coreTotal   points the indicator weights of each stage sum to
 */
public record ScoreModel(String id, String version, String name, String description,
                         String district, List<String> towns, Set<String> keyIndustries,
                         double growthFrom, double matureFrom, double coreTotal,
                         List<Indicator> indicators, double bonusCap, List<BonusItem> bonusItems,
                         List<NegativeItem> negatives, List<TierRule> tiers) {

    public ScoreModel {
        towns = List.copyOf(towns);
        keyIndustries = Set.copyOf(keyIndustries);
        indicators = List.copyOf(indicators);
        bonusItems = List.copyOf(bonusItems);
        negatives = List.copyOf(negatives);
        tiers = List.copyOf(tiers);
    }

    /** Spec §3: STARTUP below growthFrom, GROWTH below matureFrom, else MATURE. */
    public Stage stageOf(double revenueY0) {
        if (revenueY0 < growthFrom) {
            return Stage.STARTUP;
        }
        return revenueY0 < matureFrom ? Stage.GROWTH : Stage.MATURE;
    }

    public boolean isKeyIndustry(String industry) {
        return keyIndustries.contains(industry);
    }

    public Indicator indicator(String code) {
        return indicators.stream().filter(i -> i.code().equals(code)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no indicator " + code));
    }

    public List<String> indicatorCodes() {
        return indicators.stream().map(Indicator::code).toList();
    }

    /** "panyu-2025@2025.1": what a published result records to say which model computed it. */
    public String reference() {
        return id + "@" + version;
    }

    /** "番禺区企业创新积分模型（2025版） · 版本 2025.1": the model as people name it on pages. */
    public String label() {
        return label(name, version);
    }

    /** The label of a model version known by its name and version only (a stored version's row). */
    public static String label(String name, String version) {
        return name + " · 版本 " + version;
    }

    @Override
    public String toString() {
        return "ScoreModel[" + reference() + ", " + indicators.size() + " indicators, stages "
                + Arrays.toString(Stage.values()) + "]";
    }
}
