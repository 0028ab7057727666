package cn.gov.panyu.points.engine.model;

import cn.gov.panyu.points.engine.input.Negative;

/** 负面清单 entry: a veto (scored but ineligible for ranks, tiers and lists) or a deduction of points. */
public record NegativeItem(Negative code, String name, Effect effect, double points) {

    public enum Effect {
        /** 一票否决 */
        VETO,
        /** 扣分 */
        DEDUCT
    }

    public boolean isVeto() {
        return effect == Effect.VETO;
    }
}
