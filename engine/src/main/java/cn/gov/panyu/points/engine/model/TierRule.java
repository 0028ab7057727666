package cn.gov.panyu.points.engine.model;

/** A tier takes the ranks up to ⌈topPercent/100 · m⌉ not taken by a better tier (m = eligible in the stage). */
public record TierRule(Tier tier, int topPercent) {

    /** ⌈topPercent · m / 100⌉ in integers, so that no floating-point error moves a cut-off (spec §6). */
    public long cutOff(long eligible) {
        return (topPercent * eligible + 99) / 100;
    }
}
