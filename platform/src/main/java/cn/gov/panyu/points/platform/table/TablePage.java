package cn.gov.panyu.points.platform.table;

import java.util.List;

/** One page of rows plus the total row count the pager and "共 N 条" need. */
public record TablePage<T>(List<T> rows, long total, TableQuery query) {

    public TablePage {
        rows = List.copyOf(rows);
    }

    public int pages() {
        return (int) Math.max(1, (total + query.size() - 1) / query.size());
    }

    public boolean hasPrevious() {
        return query.page() > 1;
    }

    public boolean hasNext() {
        return query.page() < pages();
    }

    public long firstRow() {
        return total == 0 ? 0 : query.offset() + 1L;
    }

    public long lastRow() {
        return query.offset() + (long) rows.size();
    }
}
