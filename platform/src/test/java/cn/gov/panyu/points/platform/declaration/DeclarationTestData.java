package cn.gov.panyu.points.platform.declaration;

import java.time.LocalDate;
import java.time.Year;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.engine.input.UnifiedSocialCreditCode;

/** Enterprises of their own for the declaration tests (the test database outlives a run: codes are random). */
final class DeclarationTestData {

    private static final String CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY";

    private DeclarationTestData() {
    }

    /** The year an enterprise declares by default: last year. */
    static int year() {
        return Year.now().getValue() - 1;
    }

    /** A fresh valid USCC. */
    static String uscc() {
        StringBuilder b = new StringBuilder("91440113");
        ThreadLocalRandom r = ThreadLocalRandom.current();
        for (int i = 0; i < 9; i++) {
            b.append(CHARSET.charAt(r.nextInt(CHARSET.length())));
        }
        return b.append(UnifiedSocialCreditCode.checkCharacter(b.toString())).toString();
    }

    /** Registers a new enterprise and returns its USCC. */
    static String enterprise(JdbcClient jdbc, String name) {
        String uscc = uscc();
        jdbc.sql("insert into enterprise (uscc, name, town, industry, established) values (:u, :n, '南村镇', 'C39', :d)")
                .param("u", uscc).param("n", name).param("d", LocalDate.of(2015, 3, 1)).update();
        return uscc;
    }

    /** What the tax office reported for the enterprise's year. */
    static void taxRecord(JdbcClient jdbc, String uscc, int year, double revenue, double rdExpense) {
        jdbc.sql("""
                        insert into source_record (uscc, data_year, source, revenue_y0, rd_expense)
                        values (:u, :y, 'TAX', :rev, :rd)""")
                .param("u", uscc).param("y", year).param("rev", revenue).param("rd", rdExpense).update();
    }
}
