package cn.gov.panyu.points.platform.table;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * The WHERE part of a listing: conditions written by the code, values always bound as {@code ?}
 * parameters — what a user typed never becomes SQL text. Immutable; {@link #and} returns a new filter.
 */
public final class SqlFilter {

    private final List<String> conditions;
    private final List<Object> args;

    private SqlFilter(List<String> conditions, List<Object> args) {
        this.conditions = conditions;
        this.args = args;
    }

    /**
     * {@code column in (?, ?, …)} for {@code count} USCCs, each parameter cast to the columns' {@code char(18)}:
     * H2 looks the values up in an index that starts with the column only when both sides have the same type —
     * with plain varchar parameters it compares every row with the whole list.
     */
    public static String usccIn(String column, int count) {
        return column + " in (" + String.join(", ", Collections.nCopies(count, "cast(? as char(18))")) + ")";
    }

    /**
     * A table {@code alias(uscc)} of {@code count} USCC parameters (typed as {@link #usccIn}), to join where the
     * USCC is not the first column of the index (H2 uses an {@code in} list only on an index's first column, but
     * looks each joined row up by the whole key).
     */
    public static String usccTable(String alias, int count) {
        return "(values " + String.join(", ", Collections.nCopies(count, "(cast(? as char(18)))")) + ") as " + alias + "(uscc)";
    }

    /** No condition: every row. */
    public static SqlFilter all() {
        return new SqlFilter(List.of(), List.of());
    }

    /** This filter and {@code condition}, its {@code ?} placeholders bound to {@code values} in order. */
    public SqlFilter and(String condition, Object... values) {
        List<String> c = new ArrayList<>(conditions);
        c.add(condition);
        List<Object> a = new ArrayList<>(args);
        a.addAll(Arrays.asList(values));
        return new SqlFilter(List.copyOf(c), Collections.unmodifiableList(a));
    }

    /** {@link #and} when {@code when} holds, else this filter unchanged (a form field left empty). */
    public SqlFilter andIf(boolean when, String condition, Object... values) {
        return when ? and(condition, values) : this;
    }

    /** " where a and b", or "" without conditions. */
    public String where() {
        return conditions.isEmpty() ? "" : " where " + String.join(" and ", conditions);
    }

    public List<Object> args() {
        return args;
    }
}
