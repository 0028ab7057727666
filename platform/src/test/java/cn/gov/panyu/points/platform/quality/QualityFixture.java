package cn.gov.panyu.points.platform.quality;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.collection.YearRecordMerge;

/** A year of data with one flag of each rule, for the data-quality tests. */
final class QualityFixture {

    /**
     * The seeded year and its enterprises.
     *
     * @param c39 seven C39 firms; the last one's R&amp;D staff (60) is the outlier
     */
    record Year(int year, List<String> c39, String contradiction, String disagreement, String jump) {
    }

    private QualityFixture() {
    }

    /** A year no other test fills (the test database outlives a run), emptied first in case a run drew it before. */
    static Year seed(JdbcClient jdbc, YearRecordMerge merge) {
        int year = ThreadLocalRandom.current().nextInt(3000, 9000);
        for (String table : List.of("quality_flag", "quality_check", "data_conflict", "data_anomaly", "enterprise_year",
                "source_record")) {
            jdbc.sql("delete from " + table + " where data_year = ?").param(year).update();
        }
        // seven C39 growth-stage firms (revenue 2000 万元), R&D staff 10 12 11 13 12 14 60: on the log scale median
        // ln 13, MAD ln(13/12), z(60) = 0.6745 · ln(61/13) / ln(13/12) = 13.03; every firm has 100 employees (MAD 0)
        List<String> c39 = new ArrayList<>();
        int[] rdStaff = {10, 12, 11, 13, 12, 14, 60};
        for (int i = 0; i < rdStaff.length; i++) {
            String uscc = TestEnterprises.register(jdbc, "质量测试电子" + i + "号");
            c39.add(uscc);
            record(jdbc, uscc, year, 2000, null, 100, rdStaff[i]);
        }
        // three I65 firms, too few for outliers: 30 R&D staff of 20 employees; a jump from 1000 to 6000 万元;
        // the tax office's R&D expense 200 against a declared 150
        String contradiction = software(jdbc, "质量测试软件甲");
        record(jdbc, contradiction, year, 2000, null, 20, 30);
        String jump = software(jdbc, "质量测试软件乙");
        record(jdbc, jump, year, 6000, 1000.0, 50, 5);
        String disagreement = software(jdbc, "质量测试软件丙");
        jdbc.sql("insert into source_record (uscc, data_year, source, revenue_y0, rd_expense) values (?, ?, 'TAX', 3000, 200)")
                .params(disagreement, year).update();
        jdbc.sql("insert into source_record (uscc, data_year, source, employees) values (?, ?, 'SOCIAL', 40)")
                .params(disagreement, year).update();
        jdbc.sql("insert into source_record (uscc, data_year, source, rd_expense) values (?, ?, 'SELF', 150)")
                .params(disagreement, year).update();
        merge.rebuild(disagreement, year);
        return new Year(year, List.copyOf(c39), contradiction, disagreement, jump);
    }

    private static String software(JdbcClient jdbc, String name) {
        String uscc = TestEnterprises.register(jdbc, name);
        jdbc.sql("update enterprise set industry = 'I65', town = '大石街道' where uscc = ?").param(uscc).update();
        return uscc;
    }

    private static void record(JdbcClient jdbc, String uscc, int year, double revenue, Double lastRevenue, int employees,
                               int rdStaff) {
        jdbc.sql("insert into enterprise_year (uscc, data_year, revenue_y0, revenue_y1, employees, rd_staff)"
                + " values (?, ?, ?, ?, ?, ?)").params(uscc, year, revenue, lastRevenue, employees, rdStaff).update();
    }
}
