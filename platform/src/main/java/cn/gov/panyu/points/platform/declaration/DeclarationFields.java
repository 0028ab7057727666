package cn.gov.panyu.points.platform.declaration;

import static cn.gov.panyu.points.platform.collection.RecordField.*;

import java.math.BigDecimal;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.collection.RecordField;

/**
 * What an enterprise can state on its form — every record field except the negative list, which only
 * departments report — in the form's sections, and the rules a stated value must follow (the scoring
 * spec's, plus sanity limits). Values are kept as canonical text: plain decimals, integers, sorted
 * ';'-joined codes. Templates read this bean as {@code @declarationFields}.
 */
@Component("declarationFields")
public class DeclarationFields {

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
            new Section("rd", List.of(RD_EXPENSE, EMPLOYEES, RD_STAFF)),
            new Section("ip", List.of(IP_CLASS1, IP_CLASS2, INVENTION_GRANTED, STANDARDS_5Y, TECH_CONTRACT,
                    TECH_CONVERSIONS_Y0, TECH_CONVERSIONS_Y1, TECH_CONVERSIONS_Y2)),
            new Section("honours", List.of(RD_PLATFORMS, PROJECTS_3Y, AWARDS_5Y, ACADEMIA_PROJECTS_3Y,
                    CONTEST_AWARD_3Y, QUALIFICATIONS)));

    static final List<RecordField> FIELDS = SECTIONS.stream().flatMap(s -> s.fields().stream()).toList();

    /** Required by the scoring spec; checked on submit only, so that a draft can be saved half-filled. */
    static final Set<RecordField> REQUIRED = EnumSet.of(REVENUE_Y0, EMPLOYEES);

    /** 1万亿元: beyond it the amount was almost certainly typed in 元 instead of 万元. */
    private static final BigDecimal MAX_AMOUNT = new BigDecimal("100000000");
    private static final BigDecimal MAX_COUNT = new BigDecimal("10000000");
    private static final int AMOUNT_DECIMALS = 4;

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
     * The outcome of checking a form: the canonical values of the fields that were filled in, and one
     * message per field that breaks a rule (nothing may be saved while there is any).
     */
    public record Checked(Map<String, String> values, Map<String, MessageSourceResolvable> errors) {
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
        Map<String, MessageSourceResolvable> errors = new LinkedHashMap<>();
        for (RecordField field : FIELDS) {
            if (field == QUALIFICATIONS) {
                continue;
            }
            String text = raw == null ? null : raw.get(field.column());
            if (text == null || text.isBlank()) {
                continue;
            }
            try {
                values.put(field.column(), canonical(field, text));
            } catch (RuleBroken e) {
                errors.put(field.column(), error(e.code, e.args));
            }
        }
        Set<String> codes = new TreeSet<>();
        for (String code : qualifications == null ? List.<String>of() : qualifications) {
            if (Arrays.stream(Qualification.values()).noneMatch(q -> q.name().equals(code))) {
                errors.put(QUALIFICATIONS.column(), error("unknownQualification"));
            } else {
                codes.add(code);
            }
        }
        if (!codes.isEmpty()) {
            values.put(QUALIFICATIONS.column(), String.join(";", codes));
        }
        notAbove(values, errors, RD_STAFF, EMPLOYEES, "rdStaffAboveEmployees");
        notAbove(values, errors, HITECH_REVENUE, REVENUE_Y0, "hitechAboveRevenue");
        if (submitting) {
            for (RecordField field : REQUIRED) {
                if (!values.containsKey(field.column()) && !errors.containsKey(field.column())) {
                    errors.put(field.column(), error("required"));
                }
            }
        }
        return new Checked(values, errors);
    }

    private static void notAbove(Map<String, String> values, Map<String, MessageSourceResolvable> errors,
                                 RecordField part, RecordField whole, String code) {
        String p = values.get(part.column());
        String w = values.get(whole.column());
        if (p != null && w != null && new BigDecimal(p).compareTo(new BigDecimal(w)) > 0) {
            errors.put(part.column(), error(code));
        }
    }

    private static MessageSourceResolvable error(String code, Object... args) {
        return new DefaultMessageSourceResolvable(new String[] {"declaration.error." + code}, args);
    }

    /** The canonical text of a typed value, or {@link RuleBroken}. */
    static String canonical(RecordField field, String text) {
        String t = text.strip().replace(",", "").replace("，", "").replace(" ", "");
        BigDecimal d;
        try {
            d = new BigDecimal(t);
        } catch (NumberFormatException e) {
            throw new RuleBroken(field.kind() == RecordField.Kind.FLAG ? "flag" : "number");
        }
        switch (field.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> {
                if (field.kind() == RecordField.Kind.AMOUNT && d.signum() < 0) {
                    throw new RuleBroken("negative");
                }
                if (d.abs().compareTo(MAX_AMOUNT) > 0) {
                    throw new RuleBroken("amountTooLarge");
                }
                if (d.stripTrailingZeros().scale() > AMOUNT_DECIMALS) {
                    throw new RuleBroken("decimals", AMOUNT_DECIMALS);
                }
            }
            case COUNT -> {
                if (d.stripTrailingZeros().scale() > 0) {
                    throw new RuleBroken("integer");
                }
                if (d.signum() < 0) {
                    throw new RuleBroken("negative");
                }
                if (d.compareTo(MAX_COUNT) > 0) {
                    throw new RuleBroken("countTooLarge");
                }
                if (field == EMPLOYEES && d.signum() == 0) {
                    throw new RuleBroken("employeesAtLeastOne");
                }
            }
            case FLAG -> {
                if (d.compareTo(BigDecimal.ZERO) != 0 && d.compareTo(BigDecimal.ONE) != 0) {
                    throw new RuleBroken("flag");
                }
            }
            case SET -> throw new IllegalArgumentException("sets are not typed: " + field);
        }
        return plain(d);
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
        if (field.kind() == RecordField.Kind.SET) {
            return s.isEmpty() ? null : Stream.of(s.split(";")).map(String::strip).filter(c -> !c.isEmpty())
                    .sorted().collect(Collectors.joining(";"));
        }
        return s;
    }

    /** The value to write into a {@code source_record} column. */
    static Object toColumn(RecordField field, String canonical) {
        if (canonical == null) {
            return null;
        }
        return switch (field.kind()) {
            case AMOUNT, SIGNED_AMOUNT -> Double.valueOf(canonical);
            case COUNT, FLAG -> Integer.valueOf(canonical);
            case SET -> canonical;
        };
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
            case AMOUNT, SIGNED_AMOUNT -> amountFormat().format(new BigDecimal(canonical)) + " 万元";
            case COUNT -> {
                String u = field.unit().isEmpty() ? "" : " " + field.unit();
                yield countFormat().format(new BigDecimal(canonical)) + u;
            }
            case FLAG -> "1".equals(canonical) ? "是" : "否";
            case SET -> Stream.of(canonical.split(";")).map(DeclarationFields::qualificationLabel)
                    .collect(Collectors.joining("、"));
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

    private static String qualificationLabel(String code) {
        return Arrays.stream(Qualification.values()).filter(q -> q.name().equals(code)).map(Qualification::label)
                .findFirst().orElse(code);
    }

    private static DecimalFormat amountFormat() {
        return new DecimalFormat("#,##0.00##", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    private static DecimalFormat countFormat() {
        return new DecimalFormat("#,##0", DecimalFormatSymbols.getInstance(Locale.ROOT));
    }

    /** A typed value breaks a rule; {@code code} names the message {@code declaration.error.<code>}. */
    static final class RuleBroken extends RuntimeException {
        final String code;
        final transient Object[] args;

        RuleBroken(String code, Object... args) {
            super(code, null, false, false);
            this.code = code;
            this.args = args;
        }
    }
}
