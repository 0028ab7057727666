package cn.gov.panyu.points.engine.cultivation;

import cn.gov.panyu.points.engine.input.CultivationField;
import cn.gov.panyu.points.engine.input.InputField;

/**
 * An input column of either kind (scoring input or cultivation column), so that the year-by-year
 * series, which mix both (研发费用 of this year is a scoring field, of earlier years a cultivation one),
 * are read in one loop.
 */
record Column(String display, InputField input, CultivationField extra) {

    static Column of(InputField f) {
        return new Column(f.display(), f, null);
    }

    static Column of(CultivationField f) {
        return new Column(f.display(), null, f);
    }

    double value(Facts f) {
        return input != null ? f.value(input) : f.value(extra);
    }
}
