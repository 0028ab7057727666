package cn.gov.panyu.points.engine.input;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The members of the two set columns ({@code qualifications}, {@code negatives}): codes such as
 * {@code HTE;SRDI}, matched case-insensitively, or the Chinese labels staff actually type, separated by
 * ';' or the full-width '；' that a Chinese input method produces.
 */
final class SetCodes {

    private final Map<String, Integer> ordinalByAlias = new HashMap<>();
    private final String kindZh;
    private final String kindEn;
    private final String allowedZh;
    private final String allowedEn;

    private <E extends Enum<E>> SetCodes(E[] members, Function<E, String> label, String kindZh, String kindEn) {
        this.kindZh = kindZh;
        this.kindEn = kindEn;
        StringJoiner zh = new StringJoiner("、");
        StringJoiner en = new StringJoiner(", ");
        for (int i = 0; i < members.length; i++) {
            ordinalByAlias.put(members[i].name().toLowerCase(Locale.ROOT), members[i].ordinal());
            ordinalByAlias.put(normalizeLabel(label.apply(members[i])), members[i].ordinal());
            zh.add(members[i].name() + " " + label.apply(members[i]));
            en.add(members[i].name());
        }
        this.allowedZh = zh.toString();
        this.allowedEn = en.toString();
    }

    static final SetCodes QUALIFICATIONS =
            new SetCodes(Qualification.values(), Qualification::label, "资质", "qualification");
    static final SetCodes NEGATIVES =
            new SetCodes(Negative.values(), Negative::label, "负面情形", "negative circumstance");

    static SetCodes of(InputField field) {
        return field == InputField.QUALIFICATIONS ? QUALIFICATIONS : NEGATIVES;
    }

    /** The members as a bit set ({@code 1 << ordinal}), or a {@link Problem} naming the first unknown one. */
    Object parse(String text) {
        int bits = 0;
        for (String part : text.split("[;；]", -1)) {
            String member = part.strip();
            if (member.isEmpty()) {
                continue; // "HTE;" or "HTE;;SRDI": a stray separator loses nothing
            }
            Integer ordinal = ordinalByAlias.get(member.toLowerCase(Locale.ROOT));
            if (ordinal == null) {
                ordinal = ordinalByAlias.get(normalizeLabel(member));
            }
            if (ordinal == null) {
                return new Problem("未知的" + kindZh + "「" + member + "」，可选：" + allowedZh + "（多个用 ; 分隔）",
                        "unknown " + kindEn + " \"" + member + "\"; allowed: " + allowedEn + " (separate several with ;)");
            }
            bits |= 1 << ordinal;
        }
        return bits;
    }

    /** For the template's instructions. */
    String allowedZh() {
        return allowedZh;
    }

    /** Labels contain typographic quotes (专精特新“小巨人”企业) that people type in many ways, or not at all. */
    private static String normalizeLabel(String label) {
        return label.replaceAll("[\\s\"'“”‘’「」]", "");
    }
}
