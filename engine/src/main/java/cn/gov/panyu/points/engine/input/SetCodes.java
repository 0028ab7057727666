package cn.gov.panyu.points.engine.input;

import java.util.EnumSet;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.StringJoiner;
import java.util.function.Function;

/**
 * The members of the two set columns ({@code qualifications}, {@code negatives}) in their two forms, each
 * read and written only here:
 * <ul>
 * <li><b>as people type them</b> ({@link #check}): codes such as {@code HTE;SRDI}, matched
 *     case-insensitively, or the Chinese labels staff actually type, separated by ';' or the full-width
 *     '；' that a Chinese input method produces; an unknown member breaks the rule of scoring-spec §1;</li>
 * <li><b>as stored</b> ({@link #toStored}, {@link #fromStored}): the canonical form of the platform's
 *     tables and of the canonical input CSV — the codes in enum order joined by ';', "" for none.</li>
 * </ul>
 *
 * @param <E> {@link Qualification} or {@link Negative}
 */
public final class SetCodes<E extends Enum<E>> {

    public static final SetCodes<Qualification> QUALIFICATIONS = new SetCodes<>(InputField.QUALIFICATIONS,
            Qualification.class, Qualification::label, "资质", "qualification");
    public static final SetCodes<Negative> NEGATIVES = new SetCodes<>(InputField.NEGATIVES,
            Negative.class, Negative::label, "负面情形", "negative circumstance");

    private final InputField field;
    private final Class<E> type;
    private final E[] members;
    private final Function<E, String> label;
    private final Map<String, E> byAlias = new HashMap<>();
    private final Map<String, E> byCode = new HashMap<>();
    private final String kindZh;
    private final String kindEn;
    private final String allowedZh;
    /** The labels alone: what a refused member's message offers, since everyone may type a label. */
    private final String labelsZh;
    private final String allowedEn;

    private SetCodes(InputField field, Class<E> type, Function<E, String> label, String kindZh, String kindEn) {
        this.field = field;
        this.type = type;
        this.members = type.getEnumConstants();
        this.label = label;
        this.kindZh = kindZh;
        this.kindEn = kindEn;
        StringJoiner zh = new StringJoiner("、");
        StringJoiner labelled = new StringJoiner("、");
        StringJoiner en = new StringJoiner(", ");
        for (E m : members) {
            byCode.put(m.name(), m);
            byAlias.put(m.name().toLowerCase(Locale.ROOT), m);
            byAlias.put(normalizeLabel(label.apply(m)), m);
            zh.add(m.name() + " " + label.apply(m));
            labelled.add(label.apply(m));
            en.add(m.name());
        }
        this.allowedZh = zh.toString();
        this.labelsZh = labelled.toString();
        this.allowedEn = en.toString();
    }

    /** The codes of a set field. */
    public static SetCodes<?> of(InputField field) {
        return switch (field) {
            case QUALIFICATIONS -> QUALIFICATIONS;
            case NEGATIVES -> NEGATIVES;
            default -> throw new IllegalArgumentException("not a set field: " + field);
        };
    }

    public InputField field() {
        return field;
    }

    // ---------------------------------------------------------------- as people type them

    /**
     * Checks a set as typed: the members (possibly none, for "；" alone), the unknown member's rule, or
     * missing when the text is blank.
     */
    public FieldRules.Verdict<Set<E>> check(String text) {
        if (text == null || text.isBlank()) {
            return FieldRules.Verdict.absent();
        }
        Object parsed = parse(text);
        return parsed instanceof Problem p ? FieldRules.Verdict.refused(p) : FieldRules.Verdict.accepted(decode((Integer) parsed));
    }

    /**
     * The members as a bit set ({@code 1 << ordinal}), or a {@link Problem} naming the first unknown one —
     * the readers' form, cached per distinct cell.
     */
    Object parse(String text) {
        int bits = 0;
        for (String part : text.split("[;；]", -1)) {
            String member = part.strip();
            if (member.isEmpty()) {
                continue; // "HTE;" or "HTE;;SRDI": a stray separator loses nothing
            }
            E m = byAlias.get(member.toLowerCase(Locale.ROOT));
            if (m == null) {
                m = byAlias.get(normalizeLabel(member));
            }
            if (m == null) {
                return new Problem("未知的" + kindZh + "「" + member + "」，可选：" + labelsZh + "（多个用 ; 分隔）",
                        "unknown " + kindEn + " \"" + member + "\"; allowed: " + allowedEn + " (separate several with ;)");
            }
            bits |= 1 << m.ordinal();
        }
        return bits;
    }

    // ---------------------------------------------------------------- as stored

    /** The stored form: codes in enum order joined by ';' ("HTE;SRDI"), "" for none. */
    public String toStored(Set<E> set) {
        StringJoiner codes = new StringJoiner(";");
        for (E m : members) {
            if (set.contains(m)) {
                codes.add(m.name());
            }
        }
        return codes.toString();
    }

    /**
     * Reads the stored form; in any order (a merge may join departments' shares), blanks and empty
     * members ignored; null or blank is the empty set.
     *
     * <p>An unknown code fails loudly rather than being dropped: every path that stores a set checked its
     * members first, so an unknown code means damaged data (or data of a newer version). Dropping it
     * would silently change scores — a lost DISHONEST would make a vetoed enterprise eligible — and an
     * error that names the code is what lets someone find and repair the row.
     *
     * @throws IllegalArgumentException naming the unknown code
     */
    public EnumSet<E> fromStored(String stored) {
        EnumSet<E> set = EnumSet.noneOf(type);
        if (stored == null) {
            return set;
        }
        for (String part : stored.split(";", -1)) {
            String code = part.strip();
            if (code.isEmpty()) {
                continue;
            }
            E m = byCode.get(code);
            if (m == null) {
                throw new IllegalArgumentException("存储的" + kindZh + "「" + stored + "」含未知代码「" + code
                        + "」（已知：" + allowedEn + "），数据已损坏，请核查该记录");
            }
            set.add(m);
        }
        return set;
    }

    /** A stored set, written in any order, in the canonical stored form. */
    public String canonical(String stored) {
        return toStored(fromStored(stored));
    }

    /** The Chinese labels in enum order, joined by '、' ("高新技术企业、瞪羚企业"); "" for none. */
    public String labels(Set<E> set) {
        StringJoiner labels = new StringJoiner("、");
        for (E m : members) {
            if (set.contains(m)) {
                labels.add(label.apply(m));
            }
        }
        return labels.toString();
    }

    /** {@link #labels(Set)} of a stored set. */
    public String labelsOfStored(String stored) {
        return labels(fromStored(stored));
    }

    /** For the template's instructions. */
    String allowedZh() {
        return allowedZh;
    }

    private EnumSet<E> decode(int bits) {
        EnumSet<E> set = EnumSet.noneOf(type);
        for (E m : members) {
            if ((bits & (1 << m.ordinal())) != 0) {
                set.add(m);
            }
        }
        return set;
    }

    /** Labels contain typographic quotes (专精特新“小巨人”企业) that people type in many ways, or not at all. */
    private static String normalizeLabel(String label) {
        return label.replaceAll("[\\s\"'“”‘’「」]", "");
    }
}
