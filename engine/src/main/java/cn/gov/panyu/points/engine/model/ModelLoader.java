package cn.gov.panyu.points.engine.model;

import cn.gov.panyu.points.engine.input.IndustryCode;
import cn.gov.panyu.points.engine.input.Negative;

import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a model file (YAML; JSON is valid YAML too) into a {@link ScoreModel}, checking everything and
 * reporting <em>all</em> problems at once — staff edit these files and should fix them in one pass.
 */
public final class ModelLoader {

    /** The district's default model, shipped in the engine's resources. */
    /** What an indicator or bonus code may look like. */
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    public static final String DEFAULT_MODEL_RESOURCE = "/models/panyu-2025.yaml";

    private static final Set<String> TOP_LEVEL = Set.of("id", "version", "name", "description", "district",
            "stages", "coreTotal", "indicators", "keyIndustries", "bonus", "negatives", "tiers");
    private static final double WEIGHT_TOLERANCE = 1e-9;

    private ModelLoader() {
    }

    public static ScoreModel defaultModel() {
        try (InputStream in = ModelLoader.class.getResourceAsStream(DEFAULT_MODEL_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("default model resource missing: " + DEFAULT_MODEL_RESOURCE);
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "panyu-2025.yaml");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ScoreModel load(Path file) throws IOException {
        return parse(Files.readString(file, StandardCharsets.UTF_8), file.getFileName().toString());
    }

    /** @throws ModelException listing every problem when the text is not a valid model */
    public static ScoreModel parse(String text, String sourceName) {
        Problems problems = new Problems();
        ScoreModel model = null;
        try {
            Object root = new Load(LoadSettings.builder().setAllowDuplicateKeys(false).build()).loadFromString(text);
            model = new Reader(problems).model(root);
        } catch (YamlEngineException e) {
            problems.add("", "不是有效的 YAML/JSON：" + e.getMessage(), "not valid YAML/JSON: " + e.getMessage());
        }
        if (!problems.list.isEmpty() || model == null) {
            throw new ModelException(sourceName, problems.list);
        }
        return model;
    }

    /** Every problem of a model text; empty when it is valid. */
    public static List<ModelProblem> problems(String text, String sourceName) {
        try {
            parse(text, sourceName);
            return List.of();
        } catch (ModelException e) {
            return e.problems();
        }
    }

    private static final class Problems {
        final List<ModelProblem> list = new ArrayList<>();

        void add(String path, String zh, String en) {
            list.add(new ModelProblem(path, zh, en));
        }
    }

    /** Walks the parsed YAML tree; each accessor records a problem and returns a neutral value on error. */
    private static final class Reader {
        private final Problems problems;

        Reader(Problems problems) {
            this.problems = problems;
        }

        ScoreModel model(Object root) {
            Map<?, ?> m = map(root, "");
            if (m == null) {
                return null;
            }
            unknownKeys(m, TOP_LEVEL, "");
            String id = text(m, "id", "");
            String version = text(m, "version", "");
            String name = text(m, "name", "");
            String description = optionalText(m, "description");

            Map<?, ?> district = map(m.get("district"), "district");
            String districtName = "";
            List<String> towns = List.of();
            if (district != null) {
                unknownKeys(district, Set.of("name", "towns"), "district");
                districtName = text(district, "name", "district.");
                towns = uniqueTexts(district.get("towns"), "district.towns");
                if (towns.isEmpty()) {
                    problems.add("district.towns", "至少需要一个镇街", "at least one town is required");
                }
            }

            Map<?, ?> stages = map(m.get("stages"), "stages");
            double growthFrom = 0;
            double matureFrom = 0;
            if (stages != null) {
                unknownKeys(stages, Set.of("growthFrom", "matureFrom"), "stages");
                growthFrom = number(stages.get("growthFrom"), "stages.growthFrom");
                matureFrom = number(stages.get("matureFrom"), "stages.matureFrom");
                if (!(growthFrom > 0 && growthFrom < matureFrom)) {
                    problems.add("stages", "须满足 0 < growthFrom < matureFrom，实际为 " + growthFrom + " / " + matureFrom,
                            "must satisfy 0 < growthFrom < matureFrom, got " + growthFrom + " / " + matureFrom);
                }
            }
            double coreTotal = number(m.get("coreTotal"), "coreTotal");
            if (!(coreTotal > 0)) {
                problems.add("coreTotal", "核心分总分须大于 0", "coreTotal must be positive");
            }

            Set<String> keyIndustries = new LinkedHashSet<>(uniqueTexts(m.get("keyIndustries"), "keyIndustries"));
            for (String code : keyIndustries) {
                String problem = IndustryCode.problem(code);
                if (problem != null) {
                    problems.add("keyIndustries", "行业代码「" + code + "」无效：" + problem,
                            "industry code '" + code + "' is invalid");
                }
            }

            Set<String> codes = new HashSet<>();
            List<Indicator> indicators = indicators(m.get("indicators"), coreTotal, codes);
            Map<?, ?> bonus = map(m.get("bonus"), "bonus");
            double bonusCap = 0;
            List<BonusItem> bonusItems = List.of();
            if (bonus != null) {
                unknownKeys(bonus, Set.of("cap", "items"), "bonus");
                bonusCap = number(bonus.get("cap"), "bonus.cap");
                if (bonusCap < 0) {
                    problems.add("bonus.cap", "加分上限不能为负", "bonus cap must not be negative");
                }
                bonusItems = bonusItems(bonus.get("items"), codes);
            }
            List<NegativeItem> negatives = negatives(m.get("negatives"));
            List<TierRule> tiers = tiers(m.get("tiers"));

            return new ScoreModel(id, version, name, description, districtName, towns, keyIndustries,
                    growthFrom, matureFrom, coreTotal, indicators, bonusCap, bonusItems, negatives, tiers);
        }

        private List<Indicator> indicators(Object node, double coreTotal, Set<String> codes) {
            List<?> list = list(node, "indicators");
            List<Indicator> result = new ArrayList<>();
            if (list == null) {
                return result;
            }
            if (list.isEmpty()) {
                problems.add("indicators", "至少需要一个指标", "at least one indicator is required");
            }
            double[] sums = new double[Stage.values().length];
            for (int i = 0; i < list.size(); i++) {
                String path = "indicators[" + i + "]";
                Map<?, ?> m = map(list.get(i), path);
                if (m == null) {
                    continue;
                }
                String code = text(m, "code", path + ".");
                path = path + " (" + code + ")";
                unknownKeys(m, Set.of("code", "category", "name", "value", "transform", "weights", "bands", "members"), path);
                uniqueCode(code, codes, path);
                String category = text(m, "category", path + ".");
                String name = text(m, "name", path + ".");
                ValueKey key = valueKey(m.get("value"), path + ".value");
                Transform transform = transform(m, key, path);
                double[] weights = weights(m.get("weights"), path + ".weights");
                for (int s = 0; s < sums.length; s++) {
                    sums[s] += weights[s];
                }
                if (key != null && transform != null) {
                    result.add(new Indicator(code, category, name, key, transform, weights));
                }
            }
            for (Stage s : Stage.values()) {
                double sum = sums[s.ordinal()];
                if (Math.abs(sum - coreTotal) > WEIGHT_TOLERANCE) {
                    // located at the stage, so that an editor can put the message next to that stage's total
                    problems.add("indicators.weights." + s, s.label() + "权重合计为 " + plain(sum) + "，应为 " + plain(coreTotal),
                            "weights of " + s + " sum to " + plain(sum) + ", expected " + plain(coreTotal));
                }
            }
            return result;
        }

        private Transform transform(Map<?, ?> m, ValueKey key, String path) {
            String kind = text(m, "transform", path + ".");
            switch (kind) {
                case "percentile" -> {
                    noExtra(m, path, "bands", "members");
                    requireNumeric(key, path, kind);
                    return new Transform.Percentile();
                }
                case "bands" -> {
                    noExtra(m, path, "members");
                    requireNumeric(key, path, kind);
                    return bands(m.get("bands"), path + ".bands");
                }
                case "set" -> {
                    noExtra(m, path, "bands");
                    if (key != null && !key.isSet()) {
                        problems.add(path + ".value", "set 变换需要集合型取值（如 qualifications），而不是 " + key.key(),
                                "a set transform needs a set-valued key, not " + key.key());
                        return null;
                    }
                    return key == null ? null : members(m.get("members"), key, path + ".members");
                }
                case "" -> {
                    return null;
                }
                default -> {
                    problems.add(path + ".transform", "未知的变换「" + kind + "」，应为 percentile、bands 或 set",
                            "unknown transform '" + kind + "', expected percentile, bands or set");
                    return null;
                }
            }
        }

        private void requireNumeric(ValueKey key, String path, String kind) {
            if (key != null && key.isSet()) {
                problems.add(path + ".value", kind + " 变换需要数值型取值，而 " + key.key() + " 是集合",
                        kind + " needs a numeric key, " + key.key() + " is a set");
            }
        }

        private void noExtra(Map<?, ?> m, String path, String... keys) {
            for (String k : keys) {
                if (m.containsKey(k)) {
                    problems.add(path + "." + k, "该变换不使用「" + k + "」", "this transform does not use '" + k + "'");
                }
            }
        }

        private Transform bands(Object node, String path) {
            List<?> list = list(node, path);
            List<Transform.Band> bands = new ArrayList<>();
            if (list == null) {
                return null;
            }
            if (list.isEmpty()) {
                problems.add(path, "至少需要一个分档", "at least one band is required");
            }
            for (int i = 0; i < list.size(); i++) {
                String p = path + "[" + i + "]";
                Map<?, ?> b = map(list.get(i), p);
                if (b == null) {
                    continue;
                }
                unknownKeys(b, Set.of("atLeast", "fraction"), p);
                double atLeast = number(b.get("atLeast"), p + ".atLeast");
                double fraction = number(b.get("fraction"), p + ".fraction");
                if (!(fraction >= 0 && fraction <= 1)) {
                    problems.add(p + ".fraction", "得分比例须在 0 到 1 之间，实际为 " + plain(fraction),
                            "fraction must be within [0, 1], got " + plain(fraction));
                }
                if (!bands.isEmpty()) {
                    Transform.Band prev = bands.get(bands.size() - 1);
                    if (!(atLeast < prev.atLeast())) {
                        problems.add(p + ".atLeast", "分档门槛须从高到低严格递减（" + plain(prev.atLeast()) + " 之后为 " + plain(atLeast) + "）",
                                "thresholds must strictly decrease, highest first");
                    }
                    if (fraction > prev.fraction()) {
                        // a lower threshold paying more would let a firm lose points by improving
                        problems.add(p + ".fraction", "较低门槛的得分比例不能高于较高门槛",
                                "a lower threshold must not pay a higher fraction");
                    }
                }
                bands.add(new Transform.Band(atLeast, fraction));
            }
            return new Transform.Bands(bands);
        }

        private Transform members(Object node, ValueKey key, String path) {
            Map<?, ?> m = map(node, path);
            if (m == null) {
                return null;
            }
            Enum<?>[] constants = key.memberType().getEnumConstants();
            double[] byOrdinal = new double[constants.length];
            LinkedHashMap<String, Double> members = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                String member = String.valueOf(e.getKey());
                Enum<?> constant = null;
                for (Enum<?> c : constants) {
                    if (c.name().equals(member)) {
                        constant = c;
                    }
                }
                double value = number(e.getValue(), path + "." + member);
                if (constant == null) {
                    problems.add(path + "." + member, "未知的成员「" + member + "」", "unknown member '" + member + "'");
                    continue;
                }
                if (!(value >= 0)) {
                    problems.add(path + "." + member, "成员分值不能为负", "member value must not be negative");
                }
                byOrdinal[constant.ordinal()] = value;
                members.put(member, value);
            }
            if (members.isEmpty()) {
                problems.add(path, "至少需要一个成员", "at least one member is required");
            }
            return new Transform.SetMembers(members, byOrdinal);
        }

        private double[] weights(Object node, String path) {
            double[] weights = new double[Stage.values().length];
            Map<?, ?> m = map(node, path);
            if (m == null) {
                return weights;
            }
            EnumSet<Stage> seen = EnumSet.noneOf(Stage.class);
            for (Map.Entry<?, ?> e : m.entrySet()) {
                Stage stage = Stage.parse(String.valueOf(e.getKey()));
                if (stage == null) {
                    problems.add(path + "." + e.getKey(), "未知阶段「" + e.getKey() + "」，应为 STARTUP/GROWTH/MATURE",
                            "unknown stage '" + e.getKey() + "'");
                    continue;
                }
                double w = number(e.getValue(), path + "." + stage);
                if (!(w >= 0)) {
                    problems.add(path + "." + stage, "权重不能为负", "weight must not be negative");
                }
                weights[stage.ordinal()] = w;
                seen.add(stage);
            }
            for (Stage s : EnumSet.complementOf(seen)) {
                problems.add(path, "缺少阶段 " + s + "(" + s.label() + ") 的权重", "weight for " + s + " is missing");
            }
            return weights;
        }

        private List<BonusItem> bonusItems(Object node, Set<String> codes) {
            List<?> list = list(node, "bonus.items");
            List<BonusItem> result = new ArrayList<>();
            if (list == null) {
                return result;
            }
            for (int i = 0; i < list.size(); i++) {
                String path = "bonus.items[" + i + "]";
                Map<?, ?> m = map(list.get(i), path);
                if (m == null) {
                    continue;
                }
                String code = text(m, "code", path + ".");
                path = path + " (" + code + ")";
                unknownKeys(m, Set.of("code", "name", "value", "atLeast", "points"), path);
                uniqueCode(code, codes, path);
                String name = text(m, "name", path + ".");
                ValueKey key = valueKey(m.get("value"), path + ".value");
                requireNumeric(key, path, "bonus");
                double atLeast = number(m.get("atLeast"), path + ".atLeast");
                double points = number(m.get("points"), path + ".points");
                if (!(points >= 0)) {
                    problems.add(path + ".points", "加分不能为负", "bonus points must not be negative");
                }
                if (key != null) {
                    result.add(new BonusItem(code, name, key, atLeast, points));
                }
            }
            return result;
        }

        private List<NegativeItem> negatives(Object node) {
            List<?> list = list(node, "negatives");
            List<NegativeItem> result = new ArrayList<>();
            if (list == null) {
                return result;
            }
            EnumSet<Negative> seen = EnumSet.noneOf(Negative.class);
            for (int i = 0; i < list.size(); i++) {
                String path = "negatives[" + i + "]";
                Map<?, ?> m = map(list.get(i), path);
                if (m == null) {
                    continue;
                }
                unknownKeys(m, Set.of("code", "name", "effect", "points"), path);
                String code = text(m, "code", path + ".");
                Negative negative = null;
                for (Negative n : Negative.values()) {
                    if (n.name().equals(code)) {
                        negative = n;
                    }
                }
                if (negative == null && !code.isEmpty()) {
                    problems.add(path + ".code", "未知的负面情形「" + code + "」", "unknown negative '" + code + "'");
                } else if (negative != null && !seen.add(negative)) {
                    problems.add(path + ".code", "负面情形「" + code + "」重复", "negative '" + code + "' is listed twice");
                }
                String name = m.containsKey("name") ? text(m, "name", path + ".") : negative == null ? "" : negative.label();
                String effect = text(m, "effect", path + ".");
                double points = 0;
                NegativeItem.Effect e = null;
                if (effect.equals("veto")) {
                    e = NegativeItem.Effect.VETO;
                    if (m.containsKey("points")) {
                        problems.add(path + ".points", "一票否决项不扣分，不应设置 points", "a veto takes no points");
                    }
                } else if (effect.equals("deduct")) {
                    e = NegativeItem.Effect.DEDUCT;
                    points = number(m.get("points"), path + ".points");
                    if (!(points > 0)) {
                        problems.add(path + ".points", "扣分须大于 0", "deduction must be positive");
                    }
                } else if (!effect.isEmpty()) {
                    problems.add(path + ".effect", "未知的处理方式「" + effect + "」，应为 veto 或 deduct",
                            "unknown effect '" + effect + "', expected veto or deduct");
                }
                if (negative != null && e != null) {
                    result.add(new NegativeItem(negative, name, e, points));
                }
            }
            return result;
        }

        private List<TierRule> tiers(Object node) {
            List<?> list = list(node, "tiers");
            List<TierRule> result = new ArrayList<>();
            if (list == null) {
                return result;
            }
            for (int i = 0; i < list.size(); i++) {
                String path = "tiers[" + i + "]";
                Map<?, ?> m = map(list.get(i), path);
                if (m == null) {
                    continue;
                }
                unknownKeys(m, Set.of("tier", "topPercent"), path);
                String code = text(m, "tier", path + ".");
                Tier tier = null;
                for (Tier t : Tier.values()) {
                    if (t.name().equals(code)) {
                        tier = t;
                    }
                }
                double pct = number(m.get("topPercent"), path + ".topPercent");
                if (tier == null) {
                    problems.add(path + ".tier", "未知榜单「" + code + "」，应为 LEAD/RUN/RISE", "unknown tier '" + code + "'");
                    continue;
                }
                if (pct != Math.rint(pct) || pct <= 0 || pct > 100) {
                    problems.add(path + ".topPercent", "须为 1 到 100 的整数，实际为 " + plain(pct),
                            "must be an integer within 1..100, got " + plain(pct));
                    continue;
                }
                if (!result.isEmpty()) {
                    TierRule prev = result.get(result.size() - 1);
                    if (tier.ordinal() <= prev.tier().ordinal() || pct <= prev.topPercent()) {
                        problems.add(path, "榜单须按 领跑、竞跑、进取 顺序排列且比例递增",
                                "tiers must be in order LEAD, RUN, RISE with increasing percentages");
                        continue;
                    }
                }
                result.add(new TierRule(tier, (int) pct));
            }
            return result;
        }

        private void uniqueCode(String code, Set<String> codes, String path) {
            if (!code.isEmpty() && !CODE.matcher(code).matches()) {
                // stored results key each indicator's points by its code ("T1=1234;…"): no separators in it
                problems.add(path + ".code", "编码「" + code + "」只能由字母、数字、下划线或连字符组成（最多 32 个字符）",
                        "code '" + code + "' may only contain letters, digits, '_' and '-' (at most 32 characters)");
            }
            if (!code.isEmpty() && !codes.add(code)) {
                problems.add(path + ".code", "编码「" + code + "」重复", "code '" + code + "' is not unique");
            }
        }

        private ValueKey valueKey(Object node, String path) {
            if (!(node instanceof String s) || s.isBlank()) {
                problems.add(path, "缺少取值字段", "value key is missing");
                return null;
            }
            ValueKey key = ValueKey.forKey(s.trim());
            if (key == null) {
                problems.add(path, "未知的取值字段「" + s + "」", "unknown value key '" + s + "'");
            }
            return key;
        }

        private void unknownKeys(Map<?, ?> m, Set<String> allowed, String path) {
            for (Object k : m.keySet()) {
                if (!allowed.contains(String.valueOf(k))) {
                    problems.add(path.isEmpty() ? String.valueOf(k) : path + "." + k,
                            "未知字段「" + k + "」", "unknown field '" + k + "'");
                }
            }
        }

        private Map<?, ?> map(Object node, String path) {
            if (node instanceof Map<?, ?> m) {
                return m;
            }
            problems.add(path, node == null ? "缺少该项" : "应为键值对象", node == null ? "missing" : "must be a mapping");
            return null;
        }

        private List<?> list(Object node, String path) {
            if (node instanceof List<?> l) {
                return l;
            }
            problems.add(path, node == null ? "缺少该项" : "应为列表", node == null ? "missing" : "must be a list");
            return null;
        }

        private String text(Map<?, ?> m, String key, String prefix) {
            Object v = m.get(key);
            if (v == null || String.valueOf(v).isBlank()) {
                problems.add(prefix + key, "缺少该项", "missing");
                return "";
            }
            return String.valueOf(v).trim();
        }

        private String optionalText(Map<?, ?> m, String key) {
            Object v = m.get(key);
            return v == null ? "" : String.valueOf(v).trim();
        }

        private List<String> uniqueTexts(Object node, String path) {
            List<?> list = list(node, path);
            List<String> result = new ArrayList<>();
            if (list == null) {
                return result;
            }
            Set<String> seen = new HashSet<>();
            for (Object o : list) {
                String s = String.valueOf(o).trim();
                if (!seen.add(s)) {
                    problems.add(path, "「" + s + "」重复", "'" + s + "' is listed twice");
                } else {
                    result.add(s);
                }
            }
            return result;
        }

        private double number(Object node, String path) {
            if (node instanceof Number n && Double.isFinite(n.doubleValue())) {
                return n.doubleValue();
            }
            problems.add(path, node == null ? "缺少数值" : "应为数值，实际为「" + node + "」",
                    node == null ? "number missing" : "must be a number, got '" + node + "'");
            return 0;
        }

        private static String plain(double v) {
            return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
        }
    }
}
