package cn.gov.panyu.points.platform.contest;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Matches entries to the registry: a USCC exactly (then it is the entry's enterprise); a name only by its
 * normalised form ({@link #normalise}) — one registry enterprise with the same normalised name is proposed for
 * staff to confirm, none or several leave the entry unmatched. A USCC not in the registry is not matched by its
 * name instead: the file's USCC is the stronger statement, so staff look at it.
 */
final class EntryMatcher {

    /** Company-form suffixes a registry name and a contest form may differ by, longest first. */
    private static final List<String> SUFFIXES = List.of("股份有限公司", "有限责任公司", "有限公司");

    /** The outcome for one row. */
    record Match(MatchStatus status, String uscc, String proposedUscc, String registryName, String note) {
    }

    private EntryMatcher() {
    }

    /**
     * A name as it is compared: without spaces, with full-width brackets made half-width, without the place
     * "(广州)" and without the company form — "广州 番禺科创（广州）有限公司" and "广州番禺科创" compare equal.
     */
    static String normalise(String name) {
        if (name == null) {
            return "";
        }
        String n = name.replace('（', '(').replace('）', ')').replaceAll("[\\s\\u3000]+", "").toLowerCase(Locale.ROOT);
        n = n.replace("(广州)", "");
        for (String suffix : SUFFIXES) {
            if (n.endsWith(suffix)) {
                n = n.substring(0, n.length() - suffix.length());
                break;
            }
        }
        return n;
    }

    /**
     * Matches every row.
     *
     * @param names    the registry's names of the given USCCs (those not in the registry are absent)
     * @param registry streams every registry enterprise as (USCC, name)
     */
    static List<Match> match(List<EntryFile.Row> rows, Function<Collection<String>, Map<String, String>> names,
                             Consumer<BiConsumer<String, String>> registry) {
        Set<String> usccs = new HashSet<>();
        Set<String> wanted = new HashSet<>();
        for (EntryFile.Row r : rows) {
            if (r.uscc() != null) {
                usccs.add(r.uscc());
            } else {
                wanted.add(normalise(r.enterpriseName()));
            }
        }
        Map<String, String> known = usccs.isEmpty() ? Map.of() : names.apply(usccs);
        Map<String, List<String[]>> byName = new HashMap<>();
        if (!wanted.isEmpty()) {
            registry.accept((uscc, name) -> {
                String key = normalise(name);
                if (wanted.contains(key)) {
                    byName.computeIfAbsent(key, k -> new ArrayList<>()).add(new String[] {uscc, name});
                }
            });
        }
        List<Match> matches = new ArrayList<>();
        for (EntryFile.Row r : rows) {
            if (r.uscc() != null) {
                String name = known.get(r.uscc());
                matches.add(name != null ? new Match(MatchStatus.MATCHED, r.uscc(), null, name, "")
                        : new Match(MatchStatus.UNMATCHED, null, null, null, "统一社会信用代码不在企业名录中"));
                continue;
            }
            List<String[]> found = byName.getOrDefault(normalise(r.enterpriseName()), List.of());
            if (found.size() == 1) {
                matches.add(new Match(MatchStatus.PROPOSED, null, found.get(0)[0], found.get(0)[1],
                        "按企业名称建议匹配「" + found.get(0)[1] + "」，请确认"));
            } else if (found.isEmpty()) {
                matches.add(new Match(MatchStatus.UNMATCHED, null, null, null, "企业名录中没有此名称的企业"));
            } else {
                matches.add(new Match(MatchStatus.UNMATCHED, null, null, null,
                        "名称对应企业名录中 " + found.size() + " 家企业，请在文件中填写统一社会信用代码"));
            }
        }
        return matches;
    }
}
