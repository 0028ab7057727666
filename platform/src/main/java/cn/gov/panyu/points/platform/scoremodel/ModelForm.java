package cn.gov.panyu.points.platform.scoremodel;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.TierRule;
import cn.gov.panyu.points.engine.model.Transform;

/**
 * The model editor's form: a draft model as rows of inputs. Every value is kept as the user typed it, so a
 * form with mistakes comes back exactly as it was left. The form judges nothing itself: it writes itself as
 * a model text ({@link #toYaml()}) and the engine's {@code ModelLoader} decides what is wrong, the same rules
 * as for the YAML editor (each rule lives once); {@link ModelFormProblems} only puts each problem next to its
 * input.
 *
 * <p>Getters and setters because Spring binds request parameters such as {@code indicators[3].weights[1]}
 * through bean properties.
 */
public class ModelForm {

    /** Town and industry lists may be typed separated by spaces, commas or 、 as well as one per line. */
    private static final Pattern LIST_SEPARATORS = Pattern.compile("[\\s,，、;；]+");
    private static final Pattern ROW_OP = Pattern.compile("(add|remove)-(indicator|band|bonus|negative)(?:-(\\d+))?(?:-(\\d+))?");
    /** The form offers a handful of rows per list; more would be a request nobody typed. */
    static final int MAX_ROWS = 200;

    private String id = "";
    private String version = "";
    private String name = "";
    private String description = "";
    private String district = "";
    private String towns = "";
    private String growthFrom = "";
    private String matureFrom = "";
    private String coreTotal = "";
    private String keyIndustries = "";
    private String bonusCap = "";
    private List<IndicatorRow> indicators = new ArrayList<>();
    private List<BonusRow> bonusItems = new ArrayList<>();
    private List<NegativeRow> negatives = new ArrayList<>();
    private List<TierRow> tiers = new ArrayList<>();

    /** The form of a valid model (a stored draft, or a YAML text switched to the form). */
    public static ModelForm of(ScoreModel m) {
        ModelForm f = new ModelForm();
        f.id = m.id();
        f.version = m.version();
        f.name = m.name();
        f.description = m.description();
        f.district = m.district();
        f.towns = String.join("\n", m.towns());
        f.growthFrom = plain(m.growthFrom());
        f.matureFrom = plain(m.matureFrom());
        f.coreTotal = plain(m.coreTotal());
        f.keyIndustries = String.join(" ", m.keyIndustries().stream().sorted().toList());
        f.bonusCap = plain(m.bonusCap());
        for (Indicator i : m.indicators()) {
            IndicatorRow row = new IndicatorRow();
            row.code = i.code();
            row.category = i.category();
            row.name = i.name();
            row.value = i.value().key();
            row.transform = i.transform().kind();
            for (Stage s : Stage.values()) {
                row.weights.set(s.ordinal(), plain(i.weight(s)));
            }
            if (i.transform() instanceof Transform.Bands bands) {
                for (Transform.Band b : bands.bands()) {
                    row.bands.add(new BandRow(plain(b.atLeast()), plain(b.fraction())));
                }
            }
            if (i.transform() instanceof Transform.SetMembers set) {
                set.members().forEach((member, value) -> row.members.put(member, plain(value)));
            }
            f.indicators.add(row);
        }
        for (BonusItem b : m.bonusItems()) {
            BonusRow row = new BonusRow();
            row.code = b.code();
            row.name = b.name();
            row.value = b.value().key();
            row.atLeast = plain(b.atLeast());
            row.points = plain(b.points());
            f.bonusItems.add(row);
        }
        for (NegativeItem n : m.negatives()) {
            NegativeRow row = new NegativeRow();
            row.code = n.code().name();
            row.name = n.name();
            row.effect = n.isVeto() ? "veto" : "deduct";
            row.points = n.isVeto() ? "" : plain(n.points());
            f.negatives.add(row);
        }
        for (TierRule t : m.tiers()) {
            TierRow row = new TierRow();
            row.tier = t.tier().name();
            row.topPercent = String.valueOf(t.topPercent());
            f.tiers.add(row);
        }
        return f;
    }

    /**
     * The form as a model text in the shape {@code ModelLoader} reads. Numbers are written as numbers when
     * they are numbers and as the typed text otherwise, and a blank number as null, so that the engine
     * reports "应为数值" or "缺少数值" at exactly that input instead of the form guessing.
     */
    public String toYaml() {
        Map<String, Object> root = new LinkedHashMap<>();
        root.put("id", id);
        root.put("version", version);
        root.put("name", name);
        if (!description.isBlank()) {
            root.put("description", description);
        }
        root.put("district", map("name", district, "towns", list(towns)));
        root.put("stages", map("growthFrom", number(growthFrom), "matureFrom", number(matureFrom)));
        root.put("coreTotal", number(coreTotal));
        List<Object> indicatorList = new ArrayList<>();
        for (IndicatorRow i : indicators) {
            Map<String, Object> m = map("code", i.code, "category", i.category, "name", i.name, "value", i.value,
                    "transform", i.transform);
            if ("bands".equals(i.transform)) {
                List<Object> bands = new ArrayList<>();
                for (BandRow b : i.bands) {
                    bands.add(map("atLeast", number(b.atLeast), "fraction", number(b.fraction)));
                }
                m.put("bands", bands);
            } else if ("set".equals(i.transform)) {
                Map<String, Object> members = new LinkedHashMap<>();
                i.members.forEach((member, value) -> {
                    if (value != null && !value.isBlank()) { // a blank member value means "not a member"
                        members.put(member, number(value));
                    }
                });
                m.put("members", members);
            }
            Map<String, Object> weights = new LinkedHashMap<>();
            for (Stage s : Stage.values()) {
                weights.put(s.name(), number(i.weight(s.ordinal())));
            }
            m.put("weights", weights);
            indicatorList.add(m);
        }
        root.put("indicators", indicatorList);
        root.put("keyIndustries", list(keyIndustries));
        List<Object> bonus = new ArrayList<>();
        for (BonusRow b : bonusItems) {
            bonus.add(map("code", b.code, "name", b.name, "value", b.value, "atLeast", number(b.atLeast),
                    "points", number(b.points)));
        }
        root.put("bonus", map("cap", number(bonusCap), "items", bonus));
        List<Object> negativeList = new ArrayList<>();
        for (NegativeRow n : negatives) {
            Map<String, Object> m = map("code", n.code);
            if (!n.name.isBlank()) { // without a name the engine names the item by its negative's label
                m.put("name", n.name);
            }
            m.put("effect", n.effect);
            if (!"veto".equals(n.effect)) { // a veto takes no points; its hidden points input is not part of it
                m.put("points", number(n.points));
            }
            negativeList.add(m);
        }
        root.put("negatives", negativeList);
        List<Object> tierList = new ArrayList<>();
        for (TierRow t : tiers) {
            tierList.add(map("tier", t.tier, "topPercent", number(t.topPercent)));
        }
        root.put("tiers", tierList);
        DumpSettings settings = DumpSettings.builder().setDefaultFlowStyle(FlowStyle.AUTO).setWidth(120).build();
        return new Dump(settings).dumpToString(root);
    }

    /**
     * Adds or removes a row ({@code add-band-3}, {@code remove-indicator-2}, {@code remove-band-3-1}); these
     * buttons re-show the form without saving.
     *
     * @return whether {@code op} is a row operation; one naming a row that does not exist changes nothing
     */
    public boolean applyRowOperation(String op) {
        var m = ROW_OP.matcher(op == null ? "" : op);
        if (!m.matches()) {
            return false;
        }
        rowOperation(m);
        return true;
    }

    private boolean rowOperation(java.util.regex.MatchResult m) {
        boolean add = m.group(1).equals("add");
        int first = m.group(3) == null ? -1 : parseIndex(m.group(3));
        int second = m.group(4) == null ? -1 : parseIndex(m.group(4));
        return switch (m.group(2)) {
            case "indicator" -> change(indicators, add, first, IndicatorRow::new);
            case "bonus" -> change(bonusItems, add, first, BonusRow::new);
            case "negative" -> change(negatives, add, first, NegativeRow::new);
            default -> first >= 0 && first < indicators.size()
                    && change(indicators.get(first).bands, add, second, BandRow::new);
        };
    }

    /** Weight total of a stage as typed so far, for the page's first paint (the browser keeps it current). */
    public String stageSum(Stage stage) {
        BigDecimal sum = BigDecimal.ZERO;
        for (IndicatorRow i : indicators) {
            BigDecimal w = decimal(i.weight(stage.ordinal()));
            sum = w == null ? sum : sum.add(w);
        }
        return sum.stripTrailingZeros().toPlainString();
    }

    /** What the per-stage totals' error messages bind to: {@code sums[STARTUP]}. */
    public Map<String, String> getSums() {
        Map<String, String> sums = new LinkedHashMap<>();
        for (Stage s : Stage.values()) {
            sums.put(s.name(), stageSum(s));
        }
        return sums;
    }

    private static <T> boolean change(List<T> rows, boolean add, int index, java.util.function.Supplier<T> blank) {
        if (add) {
            if (rows.size() >= MAX_ROWS) {
                return false;
            }
            rows.add(blank.get());
            return true;
        }
        if (index < 0 || index >= rows.size()) {
            return false;
        }
        rows.remove(index);
        return true;
    }

    private static int parseIndex(String digits) {
        return digits.length() > 6 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private static Object number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        BigDecimal d = decimal(text);
        if (d == null) {
            return text.trim();
        }
        return d.stripTrailingZeros().scale() <= 0 && d.abs().compareTo(BigDecimal.valueOf(Long.MAX_VALUE)) < 0
                ? (Object) d.longValueExact() : (Object) d.doubleValue();
    }

    private static BigDecimal decimal(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(text.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        for (String s : LIST_SEPARATORS.split(text == null ? "" : text.trim())) {
            if (!s.isEmpty()) {
                items.add(s);
            }
        }
        return items;
    }

    private static Map<String, Object> map(Object... keysAndValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            m.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return m;
    }

    static String plain(double v) {
        return ModelDescription.plain(v);
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    /** One indicator: weights by {@link Stage#ordinal()}; bands for {@code bands}, member values for {@code set}. */
    public static class IndicatorRow {
        private String code = "";
        private String category = "";
        private String name = "";
        private String value = "";
        private String transform = "percentile";
        private List<String> weights = new ArrayList<>(List.of("", "", ""));
        private List<BandRow> bands = new ArrayList<>();
        private Map<String, String> members = new LinkedHashMap<>();

        String weight(int stage) {
            return stage < weights.size() ? weights.get(stage) : "";
        }

        public String getCode() { return code; }
        public void setCode(String code) { this.code = text(code); }
        public String getCategory() { return category; }
        public void setCategory(String category) { this.category = text(category); }
        public String getName() { return name; }
        public void setName(String name) { this.name = text(name); }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = text(value); }
        public String getTransform() { return transform; }
        public void setTransform(String transform) { this.transform = text(transform); }
        public List<String> getWeights() { return weights; }
        public void setWeights(List<String> weights) { this.weights = weights; }
        public List<BandRow> getBands() { return bands; }
        public void setBands(List<BandRow> bands) { this.bands = bands; }
        public Map<String, String> getMembers() { return members; }
        public void setMembers(Map<String, String> members) { this.members = members; }
    }

    /** One band of a {@code bands} indicator: values ≥ atLeast score fraction of the weight. */
    public static class BandRow {
        private String atLeast = "";
        private String fraction = "";

        public BandRow() {
        }

        BandRow(String atLeast, String fraction) {
            this.atLeast = atLeast;
            this.fraction = fraction;
        }

        public String getAtLeast() { return atLeast; }
        public void setAtLeast(String atLeast) { this.atLeast = text(atLeast); }
        public String getFraction() { return fraction; }
        public void setFraction(String fraction) { this.fraction = text(fraction); }
    }

    /** 加分项. */
    public static class BonusRow {
        private String code = "";
        private String name = "";
        private String value = "";
        private String atLeast = "";
        private String points = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = text(code); }
        public String getName() { return name; }
        public void setName(String name) { this.name = text(name); }
        public String getValue() { return value; }
        public void setValue(String value) { this.value = text(value); }
        public String getAtLeast() { return atLeast; }
        public void setAtLeast(String atLeast) { this.atLeast = text(atLeast); }
        public String getPoints() { return points; }
        public void setPoints(String points) { this.points = text(points); }
    }

    /** 负面清单 entry: {@code veto} or {@code deduct} with points. */
    public static class NegativeRow {
        private String code = "";
        private String name = "";
        private String effect = "veto";
        private String points = "";

        public String getCode() { return code; }
        public void setCode(String code) { this.code = text(code); }
        public String getName() { return name; }
        public void setName(String name) { this.name = text(name); }
        public String getEffect() { return effect; }
        public void setEffect(String effect) { this.effect = text(effect); }
        public String getPoints() { return points; }
        public void setPoints(String points) { this.points = text(points); }
    }

    /** 榜单: a tier and the top percentage of ranks it reaches. */
    public static class TierRow {
        private String tier = "";
        private String topPercent = "";

        public String getTier() { return tier; }
        public void setTier(String tier) { this.tier = text(tier); }
        public String getTopPercent() { return topPercent; }
        public void setTopPercent(String topPercent) { this.topPercent = text(topPercent); }
    }

    public String getId() { return id; }
    public void setId(String id) { this.id = text(id); }
    public String getVersion() { return version; }
    public void setVersion(String version) { this.version = text(version); }
    public String getName() { return name; }
    public void setName(String name) { this.name = text(name); }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = text(description); }
    public String getDistrict() { return district; }
    public void setDistrict(String district) { this.district = text(district); }
    public String getTowns() { return towns; }
    public void setTowns(String towns) { this.towns = text(towns); }
    public String getGrowthFrom() { return growthFrom; }
    public void setGrowthFrom(String growthFrom) { this.growthFrom = text(growthFrom); }
    public String getMatureFrom() { return matureFrom; }
    public void setMatureFrom(String matureFrom) { this.matureFrom = text(matureFrom); }
    public String getCoreTotal() { return coreTotal; }
    public void setCoreTotal(String coreTotal) { this.coreTotal = text(coreTotal); }
    public String getKeyIndustries() { return keyIndustries; }
    public void setKeyIndustries(String keyIndustries) { this.keyIndustries = text(keyIndustries); }
    public String getBonusCap() { return bonusCap; }
    public void setBonusCap(String bonusCap) { this.bonusCap = text(bonusCap); }
    public List<IndicatorRow> getIndicators() { return indicators; }
    public void setIndicators(List<IndicatorRow> indicators) { this.indicators = indicators; }
    public List<BonusRow> getBonusItems() { return bonusItems; }
    public void setBonusItems(List<BonusRow> bonusItems) { this.bonusItems = bonusItems; }
    public List<NegativeRow> getNegatives() { return negatives; }
    public void setNegatives(List<NegativeRow> negatives) { this.negatives = negatives; }
    public List<TierRow> getTiers() { return tiers; }
    public void setTiers(List<TierRow> tiers) { this.tiers = tiers; }
}
