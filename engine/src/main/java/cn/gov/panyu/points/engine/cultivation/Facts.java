package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;

import java.util.Arrays;

/**
 * One enterprise's data for the pre-assessment: its scoring record and its optional cultivation values
 * (indexed by {@link CultivationField#ordinal()}, NaN = missing).
 */
public record Facts(EnterpriseRecord record, double[] extra) {

    public Facts {
        if (extra.length != CultivationField.values().length) {
            throw new IllegalArgumentException("one value per cultivation field expected");
        }
    }

    /** A record without any cultivation value, to be filled with {@link #with}. */
    public static Facts of(EnterpriseRecord record) {
        double[] none = new double[CultivationField.values().length];
        Arrays.fill(none, Double.NaN);
        return new Facts(record, none);
    }

    public Facts with(CultivationField field, double value) {
        double[] copy = extra.clone();
        copy[field.ordinal()] = value;
        return new Facts(record, copy);
    }

    public Facts with(InputField field, double value) {
        return new Facts(record.with(field, value), extra);
    }

    double value(InputField field) {
        return record.value(field);
    }

    double value(CultivationField field) {
        return extra[field.ordinal()];
    }
}
