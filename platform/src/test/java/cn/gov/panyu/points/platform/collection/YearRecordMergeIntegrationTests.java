package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;

@PlatformIntegrationTest
class YearRecordMergeIntegrationTests {

    private static final int YEAR = 2032;

    @Autowired
    DepartmentImports imports;

    @Autowired
    YearRecordMerge merge;

    @Autowired
    CollectionReviews reviews;

    @Autowired
    JdbcClient jdbc;

    private String code;

    @BeforeEach
    void enterpriseWithTaxData() {
        CollectionFixtures.signInAsStaff();
        code = uscc();
        imports.load(DataSource.MARKET, YEAR, "m.csv", csv(marketHeader(), market(code, "合并测试公司")), false, "staff");
        imports.load(DataSource.TAX, YEAR, "t.csv", csv("统一社会信用代码,企业名称,本年营业收入,研发费用",
                code + ",x,1000,50"), false, "staff");
    }

    @AfterEach
    void signOut() {
        CollectionFixtures.signOut();
    }

    private void declare(String columns, Object... values) {
        jdbc.sql("delete from source_record where uscc = ? and data_year = ? and source = 'SELF'").params(code, YEAR).update();
        String marks = "?, ".repeat(values.length);
        Object[] params = new Object[values.length + 2];
        params[0] = code;
        params[1] = YEAR;
        System.arraycopy(values, 0, params, 2, values.length);
        jdbc.sql("insert into source_record (uscc, data_year, source, " + columns + ") values (?, ?, 'SELF', "
                + marks.substring(0, marks.length() - 2) + ")").params(params).update();
    }

    private Object merged(String column) {
        return jdbc.sql("select " + column + " from enterprise_year where uscc = ? and data_year = ?").params(code, YEAR)
                .query().singleValue();
    }

    private long openConflicts() {
        return jdbc.sql("select count(*) from data_conflict where uscc = ? and data_year = ? and status = 'OPEN'")
                .params(code, YEAR).query(Long.class).single();
    }

    @Test
    void departmentValuesWinAndDeclaredValuesFillTheGaps() {
        declare("revenue_y0, employees", 1020.0, 33);
        merge.rebuild(code, YEAR);
        assertThat(((Number) merged("revenue_y0")).doubleValue()).isEqualTo(1000.0);
        assertThat(((Number) merged("employees")).intValue()).isEqualTo(33);
    }

    @Test
    void amountsWithinFivePercentAgreeAndBeyondAreAnOpenConflictRaisedOnce() {
        declare("revenue_y0, rd_expense", 1040.0, 80.0);
        merge.rebuild(code, YEAR);
        merge.rebuildYear(YEAR);
        assertThat(openConflicts()).isEqualTo(1);
        var c = jdbc.sql("select field, department, department_value, declared_value from data_conflict where uscc = ?")
                .param(code).query((rs, i) -> rs.getString(1) + "|" + rs.getString(2).strip() + "|" + rs.getString(3)
                        + "|" + rs.getString(4)).single();
        assertThat(c).isEqualTo("rd_expense|TAX|50|80");
    }

    @Test
    void aConflictGoesAwayWhenTheValuesAgreeAgain() {
        declare("rd_expense", 80.0);
        merge.rebuild(code, YEAR);
        assertThat(openConflicts()).isEqualTo(1);
        declare("rd_expense", 51.0);
        merge.rebuild(code, YEAR);
        assertThat(openConflicts()).isZero();
    }

    @Test
    void takingTheDeclaredValueUsesItInTheMergedRecordAndIsNotRaisedAgain() {
        declare("rd_expense", 80.0);
        merge.rebuild(code, YEAR);
        long id = jdbc.sql("select id from data_conflict where uscc = ? and status = 'OPEN'").param(code).query(Long.class).single();
        reviews.resolve(id, true, "企业提供了审计报告", "staff");
        assertThat(((Number) merged("rd_expense")).doubleValue()).isEqualTo(80.0);
        merge.rebuildYear(YEAR);
        assertThat(((Number) merged("rd_expense")).doubleValue()).isEqualTo(80.0);
        assertThat(openConflicts()).isZero();
    }

    @Test
    void countsAndSetsDisagreeOnAnyDifference() {
        imports.load(DataSource.SOCIAL, YEAR, "s.csv", csv("统一社会信用代码,企业名称,职工总数", code + ",x,30"), false, "staff");
        declare("employees, qualifications", 31, "HTE");
        merge.rebuild(code, YEAR);
        assertThat(openConflicts()).isEqualTo(1);
        imports.load(DataSource.SCITECH, YEAR, "k.csv", csv("统一社会信用代码,企业名称,资质", code + ",x,SRDI"), false, "staff");
        assertThat(openConflicts()).isEqualTo(2);
        assertThat(merged("qualifications")).isEqualTo("SRDI");
    }

    @Test
    void implausibleValuesAreFlaggedWithoutBlocking() {
        imports.load(DataSource.TAX, YEAR, "t2.csv", csv("统一社会信用代码,企业名称,本年营业收入,上年营业收入,研发费用",
                code + ",x,2000,100,1500"), false, "staff");
        var kinds = jdbc.sql("select kind from data_anomaly where uscc = ? and data_year = ? order by kind").params(code, YEAR)
                .query(String.class).list();
        assertThat(kinds).containsExactly("RD_INTENSITY_HIGH", "YEAR_ON_YEAR_JUMP");
        assertThat(((Number) merged("rd_expense")).doubleValue()).isEqualTo(1500.0);
    }
}
