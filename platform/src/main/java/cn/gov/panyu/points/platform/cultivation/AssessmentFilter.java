package cn.gov.panyu.points.platform.cultivation;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

import cn.gov.panyu.points.engine.cultivation.Hte;
import cn.gov.panyu.points.engine.cultivation.Tsme;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The list's filters (outcomes, town, name or code) and its order, over a year's assessments in memory: they
 * are computed, not rows of a table, and a year of them is already at hand.
 */
public record AssessmentFilter(Tsme.Outcome tsme, Hte.Outcome hte, String town, String keyword) {

    private static final Comparator<Assessed> BY_USCC = Comparator.comparing(Assessed::uscc);
    private static final Map<String, Comparator<Assessed>> SORTABLE = Map.of(
            "uscc", BY_USCC,
            "name", Comparator.comparing((Assessed a) -> a.record().name()),
            "town", Comparator.comparing((Assessed a) -> a.record().town()),
            "tsme", Comparator.comparing(Assessed::tsme),
            "tsmeTotal", Comparator.comparing(Assessed::tsmeTotal, Comparator.nullsFirst(Comparator.naturalOrder())),
            "hte", Comparator.comparing(Assessed::hte),
            "capability", Comparator.comparing((Assessed a) -> a.capability() == null ? -1 : a.capability().max()));

    /** Codes from the request; an unknown one filters nothing rather than failing (an old bookmark). */
    static AssessmentFilter of(String tsme, String hte, String town, String keyword) {
        return new AssessmentFilter(parse(Tsme.Outcome.class, tsme), parse(Hte.Outcome.class, hte), blankToNull(town),
                blankToNull(keyword));
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String code) {
        for (E e : type.getEnumConstants()) {
            if (e.name().equals(code)) {
                return e;
            }
        }
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private Predicate<Assessed> test() {
        return a -> (tsme == null || a.tsme() == tsme) && (hte == null || a.hte() == hte)
                && (town == null || town.equals(a.record().town()))
                && (keyword == null || a.record().name().contains(keyword) || a.uscc().equalsIgnoreCase(keyword));
    }

    /** Every assessment the filter keeps, in the query's order. */
    public List<Assessed> all(YearAssessment year, TableQuery query) {
        Comparator<Assessed> order = SORTABLE.getOrDefault(query.sort(), SORTABLE.get("name"));
        if (query.descending()) {
            order = order.reversed();
        }
        return year.all().stream().filter(test()).sorted(order.thenComparing(BY_USCC)).toList();
    }

    /** The page asked for; past the end, the last page. */
    public TablePage<Assessed> page(YearAssessment year, TableQuery asked) {
        List<Assessed> all = all(year, asked);
        TableQuery query = asked.offset() < all.size() ? asked : asked.withPage((all.size() + asked.size() - 1) / asked.size());
        int from = Math.min(all.size(), query.offset());
        return new TablePage<>(all.subList(from, Math.min(all.size(), from + query.size())), all.size(), query);
    }

    /** The query string of the filters, for sort, pager and export links. */
    public String params() {
        StringBuilder sb = new StringBuilder();
        append(sb, "tsme", tsme == null ? null : tsme.name());
        append(sb, "hte", hte == null ? null : hte.name());
        append(sb, "town", town);
        append(sb, "q", keyword);
        return sb.toString();
    }

    private static void append(StringBuilder sb, String name, String value) {
        if (value != null) {
            sb.append('&').append(name).append('=').append(java.net.URLEncoder.encode(value, java.nio.charset.StandardCharsets.UTF_8));
        }
    }
}
