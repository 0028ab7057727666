package cn.gov.panyu.points.platform.enterprise;

import java.math.RoundingMode;
import java.util.Set;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.ValueKey;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.table.DecimalPattern;

/**
 * How the detail page writes values (ui.md): amounts in 万元 with thousands separators and two
 * decimals, counts as integers, ratios as percentages with one decimal, set codes as their Chinese labels
 * (in the codes' order, {@link SetCodes#labels}).
 */
final class FieldValues {

    private static final DecimalPattern AMOUNT = DecimalPattern.of("#,##0.00", RoundingMode.HALF_UP);
    private static final DecimalPattern COUNT = DecimalPattern.of("#,##0", RoundingMode.HALF_UP);
    private static final DecimalPattern PERCENT = DecimalPattern.of("0.0", RoundingMode.HALF_UP);

    private FieldValues() {
    }

    /** A stored column value (Double, Integer, String or null) as the page shows it; "" when missing. */
    static String text(RecordField field, Object value) {
        if (value == null) {
            return "";
        }
        return switch (field.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> amount(((Number) value).doubleValue());
            case COUNT -> count(((Number) value).doubleValue());
            case FLAG -> ((Number) value).intValue() == 1 ? "是" : "否";
            default -> field.codes().labelsOfStored(value.toString());
        };
    }

    /** An indicator's raw value: what it read from the record, "—" when missing. */
    static String raw(ValueKey key, EnterpriseRecord record, ScoreModel model) {
        if (key == ValueKey.QUALIFICATIONS) {
            Set<Qualification> held = record.qualifications();
            return held.isEmpty() ? "无" : SetCodes.QUALIFICATIONS.labels(held);
        }
        if (key == ValueKey.NEGATIVES) {
            Set<Negative> held = record.negatives();
            return held.isEmpty() ? "无" : SetCodes.NEGATIVES.labels(held);
        }
        double v = key.extract(record, model);
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return "—";
        }
        if (key.isRatio()) {
            return percent(v);
        }
        if (key == ValueKey.KEY_INDUSTRY) {
            return v == 1 ? "是" : "否";
        }
        return switch (key.field().kind()) {
            case AMOUNT, SIGNED_AMOUNT -> amount(v) + " 万元";
            case FLAG -> v == 1 ? "是" : "否";
            default -> count(v);
        };
    }

    static String amount(double v) {
        return AMOUNT.format(v);
    }

    static String count(double v) {
        return COUNT.format(v);
    }

    static String percent(double ratio) {
        return PERCENT.format(ratio * 100) + "%";
    }
}
