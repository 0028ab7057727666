package cn.gov.panyu.points.engine.scoring;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;

import java.time.LocalDate;

/** Terse test records: {@code Firm.named("A").revenue(100).set(RD_EXPENSE, 5).build()}. */
final class Firm {

    private final EnterpriseRecord.Builder builder;

    private Firm(String id) {
        builder = EnterpriseRecord.builder(id).name("企业" + id).town("市桥街道").industry("C38")
                .established(LocalDate.of(2015, 1, 1)).set(InputField.EMPLOYEES, 10);
    }

    static Firm named(String id) {
        return new Firm(id);
    }

    Firm revenue(double y0) {
        builder.set(InputField.REVENUE_Y0, y0);
        return this;
    }

    Firm set(InputField field, double value) {
        builder.set(field, value);
        return this;
    }

    Firm industry(String code) {
        builder.industry(code);
        return this;
    }

    Firm with(Qualification q) {
        builder.qualification(q);
        return this;
    }

    Firm with(Negative n) {
        builder.negative(n);
        return this;
    }

    EnterpriseRecord build() {
        return builder.build();
    }
}
