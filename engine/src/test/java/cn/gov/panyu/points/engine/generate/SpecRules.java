package cn.gov.panyu.points.engine.generate;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.ReadRules;
import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Every rule of scoring-spec §1, checked directly on records — independent of the readers, so that the
 * generator is held to the spec even where a reader might be lenient.
 */
final class SpecRules {

    private static final LocalDate FIRST_DAY = LocalDate.of(1990, 1, 1);

    private SpecRules() {
    }

    /** One message per broken rule, naming the record and the field; empty when all hold. */
    static List<String> violations(List<EnterpriseRecord> records, int year) {
        Set<String> towns = ReadRules.panyu(year).towns();
        LocalDate lastDay = LocalDate.of(year, 12, 31);
        List<String> problems = new ArrayList<>();
        Set<String> usccs = new HashSet<>();
        for (EnterpriseRecord r : records) {
            String id = r.uscc() + " ";
            if (!UnifiedSocialCreditCode.isValid(r.uscc())) {
                problems.add(id + "uscc invalid");
            }
            if (!usccs.add(r.uscc())) {
                problems.add(id + "uscc duplicate");
            }
            if (r.name().isBlank()) {
                problems.add(id + "name blank");
            }
            if (!towns.contains(r.town())) {
                problems.add(id + "town " + r.town());
            }
            if (!IndustryCode.isValid(r.industry())) {
                problems.add(id + "industry " + r.industry());
            }
            if (r.established().isAfter(lastDay) || r.established().isBefore(FIRST_DAY)) {
                problems.add(id + "established " + r.established());
            }
            for (InputField f : InputField.numericFields()) {
                problems.addAll(numberProblems(r, f, id));
            }
            if (!r.isMissing(InputField.RD_STAFF) && r.value(InputField.RD_STAFF) > r.value(InputField.EMPLOYEES)) {
                problems.add(id + "rd_staff > employees");
            }
            if (!r.isMissing(InputField.HITECH_REVENUE)
                    && r.value(InputField.HITECH_REVENUE) > r.value(InputField.REVENUE_Y0)) {
                problems.add(id + "hitech_revenue > revenue_y0");
            }
        }
        return problems;
    }

    private static List<String> numberProblems(EnterpriseRecord r, InputField f, String id) {
        List<String> problems = new ArrayList<>();
        double v = r.value(f);
        String where = id + f.key() + "=" + v + ": ";
        if (Double.isNaN(v)) {
            if (f.required()) {
                problems.add(where + "required");
            }
            return problems;
        }
        if (Double.isInfinite(v)) {
            problems.add(where + "infinite");
            return problems;
        }
        switch (f.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> {
                if (f.kind() == InputField.Kind.AMOUNT && v < 0) {
                    problems.add(where + "negative amount");
                }
                if (BigDecimal.valueOf(v).stripTrailingZeros().scale() > 2) {
                    problems.add(where + "more than two decimals");
                }
            }
            case COUNT, FLAG -> {
                if (v < 0 || v != Math.rint(v)) {
                    problems.add(where + "not a non-negative integer");
                }
                if (f.kind() == InputField.Kind.FLAG && v > 1) {
                    problems.add(where + "flag not 0/1");
                }
                if (f == InputField.EMPLOYEES && v < 1) {
                    problems.add(where + "employees < 1");
                }
            }
            default -> problems.add(where + "unexpected numeric kind " + f.kind());
        }
        return problems;
    }
}
