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
     * A table {@code alias(uscc)} of {@code count} USCC parameters, to join a list of enterprises to a table by
     * its key: H2 then probes the key once per value. An {@code in (…)} list is used by H2 only on an index's
     * first column and only when the types match, and even then it may prefer another index and test every row
     * against the list. The values are cast to the columns' {@code char(18)} so that the join compares like types.
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
