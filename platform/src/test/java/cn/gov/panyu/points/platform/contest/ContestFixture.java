package cn.gov.panyu.points.platform.contest;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.table.ExcelExport;
import cn.gov.panyu.points.platform.table.ExcelExport.Column;

/** What the contest tests share: an entries workbook in the template's columns, and a year of data to score. */
final class ContestFixture {

    private ContestFixture() {
    }

    /** An entries workbook: each row holds the template's columns in order, "" for an empty cell. */
    static void entries(OutputStream out, List<List<String>> rows) throws IOException {
        List<Column<List<String>>> columns = new ArrayList<>();
        for (EntryFile.Column c : EntryFile.Column.values()) {
            columns.add(new Column<>(c.header(), r -> r.get(c.ordinal()).isEmpty() ? null : r.get(c.ordinal())));
        }
        ExcelExport.write(out, "参赛项目", columns, rows);
    }

    /**
     * The enterprise's next year of data as the departments would deliver it: its sources of {@code from} again
     * for {@code to}, with 科技局 reporting no contest award (the award must come from the contest).
     */
    static void copyYear(JdbcClient jdbc, String uscc, int from, int to) {
        List<String> columns = jdbc.sql("select column_name from information_schema.columns where table_name = 'source_record'"
                + " and column_name not in ('id', 'data_year') order by ordinal_position").query(String.class).list();
        String list = String.join(", ", columns);
        jdbc.sql("delete from source_record where uscc = ? and data_year = ?").params(uscc, to).update();
        jdbc.sql("insert into source_record (data_year, " + list + ") select ?, " + list
                + " from source_record where uscc = ? and data_year = ?").params(to, uscc, from).update();
        jdbc.sql("update source_record set contest_award_3y = 0 where uscc = ? and data_year = ? and source = 'SCITECH'")
                .params(uscc, to).update();
    }
}
