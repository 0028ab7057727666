package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.gov.panyu.points.engine.input.FieldRules;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.input.SetCodes;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;

/**
 * The product form as typed, bound by name, and its check: every problem at once, each in Chinese naming its
 * field, keyed by the input it belongs to — the way the model form reports the engine's problems. Numbers
 * follow the engine's rules for amounts and counts ({@link FieldRules}: thousands separators, full-width
 * digits, no units), so a figure typed here is read as it would be in an import. Plain Java: the check is
 * unit-tested without a web request.
 */
public class ProductForm {

    /** Upper bounds that catch a slipped digit; no product of a district bank comes near them. */
    static final BigDecimal MAX_AMOUNT = new BigDecimal("100000");
    static final BigDecimal MAX_RATE = new BigDecimal("36");
    static final BigDecimal MAX_FACTOR = new BigDecimal("5");
    static final BigDecimal MAX_TOTAL = new BigDecimal("1000");
    static final int MAX_YEARS = 50;
    static final int MAX_TERM = 360;
    static final int MAX_BANDS = 10;
    static final int MAX_NAME = 100;
    static final int MAX_DESCRIPTION = 2000;

    private String bankCode;
    private String name;
    private String description;
    private List<String> stages = new ArrayList<>();
    private String lowestTier;
    private String minimumTotal;
    private List<String> requiredQualifications = new ArrayList<>();
    private List<String> excludedQualifications = new ArrayList<>();
    private List<String> excludedNegatives = new ArrayList<>();
    private String minimumYears;
    private String baseLead;
    private String baseRun;
    private String baseRise;
    private String bands;
    private String cap;
    private String termMonths;
    private String rateCeiling;
    private String validFrom;
    private String validTo;

    /**
     * The outcome of {@link #check}.
     *
     * @param terms    the product, or null when there are problems
     * @param problems input name → message, in the order of the form
     */
    public record Checked(ProductTerms terms, Map<String, String> problems) {
        public boolean ok() {
            return problems.isEmpty();
        }
    }

    /** A new product's form: every stage and negative circumstance, 竞跑 and above, the default cap, a year from today. */
    public static ProductForm blank(LocalDate today) {
        ProductForm f = new ProductForm();
        for (Stage s : Stage.values()) {
            f.stages.add(s.name());
        }
        for (Negative n : Negative.values()) {
            f.excludedNegatives.add(n.name());
        }
        f.lowestTier = Tier.RUN.name();
        f.minimumYears = "0";
        f.cap = CreditRules.plain(ProductRules.DEFAULT_CAP);
        f.bands = "";
        f.validFrom = today.toString();
        f.validTo = today.plusYears(1).minusDays(1).toString();
        return f;
    }

    /** The form of a stored product, as the user would have typed it. */
    public static ProductForm of(String bankCode, ProductTerms t) {
        ProductForm f = new ProductForm();
        ProductRules r = t.rules();
        f.bankCode = bankCode;
        f.name = t.name();
        f.description = t.description();
        r.stages().forEach(s -> f.stages.add(s.name()));
        f.lowestTier = r.lowestTier().name();
        f.minimumTotal = r.minimumTotal() == null ? "" : CreditRules.plain(r.minimumTotal());
        r.required().forEach(q -> f.requiredQualifications.add(q.name()));
        r.excludedQualifications().forEach(q -> f.excludedQualifications.add(q.name()));
        r.excludedNegatives().forEach(n -> f.excludedNegatives.add(n.name()));
        f.minimumYears = Integer.toString(r.minimumYears());
        f.baseLead = amount(r.baseAmounts().get(Tier.LEAD));
        f.baseRun = amount(r.baseAmounts().get(Tier.RUN));
        f.baseRise = amount(r.baseAmounts().get(Tier.RISE));
        f.bands = BandText.format(r.bands(), "\n");
        f.cap = CreditRules.plain(r.cap());
        f.termMonths = Integer.toString(t.termMonths());
        f.rateCeiling = CreditRules.plain(t.rateCeiling());
        f.validFrom = t.validFrom().toString();
        f.validTo = t.validTo().toString();
        return f;
    }

    private static String amount(BigDecimal v) {
        return v == null ? "" : CreditRules.plain(v);
    }

    /** Checks every input; the product when all are right. */
    public Checked check() {
        Map<String, String> problems = new LinkedHashMap<>();
        String n = trimmed(name);
        if (n.isEmpty()) {
            problems.put("name", "产品名称不能为空");
        } else if (n.length() > MAX_NAME) {
            problems.put("name", "产品名称最多 " + MAX_NAME + " 个字");
        }
        String d = trimmed(description);
        if (d.length() > MAX_DESCRIPTION) {
            problems.put("description", "产品说明最多 " + MAX_DESCRIPTION + " 个字");
        }
        Set<Stage> stageSet = members(stages, Stage.class, "stages", "适用发展阶段", problems);
        if (stageSet.isEmpty() && !problems.containsKey("stages")) {
            problems.put("stages", "适用发展阶段：请至少选择一个");
        }
        Tier tier = parseTier(problems);
        BigDecimal minTotal = decimal("minimumTotal", "最低创新积分", minimumTotal, false, BigDecimal.ZERO, MAX_TOTAL, problems);
        Set<Qualification> required = members(requiredQualifications, Qualification.class, "requiredQualifications",
                "须具备的资质", problems);
        Set<Qualification> excluded = members(excludedQualifications, Qualification.class, "excludedQualifications",
                "不予支持的资质", problems);
        Set<Qualification> both = EnumSet.noneOf(Qualification.class);
        both.addAll(required);
        both.retainAll(excluded);
        if (!both.isEmpty()) {
            problems.putIfAbsent("excludedQualifications", "不予支持的资质：" + CreditRules.labels(both, Qualification::label)
                    + " 同时被列为须具备的资质，无企业能满足");
        }
        Set<Negative> negatives = members(excludedNegatives, Negative.class, "excludedNegatives", "不予支持的负面情形", problems);
        Integer years = whole("minimumYears", "最低成立年限", minimumYears, 0, MAX_YEARS, problems);
        BigDecimal capValue = decimal("cap", "额度上限", cap, true, BigDecimal.ONE, MAX_AMOUNT, problems);
        Map<Tier, BigDecimal> bases = baseAmounts(tier, capValue, problems);
        List<ProductRules.Band> bandList = BandText.parse(bands, "bands", problems);
        Integer term = whole("termMonths", "最长期限（月）", termMonths, 1, MAX_TERM, problems);
        BigDecimal rate = decimal("rateCeiling", "利率上限（%）", rateCeiling, true, new BigDecimal("0.01"), MAX_RATE, problems);
        LocalDate from = date("validFrom", "有效期起", validFrom, problems);
        LocalDate to = date("validTo", "有效期止", validTo, problems);
        if (from != null && to != null && to.isBefore(from)) {
            problems.put("validTo", "有效期止：不能早于有效期起 " + from);
        }
        if (!problems.isEmpty()) {
            return new Checked(null, problems);
        }
        ProductRules rules = new ProductRules(stageSet, tier, minTotal, required, excluded, negatives, years, bases,
                bandList, capValue);
        return new Checked(new ProductTerms(n, d, rules, term, rate, from, to), Map.of());
    }

    private Tier parseTier(Map<String, String> problems) {
        for (Tier t : Tier.values()) {
            if (t.name().equals(lowestTier)) {
                return t;
            }
        }
        problems.put("lowestTier", "适用榜单：请选择领跑、竞跑或进取");
        return null;
    }

    /** The base amount of every tier the product serves (each required, none above the cap); none of the others. */
    private Map<Tier, BigDecimal> baseAmounts(Tier lowest, BigDecimal capValue, Map<String, String> problems) {
        Map<Tier, BigDecimal> bases = new EnumMap<>(Tier.class);
        Map<Tier, String> typed = Map.of(Tier.LEAD, text(baseLead), Tier.RUN, text(baseRun), Tier.RISE, text(baseRise));
        for (Tier t : Tier.values()) {
            String field = "base" + switch (t) {
                case LEAD -> "Lead";
                case RUN -> "Run";
                case RISE -> "Rise";
            };
            String label = "基础额度（" + t.label() + "）";
            if (lowest != null && t.ordinal() > lowest.ordinal()) {
                if (!typed.get(t).isBlank()) {
                    problems.put(field, label + "：本产品不面向" + t.label() + "榜单，请留空");
                }
                continue;
            }
            BigDecimal v = decimal(field, label, typed.get(t), lowest != null, new BigDecimal("0.01"), MAX_AMOUNT, problems);
            if (v != null && capValue != null && v.compareTo(capValue) > 0) {
                problems.put(field, label + "：不能高于额度上限 " + CreditRules.plain(capValue) + " 万元");
            } else if (v != null) {
                bases.put(t, v);
            }
        }
        return bases;
    }

    /**
     * A non-negative amount by the engine's rules, at most two decimals, within [min, max]; null when blank
     * (a problem if required) or refused.
     */
    static BigDecimal decimal(String field, String label, String text, boolean required, BigDecimal min, BigDecimal max,
                              Map<String, String> problems) {
        FieldRules.Verdict<Double> v = FieldRules.number(InputField.Kind.AMOUNT, text);
        if (v.refused()) {
            problems.put(field, label + "：" + v.problem().zh());
            return null;
        }
        if (v.missing()) {
            if (required) {
                problems.put(field, label + "：" + FieldRules.REQUIRED.zh());
            }
            return null;
        }
        BigDecimal value = BigDecimal.valueOf(v.value()).stripTrailingZeros();
        if (value.scale() > 2) {
            problems.put(field, label + "：最多两位小数");
        } else if (value.compareTo(min) < 0 || value.compareTo(max) > 0) {
            problems.put(field, label + "：应在 " + CreditRules.plain(min) + " 到 " + CreditRules.plain(max) + " 之间");
        } else {
            return value.scale() < 0 ? value.setScale(0) : value;
        }
        return null;
    }

    /** A required whole number by the engine's count rule, within [min, max]. */
    static Integer whole(String field, String label, String text, int min, int max, Map<String, String> problems) {
        FieldRules.Verdict<Double> v = FieldRules.number(InputField.Kind.COUNT, text);
        if (v.refused() || v.missing()) {
            problems.put(field, label + "：" + (v.refused() ? v.problem().zh() : FieldRules.REQUIRED.zh()));
            return null;
        }
        if (v.value() < min || v.value() > max) {
            problems.put(field, label + "：应在 " + min + " 到 " + max + " 之间");
            return null;
        }
        return v.value().intValue();
    }

    static LocalDate date(String field, String label, String text, Map<String, String> problems) {
        String t = trimmed(text);
        if (t.isEmpty()) {
            problems.put(field, label + "：" + FieldRules.REQUIRED.zh());
            return null;
        }
        try {
            return LocalDate.parse(t);
        } catch (DateTimeParseException e) {
            problems.put(field, label + "：" + FieldRules.DATE_FORMAT.zh());
            return null;
        }
    }

    /**
     * The checked members of a set; a value that is no member (a tampered request) is named by the
     * engine's message for the set columns where there is one.
     */
    private static <E extends Enum<E>> Set<E> members(List<String> codes, Class<E> type, String field, String label,
                                                      Map<String, String> problems) {
        Set<E> set = EnumSet.noneOf(type);
        if (codes == null) {
            return set;
        }
        for (String code : codes) {
            E member = member(type, code);
            if (member == null) {
                problems.put(field, label + "：" + unknown(type, code));
                return EnumSet.noneOf(type);
            }
            set.add(member);
        }
        return set;
    }

    private static <E extends Enum<E>> String unknown(Class<E> type, String code) {
        Function<String, FieldRules.Verdict<?>> check = type == Qualification.class ? SetCodes.QUALIFICATIONS::check
                : type == Negative.class ? SetCodes.NEGATIVES::check : null;
        FieldRules.Verdict<?> v = check == null ? null : check.apply(code);
        return v != null && v.refused() ? v.problem().zh() : "无法识别的选项「" + code + "」";
    }

    private static <E extends Enum<E>> E member(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        return null;
    }

    private static String trimmed(String s) {
        return s == null ? "" : s.strip();
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    // ---------------------------------------------------------------- bean properties for the form binding

    public String getBankCode() { return bankCode; }
    public void setBankCode(String v) { bankCode = v; }
    public String getName() { return name; }
    public void setName(String v) { name = v; }
    public String getDescription() { return description; }
    public void setDescription(String v) { description = v; }
    public List<String> getStages() { return stages; }
    public void setStages(List<String> v) { stages = v; }
    public String getLowestTier() { return lowestTier; }
    public void setLowestTier(String v) { lowestTier = v; }
    public String getMinimumTotal() { return minimumTotal; }
    public void setMinimumTotal(String v) { minimumTotal = v; }
    public List<String> getRequiredQualifications() { return requiredQualifications; }
    public void setRequiredQualifications(List<String> v) { requiredQualifications = v; }
    public List<String> getExcludedQualifications() { return excludedQualifications; }
    public void setExcludedQualifications(List<String> v) { excludedQualifications = v; }
    public List<String> getExcludedNegatives() { return excludedNegatives; }
    public void setExcludedNegatives(List<String> v) { excludedNegatives = v; }
    public String getMinimumYears() { return minimumYears; }
    public void setMinimumYears(String v) { minimumYears = v; }
    public String getBaseLead() { return baseLead; }
    public void setBaseLead(String v) { baseLead = v; }
    public String getBaseRun() { return baseRun; }
    public void setBaseRun(String v) { baseRun = v; }
    public String getBaseRise() { return baseRise; }
    public void setBaseRise(String v) { baseRise = v; }
    public String getBands() { return bands; }
    public void setBands(String v) { bands = v; }
    public String getCap() { return cap; }
    public void setCap(String v) { cap = v; }
    public String getTermMonths() { return termMonths; }
    public void setTermMonths(String v) { termMonths = v; }
    public String getRateCeiling() { return rateCeiling; }
    public void setRateCeiling(String v) { rateCeiling = v; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String v) { validFrom = v; }
    public String getValidTo() { return validTo; }
    public void setValidTo(String v) { validTo = v; }
}
