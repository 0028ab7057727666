package cn.gov.panyu.points.platform.table;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

class TableQueryTests {

    static final Map<String, String> SORTABLE = Map.of("name", "e.name", "total", "r.total");

    @Test
    void onlyWhitelistedColumnsReachTheSql() {
        assertThat(TableQuery.of(1, 20, "total", "desc").orderBy(SORTABLE, "name")).isEqualTo(" order by r.total DESC");
        assertThat(TableQuery.of(1, 20, "name; drop table enterprise", "desc").orderBy(SORTABLE, "name"))
                .isEqualTo(" order by e.name ASC");
    }

    @Test
    void pageSizesAreLimitedAndPagesStartAtOne() {
        assertThat(TableQuery.of(0, 5000, null, null)).isEqualTo(new TableQuery(1, 20, "", "asc"));
        assertThat(TableQuery.of(3, 50, "x", "DESC").offset()).isEqualTo(100);
        TablePage<String> page = new TablePage<>(java.util.List.of("a", "b"), 102, TableQuery.of(6, 20, "", ""));
        assertThat(page.pages()).isEqualTo(6);
        assertThat(page.hasNext()).isFalse();
        assertThat(page.firstRow()).isEqualTo(101);
        assertThat(page.lastRow()).isEqualTo(102);
    }

    @Test
    void anAbsurdPageStillHasAnOffsetTheDatabaseTakes() {
        for (int size : TableQuery.SIZES) {
            TableQuery deepest = TableQuery.of(Integer.MAX_VALUE, size, null, null);
            assertThat(deepest.offset()).as("size " + size).isNotNegative();
            assertThat((long) deepest.offset() + size).as("size " + size).isLessThanOrEqualTo(Integer.MAX_VALUE);
        }
        assertThat(TableQuery.of(Integer.MIN_VALUE, Integer.MIN_VALUE, null, null).offset()).isZero();
    }

    @Test
    void clickingTheSortedColumnFlipsItsDirection() {
        assertThat(TableQuery.of(2, 50, "total", "asc").sortParams("total")).isEqualTo("sort=total&dir=desc&size=50");
        assertThat(TableQuery.of(2, 50, "total", "desc").sortParams("total")).isEqualTo("sort=total&dir=asc&size=50");
        assertThat(TableQuery.of(2, 50, "total", "desc").sortParams("name")).isEqualTo("sort=name&dir=asc&size=50");
    }
}
