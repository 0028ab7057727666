package cn.gov.panyu.points.engine.model;

/** 加分项: {@code points} when the value is at least {@code atLeast}; the model caps their sum. */
public record BonusItem(String code, String name, ValueKey value, double atLeast, double points) {

    public boolean applies(double v) {
        return v >= atLeast;
    }
}
