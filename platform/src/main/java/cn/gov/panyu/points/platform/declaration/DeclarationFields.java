package cn.gov.panyu.points.platform.declaration;

import static cn.gov.panyu.points.platform.collection.RecordField.*;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.InputField.Kind;
import cn.gov.panyu.points.engine.input.Problem;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.platform.collection.RecordField;
import cn.gov.panyu.points.platform.table.DecimalPattern;

/**
 * What an enterprise can state on its form — every record field except the negative list, which only
 * departments report — in the form's sections, and the check of what it states: first the engine's field
 * rules ({@link FieldRules}, {@link SetCodes}: the rules of scoring-spec §1, applied with the same verdicts
 * and the same messages by the command line and the department imports), then the form's own
 * {@link Plausibility} limits on top. Values are kept as canonical text: plain decimals, integers, stored
 * set codes. Templates read this bean as {@code @declarationFields}.
 */
@Component("declarationFields")
public class DeclarationFields {

    private static final DecimalPattern AMOUNT = DecimalPattern.of("#,##0.00##", RoundingMode.HALF_EVEN);
    private static final DecimalPattern COUNT = DecimalPattern.of("#,##0", RoundingMode.HALF_EVEN);

    /** A card of the form. */
    public record Section(String key, List<RecordField> fields) {
        public String titleKey() {
            return "declaration.section." + key;
        }
    }

    static final List<Section> SECTIONS = List.of(
            new Section("operation", List.of(REVENUE_Y0, REVENUE_Y1, REVENUE_Y2, NET_PROFIT, TAX_PAID,
                    TOTAL_COST_EXPENSE, HITECH_REVENUE)),
            new Section("assets", List.of(TOTAL_ASSETS, TOTAL_LIABILITIES, NET_ASSETS_Y0, NET_ASSETS_Y1,
                    NET_ASSETS_Y2, EQUITY_FINANCING_3Y)),
            new Section("rd", List.of(RD_EXPENSE, RD_EXPENSE_Y1, RD_EXPENSE_Y2, EMPLOYEES, RD_STAFF, ST_STAFF)),
            new Section("ip", List.of(IP_CLASS1, IP_CLASS2, MAIN_IP_CLASS1, MAIN_IP_CLASS2, INVENTION_GRANTED,
                    STANDARDS_5Y, LED_STANDARDS_5Y, TECH_CONTRACT, TECH_CONVERSIONS_Y0, TECH_CONVERSIONS_Y1,
                    TECH_CONVERSIONS_Y2)),
            new Section("honours", List.of(RD_PLATFORMS, PROJECTS_3Y, AWARDS_5Y, NATIONAL_AWARD_5Y,
                    ACADEMIA_PROJECTS_3Y, CONTEST_AWARD_3Y, QUALIFICATIONS)),
            // the judgement parts of the 高企 innovation-capability assessment: only the enterprise can say
            new Section("selfAssessment", List.of(SELF_IP_QUALITY, SELF_RD_MANAGEMENT)));

    static final List<RecordField> FIELDS = SECTIONS.stream().flatMap(s -> s.fields().stream()).toList();

    /** Required by the scoring spec; checked on submit only, so that a draft can be saved half-filled. */
    static final Set<RecordField> REQUIRED = FIELDS.stream().filter(f -> f.input() != null && f.input().required())
            .collect(Collectors.toCollection(() -> EnumSet.noneOf(RecordField.class)));

    /**
     * The form's plausibility limits: NOT rules of the scoring spec, which is exact — and which the command
     * line and the imports apply, so that spec-valid data is never refused there — but guards against
     * typing mistakes that only a person filling in a form makes: an amount typed in 元 instead of 万元, a
     * stray digit. Checked only on values the field rules accepted.
     */
    static final class Plausibility {

        /** 1万亿元: beyond it the amount was almost certainly typed in 元 instead of 万元. */
        static final double MAX_AMOUNT = 100_000_000;
        static final int AMOUNT_DECIMALS = 4;
        static final double MAX_COUNT = 10_000_000;

        static final Problem AMOUNT_TOO_LARGE =
                new Problem("数值过大，请确认以万元为单位填写", "Too large: amounts are in 10,000 CNY");
        static final Problem TOO_MANY_DECIMALS = new Problem("最多保留 " + AMOUNT_DECIMALS + " 位小数",
                "At most " + AMOUNT_DECIMALS + " decimals");
        static final Problem COUNT_TOO_LARGE = new Problem("数值过大，请核对后重新填写", "Too large, please check");

        private Plausibility() {
        }

        /** The limit an accepted value exceeds, or null. */
        static Problem problem(RecordField field, double value) {
            if (field.kind().amount()) {
                if (Math.abs(value) > MAX_AMOUNT) {
                    return AMOUNT_TOO_LARGE;
                }
                // of the double as stored: its shortest text is what the form typed, for any plausible amount
                return BigDecimal.valueOf(value).stripTrailingZeros().scale() > AMOUNT_DECIMALS ? TOO_MANY_DECIMALS : null;
            }
            return field.kind() == Kind.COUNT && value > MAX_COUNT ? COUNT_TOO_LARGE : null;
        }
    }

    public List<Section> sections() {
        return SECTIONS;
    }

    public List<RecordField> fields() {
        return FIELDS;
    }

    public boolean required(RecordField field) {
        return REQUIRED.contains(field);
    }

    /** The calendar year a "_y0/_y1/_y2" field is about (本年/上年/前年 of the declaration year), else null. */
    public Integer yearOf(RecordField field, int year) {
        String c = field.column();
        if (c.endsWith("_y0") || c.endsWith("_y1") || c.endsWith("_y2")) {
            return year - (c.charAt(c.length() - 1) - '0');
        }
        return null;
    }

    public List<Qualification> qualifications() {
        return Arrays.asList(Qualification.values());
    }

    /**
     * The outcome of checking a form: the canonical values of the fields that were filled in, and the rule
     * each wrong field breaks, worded by the engine (nothing may be saved while there is any).
     */
    public record Checked(Map<String, String> values, Map<String, Problem> errors) {
        public boolean valid() {
            return errors.isEmpty();
        }
    }

    /**
     * Checks what the form sent. Keys that are not declarable fields (say {@code negatives} or
     * {@code uscc}) are ignored: the form can only ever state these fields.
     *
     * @param raw            field column → text as typed (blank = not stated)
     * @param qualifications the ticked qualification codes
     * @param submitting     true to also require the spec's required fields
     */
    public Checked check(Map<String, String> raw, List<String> qualifications, boolean submitting) {
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Problem> errors = new LinkedHashMap<>();
        Map<InputField, Double> accepted = new EnumMap<>(InputField.class); // what the cross-field rules compare
        for (RecordField field : FIELDS) {
            if (field.kind() == Kind.SET) {
                continue;
            }
            FieldRules.Verdict<Double> verdict = field.check(raw == null ? null : raw.get(field.column()));
            if (verdict.missing()) {
                continue;
            }
            Problem problem = verdict.refused() ? verdict.problem() : Plausibility.problem(field, verdict.value());
            if (problem != null) {
                errors.put(field.column(), problem);
            } else {
                values.put(field.column(), canonical(field, verdict.value()));
                if (field.input() != null) {
                    accepted.put(field.input(), verdict.value());
                }
            }
        }
        FieldRules.Verdict<Set<Qualification>> ticked = SetCodes.QUALIFICATIONS.check(
                String.join(";", qualifications == null ? List.of() : qualifications));
        if (ticked.refused()) {
            errors.put(QUALIFICATIONS.column(), ticked.problem());
        } else if (!ticked.missing() && !ticked.value().isEmpty()) {
            values.put(QUALIFICATIONS.column(), SetCodes.QUALIFICATIONS.toStored(ticked.value()));
        }
        for (FieldRules.Limit limit : FieldRules.LIMITS) {
            Double value = accepted.get(limit.field());
            Double max = accepted.get(limit.limit());
            Problem problem = value == null || max == null ? null : limit.check(value, max);
            if (problem != null) {
                errors.put(limit.field().key(), problem);
            }
        }
        if (submitting) {
            for (RecordField field : REQUIRED) {
                if (!values.containsKey(field.column()) && !errors.containsKey(field.column())) {
                    errors.put(field.column(), FieldRules.REQUIRED);
                }
            }
        }
        return new Checked(values, errors);
    }

    /** The canonical text of an accepted number: counts and flags as integers, amounts as plain decimals. */
    static String canonical(RecordField field, double value) {
        return field.kind().amount() ? plain(BigDecimal.valueOf(value)) : Long.toString((long) value);
    }

    static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        if (s.scale() < 0) {
            s = s.setScale(0);
        }
        return s.signum() == 0 ? "0" : s.toPlainString();
    }

    /** The canonical text of a stored column value (a Double, Integer or String from the database). */
    static String fromColumn(RecordField field, Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Double d) {
            return plain(BigDecimal.valueOf(d));
        }
        if (value instanceof Number n) {
            return plain(new BigDecimal(n.toString()));
        }
        String s = value.toString().strip();
        if (field.kind() == Kind.SET) {
            String codes = field.codes().canonical(s);
            return codes.isEmpty() ? null : codes;
        }
        return s;
    }

    /** True when two stated values differ (numbers compared by value, sets as sets); missing is no difference. */
    public static boolean differ(String a, String b) {
        if (a == null || b == null) {
            return false;
        }
        try {
            return new BigDecimal(a).compareTo(new BigDecimal(b)) != 0;
        } catch (NumberFormatException e) {
            return !a.equals(b);
        }
    }

    /** How a value reads on a page: "12,345.67 万元", "36 人", "是", "高新技术企业、瞪羚企业"; null for null. */
    public String display(RecordField field, String canonical) {
        if (canonical == null || canonical.isEmpty()) {
            return null;
        }
        return switch (field.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> AMOUNT.format(new BigDecimal(canonical)) + " 万元";
            case COUNT -> {
                String u = field.unit().isEmpty() ? "" : " " + field.unit();
                yield COUNT.format(new BigDecimal(canonical)) + u;
            }
            case FLAG -> "1".equals(canonical) ? "是" : "否";
            default -> field.codes().labelsOfStored(canonical);
        };
    }

    /** {@link #display(RecordField, String)} by column name, for the history table. */
    public String display(String column, String canonical) {
        RecordField field = RecordField.forColumn(column);
        return field == null ? canonical : display(field, canonical);
    }

    public String label(String column) {
        RecordField field = RecordField.forColumn(column);
        return field == null ? column : field.label();
    }
}
