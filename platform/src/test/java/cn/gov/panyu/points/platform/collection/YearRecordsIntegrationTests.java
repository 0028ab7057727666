package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.input.Qualification;
import cn.gov.panyu.points.platform.PlatformIntegrationTest;

/** The one mapping from the merged yearly record to the engine's record. */
@PlatformIntegrationTest
class YearRecordsIntegrationTests {

    /** A year no other test uses: a test here damages a stored row on purpose. */
    private static final int YEAR = 2037;

    @Autowired
    DepartmentImports imports;

    @Autowired
    YearRecords yearRecords;

    @Autowired
    JdbcClient jdbc;

    private String code;

    @BeforeEach
    void enterpriseWithTaxAndScitechData() {
        CollectionFixtures.signInAsStaff();
        code = uscc();
        imports.load(DataSource.MARKET, YEAR, "m.csv", csv(marketHeader(), market(code, "映射测试公司")), false, "staff");
        imports.load(DataSource.TAX, YEAR, "t.csv", csv("统一社会信用代码,企业名称,本年营业收入,研发费用,负面情形",
                code + ",x,1000,50,TAX_D"), false, "staff");
        imports.load(DataSource.SCITECH, YEAR, "s.csv", csv("统一社会信用代码,企业名称,资质",
                code + ",x,瞪羚企业；HTE"), false, "staff");
    }

    @AfterEach
    void signOut() {
        CollectionFixtures.signOut();
    }

    @Test
    void theMergedRecordReadsAsTheEngineRecordWithItsSetsAndMissingValues() {
        EnterpriseRecord r = yearRecords.of(code, YEAR).orElseThrow();

        assertThat(r.name()).isEqualTo("映射测试公司");
        assertThat(r.value(InputField.REVENUE_Y0)).isEqualTo(1000.0);
        assertThat(r.isMissing(InputField.EMPLOYEES)).isTrue();
        assertThat(r.qualifications()).containsExactly(Qualification.HTE, Qualification.GAZELLE);
        assertThat(r.negatives()).containsExactly(Negative.TAX_D);
        assertThat(yearRecords.ofYear(YEAR).records()).contains(r);
        assertThat(yearRecords.of(code, YEAR + 1)).isEmpty();
    }

    @Test
    void aRecordWithoutThisYearsRevenueIsSkippedByName() {
        jdbc.sql("update enterprise_year set revenue_y0 = null where uscc = ? and data_year = ?").params(code, YEAR)
                .update();

        YearRecords.Loaded loaded = yearRecords.ofYear(YEAR);

        assertThat(loaded.skipped()).contains(code);
        assertThat(loaded.records()).extracting(EnterpriseRecord::uscc).doesNotContain(code);
    }

    @Test
    void anUnknownStoredCodeFailsLoudlyInsteadOfSilentlyChangingTheScore() {
        jdbc.sql("update enterprise_year set negatives = 'TAX_D;FRAUD' where uscc = ? and data_year = ?")
                .params(code, YEAR).update();

        try {
            assertThatIllegalArgumentException().isThrownBy(() -> yearRecords.ofYear(YEAR))
                    .withMessageContaining("「FRAUD」");
            assertThatIllegalArgumentException().isThrownBy(() -> yearRecords.of(code, YEAR));
        } finally {
            jdbc.sql("delete from enterprise_year where uscc = ? and data_year = ?").params(code, YEAR).update();
        }
    }
}
