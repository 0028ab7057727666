package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;


import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import cn.gov.panyu.points.platform.EmbeddedPostgresDatabase;
import cn.gov.panyu.points.platform.collection.ImportResult.Status;

/** The collection's SQL (merge pivot, set union, conflicts, rollback) on a real PostgreSQL server. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = "points.demo.enabled=false")
// its own PostgreSQL stops after the class: close the context with it, or its background threads keep
// knocking at a closed pool (WARNs in the log of every later test)
@DirtiesContext
class CollectionPostgresIntegrationTests {

    private static final int YEAR = 2030;
    private static final EmbeddedPostgresDatabase POSTGRES = new EmbeddedPostgresDatabase();

    @Autowired
    DepartmentImports imports;

    @Autowired
    YearRecordMerge merge;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void postgresDataSource(DynamicPropertyRegistry registry) {
        POSTGRES.register(registry);
    }

    @AfterAll
    static void stopPostgres() {
        POSTGRES.close();
    }

    @BeforeEach
    void staff() {
        CollectionFixtures.signInAsStaff();
    }

    @AfterEach
    void signOut() {
        CollectionFixtures.signOut();
    }

    @Test
    void importMergeConflictAndRollbackWorkOnPostgresql() {
        String code = uscc();
        ImportResult m = imports.load(DataSource.MARKET, YEAR, "m.csv",
                csv(marketHeader(), code + ",PG公司,南村镇,C39,2015-06-30,DISHONEST"), false, "staff");
        assertThat(m.status()).isEqualTo(Status.LOADED);
        ImportResult t = imports.load(DataSource.TAX, YEAR, "t.csv",
                csv("统一社会信用代码,企业名称,本年营业收入,研发费用,负面情形", code + ",x,1000,50,TAX_D"), false, "staff");
        assertThat(t.status()).isEqualTo(Status.LOADED);
        jdbc.sql("insert into source_record (uscc, data_year, source, rd_expense, employees) values (?, ?, 'SELF', 90, 12)")
                .params(code, YEAR).update();
        merge.rebuildYear(YEAR);
        merge.rebuild(code, YEAR);
        assertThat(jdbc.sql("select negatives from enterprise_year where uscc = ?").param(code).query(String.class).single())
                .isEqualTo("TAX_D;DISHONEST");
        assertThat(jdbc.sql("select employees from enterprise_year where uscc = ?").param(code).query(Integer.class).single())
                .isEqualTo(12);
        assertThat(jdbc.sql("select count(*) from data_conflict where uscc = ? and status = 'OPEN'").param(code)
                .query(Long.class).single()).isEqualTo(1);
        imports.rollback(t.importId(), "staff");
        assertThat(jdbc.sql("select rd_expense from enterprise_year where uscc = ?").param(code).query(Double.class).single())
                .isEqualTo(90.0);
        jdbc.sql("delete from source_record where uscc = ? and source = 'SELF'").param(code).update();
        imports.rollback(m.importId(), "staff");
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(code).query(Long.class).single()).isZero();
    }
}
