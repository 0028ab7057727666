package cn.gov.panyu.points.platform.scoremodel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.engine.model.ValueKey;

/**
 * What the model form's selects offer, each choice with the Chinese label users read and the code the model
 * text stores. The codes come from the engine's vocabularies (value keys, negatives, tiers), so the form
 * offers exactly what the engine accepts.
 */
public record ModelFormChoices(List<Choice> values, List<Choice> numericValues, List<Choice> transforms,
                        Map<String, List<Choice>> members, List<Choice> negatives, List<Choice> effects,
                        List<Choice> tiers, List<Stage> stages, Set<String> categories) {

    /** One option: {@code code} is submitted, {@code label} is shown. */
    public record Choice(String code, String label) {
    }

    static ModelFormChoices of(ModelForm form) {
        List<Choice> values = Stream.of(ValueKey.values()).map(k -> new Choice(k.key(), k.label())).toList();
        List<Choice> numeric = Stream.of(ValueKey.values()).filter(k -> !k.isSet())
                .map(k -> new Choice(k.key(), k.label())).toList();
        Map<String, List<Choice>> members = new LinkedHashMap<>();
        for (ValueKey k : ValueKey.values()) {
            if (k.isSet()) {
                List<Choice> choices = new ArrayList<>();
                for (Enum<?> member : k.memberType().getEnumConstants()) {
                    choices.add(new Choice(member.name(), ModelDescription.memberLabel(member.name())));
                }
                members.put(k.key(), choices);
            }
        }
        Set<String> categories = new LinkedHashSet<>(List.of("技术创新", "成长经营", "辅助"));
        form.getIndicators().forEach(i -> {
            if (!i.getCategory().isBlank()) {
                categories.add(i.getCategory());
            }
        });
        return new ModelFormChoices(values, numeric,
                List.of(new Choice("percentile", "百分位排名"), new Choice("bands", "分档"), new Choice("set", "按资质计分")),
                members,
                Stream.of(Negative.values()).map(n -> new Choice(n.name(), n.label())).toList(),
                List.of(new Choice("veto", "一票否决"), new Choice("deduct", "扣分")),
                Stream.of(Tier.values()).map(t -> new Choice(t.name(), t.label())).toList(),
                List.of(Stage.values()), categories);
    }

    /** The members a set indicator reading {@code valueKey} may list (qualifications when it reads no set yet). */
    public List<Choice> membersOf(String valueKey) {
        return members.getOrDefault(valueKey, members.get(ValueKey.QUALIFICATIONS.key()));
    }

    /** The label of a tier code, for the fixed first column of the tier rows. */
    public String tierLabel(String code) {
        return tiers.stream().filter(t -> t.code().equals(code)).map(Choice::label).findFirst().orElse(code);
    }
}
