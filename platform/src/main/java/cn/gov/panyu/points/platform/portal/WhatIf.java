package cn.gov.panyu.points.platform.portal;

import java.math.BigDecimal;
import java.util.List;

import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * 积分测算: a few of the enterprise's own figures, as it typed them, and what the engine's what-if makes of
 * them against the frozen cohort of its published run. Nothing is saved.
 *
 * @param year    the published year the figures are tried against
 * @param fields  the figures offered, in form order, with the values tried (today's when none was typed)
 * @param before  today's published total
 * @param result  null until figures have been tried, or when one of them breaks its rule
 */
public record WhatIf(int year, List<Figure> fields, BigDecimal before, Result result) {

    /** The figures a firm can change on the form: the ones its own work moves, plus revenue, which sets the stage. */
    static final List<InputField> OFFERED = List.of(InputField.REVENUE_Y0, InputField.RD_EXPENSE, InputField.RD_STAFF,
            InputField.IP_CLASS1, InputField.INVENTION_GRANTED, InputField.TECH_CONTRACT, InputField.HITECH_REVENUE,
            InputField.EQUITY_FINANCING_3Y);

    public WhatIf {
        fields = List.copyOf(fields);
    }

    /**
     * @param problem the broken rule in Chinese, null when the value is acceptable
     */
    public record Figure(InputField field, String unit, String value, String problem) {

        public String label() {
            return field.label();
        }

        public String key() {
            return field.key();
        }
    }

    /**
     * @param rank   the estimated rank in the stage, 0 when ineligible (vetoed)
     * @param ranked the number of ranked enterprises in the stage with this one
     */
    public record Result(BigDecimal total, BigDecimal change, Stage stage, boolean eligible, int rank, int ranked,
                         Tier tier) {
    }
}
