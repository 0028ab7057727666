package cn.gov.panyu.points.platform.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * One list page's SQL, declared once: the columns, the FROM with its joins, the whitelist of sortable
 * columns and the order without a user's choice. It answers the page the table shows (count + one page)
 * and every row for the Excel export, in the same order — so the export always holds exactly what the
 * table filters.
 *
 * @param columns      the select list, without "select"
 * @param from         "from … join …", without a where clause
 * @param sortable     sort key of the page → SQL expression; anything else is never pasted into SQL
 * @param defaultOrder the ORDER BY expressions when the user has not sorted, e.g. "c.id desc"
 * @param tieBreak     appended after a user's sort column so that pages never overlap, e.g. "s.uscc"
 */
public record SqlListing<T>(JdbcClient jdbc, String columns, String from, RowMapper<T> mapper,
                            Map<String, String> sortable, String defaultOrder, String tieBreak) {

    /** The page asked for; one past the end (an old link, a typed URL) answers the last page instead. */
    public TablePage<T> page(SqlFilter filter, TableQuery asked) {
        long total = count(filter);
        TableQuery query = asked.offset() < total ? asked
                : asked.withPage((int) ((total + asked.size() - 1) / asked.size()));
        List<Object> args = new ArrayList<>(filter.args());
        args.add(query.size());
        args.add(query.offset());
        List<T> rows = jdbc.sql(select(filter, query) + " limit ? offset ?").params(args).query(mapper).list();
        return new TablePage<>(rows, total, query);
    }

    /** How many rows the filter selects (a list's row count, a work queue's figure). */
    public long count(SqlFilter filter) {
        return jdbc.sql("select count(*) " + from + filter.where()).params(filter.args()).query(Long.class).single();
    }

    /** Every row the filter selects, in the page's order (for the Excel export). */
    public List<T> all(SqlFilter filter, TableQuery query) {
        return jdbc.sql(select(filter, query)).params(filter.args()).query(mapper).list();
    }

    /** {@link #all}, streamed row by row, for exports of a whole year's results. */
    public void each(SqlFilter filter, TableQuery query, Consumer<T> sink) {
        int[] n = {0};
        jdbc.sql(select(filter, query)).params(filter.args())
                .query((java.sql.ResultSet rs) -> {
                    sink.accept(mapper.mapRow(rs, n[0]++));
                });
    }

    private String select(SqlFilter filter, TableQuery query) {
        return "select " + columns + " " + from + filter.where() + order(query);
    }

    private String order(TableQuery query) {
        if (!sortable.containsKey(query.sort())) {
            return " order by " + defaultOrder;
        }
        String byUser = query.orderBy(sortable, query.sort());
        return tieBreak == null || tieBreak.isBlank() ? byUser : byUser + ", " + tieBreak;
    }
}
