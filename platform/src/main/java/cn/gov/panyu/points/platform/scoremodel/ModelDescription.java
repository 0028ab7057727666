package cn.gov.panyu.points.platform.scoremodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.engine.model.BonusItem;
import cn.gov.panyu.points.engine.model.Indicator;
import cn.gov.panyu.points.engine.model.NegativeItem;
import cn.gov.panyu.points.engine.model.ScoreModel;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.TierRule;
import cn.gov.panyu.points.engine.model.Transform;

/**
 * A model version in words for its view page: indicators by category with weights per stage, each
 * transform as a sentence (百分位 / 分档 2→100%，1→60% / 集合 …), bonus items and cap, negative list, tiers.
 */
public record ModelDescription(ScoreModel model, List<Category> categories, List<String> bonusItems,
                               List<String> negatives, List<String> tiers) {

    /** One first-level category with its indicators and weight subtotal per stage. */
    public record Category(String name, List<Line> lines, double[] subtotals) {
        public double subtotal(Stage s) {
            return subtotals[s.ordinal()];
        }
    }

    /** One indicator: what it reads and how it scores. */
    public record Line(String code, String name, String value, String transform, double[] weights) {
        public double weight(Stage s) {
            return weights[s.ordinal()];
        }
    }

    public static ModelDescription of(ScoreModel model) {
        Map<String, List<Indicator>> byCategory = new LinkedHashMap<>();
        for (Indicator i : model.indicators()) {
            byCategory.computeIfAbsent(i.category(), c -> new ArrayList<>()).add(i);
        }
        List<Category> categories = new ArrayList<>();
        byCategory.forEach((name, indicators) -> {
            double[] sums = new double[Stage.values().length];
            List<Line> lines = new ArrayList<>();
            for (Indicator i : indicators) {
                double[] w = new double[Stage.values().length];
                for (Stage s : Stage.values()) {
                    w[s.ordinal()] = i.weight(s);
                    sums[s.ordinal()] += i.weight(s);
                }
                lines.add(new Line(i.code(), i.name(), i.value().label(), transform(i.transform()), w));
            }
            categories.add(new Category(name, lines, sums));
        });
        List<String> bonus = model.bonusItems().stream().map(ModelDescription::bonus).toList();
        List<String> negatives = model.negatives().stream().map(ModelDescription::negative).toList();
        List<String> tiers = new ArrayList<>();
        int previous = 0;
        for (TierRule rule : model.tiers()) {
            tiers.add(rule.tier().label() + "：阶段内排名前 " + rule.topPercent() + "%"
                    + (previous > 0 ? "（除去前 " + previous + "%）" : ""));
            previous = rule.topPercent();
        }
        return new ModelDescription(model, categories, bonus, negatives, tiers);
    }

    /** Total weight of a stage (the model's core total). */
    public double stageTotal(Stage s) {
        return categories.stream().mapToDouble(c -> c.subtotal(s)).sum();
    }

    public String stageRule(Stage s) {
        return switch (s) {
            case STARTUP -> "本年营业收入 < " + plain(model.growthFrom()) + " 万元";
            case GROWTH -> plain(model.growthFrom()) + " 万元 ≤ 本年营业收入 < " + plain(model.matureFrom()) + " 万元";
            case MATURE -> "本年营业收入 ≥ " + plain(model.matureFrom()) + " 万元";
        };
    }

    static String transform(Transform t) {
        if (t instanceof Transform.Bands bands) {
            return "分档 " + bands.bands().stream()
                    .map(b -> plain(b.atLeast()) + "→" + percent(b.fraction()))
                    .collect(Collectors.joining("，")) + "；低于最低档或缺失得 0";
        }
        if (t instanceof Transform.SetMembers set) {
            return "集合 " + set.members().entrySet().stream()
                    .sorted(Map.Entry.comparingByValue(java.util.Comparator.reverseOrder()))
                    .map(e -> memberLabel(e.getKey()) + " " + percent(e.getValue()))
                    .collect(Collectors.joining("，")) + "；合计封顶 100%";
        }
        return "百分位：同阶段企业中的平均排名 ÷ 有值企业数；缺失或 ≤ 0 得 0";
    }

    private static String bonus(BonusItem b) {
        String condition = b.value().key().equals("key_industry") ? "属于重点产业"
                : b.value().label() + " ≥ " + plain(b.atLeast());
        return b.code() + " " + b.name() + "：" + condition + "，加 " + plain(b.points()) + " 分";
    }

    private static String negative(NegativeItem n) {
        return n.code().label() + "："
                + (n.isVeto() ? "一票否决（照常计分，但不参加排名和榜单）" : "扣 " + plain(n.points()) + " 分");
    }

    static String memberLabel(String code) {
        for (Qualification q : Qualification.values()) {
            if (q.name().equals(code)) {
                return q.label();
            }
        }
        for (Negative n : Negative.values()) {
            if (n.name().equals(code)) {
                return n.label();
            }
        }
        return code;
    }

    static String percent(double fraction) {
        return plain(Math.round(fraction * 1000) / 10.0) + "%";
    }

    static String plain(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Weights per stage by category as JSON for the chart: {"stages": [...], "series": [{"name", "data"}]}. */
    public String chartJson() {
        ModelDescription d = this;
        StringBuilder sb = new StringBuilder("{\"stages\":[");
        Stage[] stages = Stage.values();
        for (int i = 0; i < stages.length; i++) {
            sb.append(i == 0 ? "" : ",").append(json(stages[i].label()));
        }
        sb.append("],\"series\":[");
        for (int c = 0; c < d.categories().size(); c++) {
            ModelDescription.Category category = d.categories().get(c);
            sb.append(c == 0 ? "" : ",").append("{\"name\":").append(json(category.name())).append(",\"data\":[");
            for (int i = 0; i < stages.length; i++) {
                sb.append(i == 0 ? "" : ",").append(category.subtotal(stages[i]));
            }
            sb.append("]}");
        }
        return sb.append("]}").toString();
    }

    private static String json(String text) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : text.toCharArray()) {
            if (ch == '"' || ch == '\\') {
                sb.append('\\').append(ch);
            } else if (ch < 0x20) {
                sb.append(String.format("\\u%04x", (int) ch));
            } else {
                sb.append(ch);
            }
        }
        return sb.append('"').toString();
    }
}
