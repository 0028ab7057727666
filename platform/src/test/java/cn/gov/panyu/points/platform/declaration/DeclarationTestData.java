package cn.gov.panyu.points.platform.declaration;

import java.time.Year;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.TestEnterprises;

/** Enterprises of their own for the declaration tests (the test database outlives a run: codes are random). */
final class DeclarationTestData {

    private DeclarationTestData() {
    }

    /** The year an enterprise declares by default: last year. */
    static int year() {
        return Year.now().getValue() - 1;
    }

    /** A fresh valid USCC. */
    static String uscc() {
        return TestEnterprises.uscc();
    }

    /** Registers a new enterprise and returns its USCC. */
    static String enterprise(JdbcClient jdbc, String name) {
        return TestEnterprises.register(jdbc, name);
    }

    /** What the tax office reported for the enterprise's year. */
    static void taxRecord(JdbcClient jdbc, String uscc, int year, double revenue, double rdExpense) {
        jdbc.sql("""
                        insert into source_record (uscc, data_year, source, revenue_y0, rd_expense)
                        values (:u, :y, 'TAX', :rev, :rd)""")
                .param("u", uscc).param("y", year).param("rev", revenue).param("rd", rdExpense).update();
    }
}
