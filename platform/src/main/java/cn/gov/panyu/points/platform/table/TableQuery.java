package cn.gov.panyu.points.platform.table;

import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The paging and sorting a list page was asked for, bound from {@code ?page=&size=&sort=&dir=}.
 * The sort column is a key the page declares; it is translated to SQL only through that page's
 * whitelist ({@link #orderBy(Map, String)}), never pasted from the request.
 *
 * @param page 1-based page number
 */
public record TableQuery(int page, int size, String sort, String dir) {

    public static final List<Integer> SIZES = List.of(20, 50, 100);

    /**
     * The deepest page a list answers: its offset, and the end of its rows, still fit the int of the JDBC
     * parameter and the databases' OFFSET ({@code ?page=2147483647} overflowed into a negative offset and a
     * server error). No list comes near it; a page past a list's end is empty, or its last page where the
     * list knows its length first ({@link SqlListing}).
     */
    public static final int MAX_PAGE = Integer.MAX_VALUE / Collections.max(SIZES);

    public TableQuery {
        page = Math.min(Math.max(1, page), MAX_PAGE);
        size = SIZES.contains(size) ? size : SIZES.get(0);
        sort = sort == null ? "" : sort;
        dir = "desc".equalsIgnoreCase(dir) ? "desc" : "asc";
    }

    public static TableQuery of(Integer page, Integer size, String sort, String dir) {
        return new TableQuery(page == null ? 1 : page, size == null ? 20 : size, sort, dir);
    }

    public boolean descending() {
        return dir.equals("desc");
    }

    public int offset() {
        return (page - 1) * size;
    }

    /**
     * An ORDER BY clause from the page's whitelist of sortable columns (key → SQL expression); an
     * unknown or empty key falls back to {@code fallbackKey}.
     */
    public String orderBy(Map<String, String> sortable, String fallbackKey) {
        String key = sortable.containsKey(sort) ? sort : fallbackKey;
        String direction = sortable.containsKey(sort) ? dir.toUpperCase(Locale.ROOT) : "ASC";
        return " order by " + sortable.get(key) + " " + direction;
    }

    /** The same query on another page, for pager links. */
    public TableQuery withPage(int p) {
        return new TableQuery(p, size, sort, dir);
    }

    /** The query string for a sort header: clicking the current column flips its direction. */
    public String sortParams(String key) {
        String nextDir = key.equals(sort) && !descending() ? "desc" : "asc";
        return "sort=" + key + "&dir=" + nextDir + "&size=" + size;
    }
}
