package cn.gov.panyu.points.platform.collection;

import static cn.gov.panyu.points.platform.collection.CollectionFixtures.csv;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.market;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.marketHeader;
import static cn.gov.panyu.points.platform.collection.CollectionFixtures.uscc;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.Charset;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;

import cn.gov.panyu.points.platform.PlatformIntegrationTest;
import cn.gov.panyu.points.platform.collection.ImportResult.Status;

@PlatformIntegrationTest
class DepartmentImportsIntegrationTests {

    /** A year of its own, so that other tests' data of the demo years cannot interfere. */
    private static final int YEAR = 2031;

    @Autowired
    DepartmentImports imports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void staff() {
        CollectionFixtures.signInAsStaff();
    }

    @AfterEach
    void signOut() {
        CollectionFixtures.signOut();
    }

    private String registered() {
        String code = uscc();
        ImportResult r = imports.load(DataSource.MARKET, YEAR, "名录.csv", csv(marketHeader(), market(code, "番禺测试科技有限公司")),
                false, "staff");
        assertThat(r.status()).isEqualTo(Status.LOADED);
        return code;
    }

    private String rule(ImportPreview p) {
        return p.violations().get(0).rule();
    }

    @Test
    void aMarketFileCreatesEnterprisesAndTheirMergedYearRecord() {
        String a = uscc();
        String b = uscc();
        ImportResult r = imports.load(DataSource.MARKET, YEAR, "名录.csv",
                csv(marketHeader(), market(a, "甲公司"), b + ",乙公司,市桥街道,I65,2020/1/5,列入经营异常名录;DISHONEST"), false, "staff");
        assertThat(r.status()).isEqualTo(Status.LOADED);
        assertThat(r.rowsLoaded()).isEqualTo(2);
        assertThat(r.enterprisesCreated()).isEqualTo(2);
        assertThat(jdbc.sql("select town from enterprise where uscc = ?").param(b).query(String.class).single())
                .isEqualTo("市桥街道");
        assertThat(jdbc.sql("select negatives from enterprise_year where uscc = ? and data_year = ?").params(b, YEAR)
                .query(String.class).single()).isEqualTo("DISHONEST;ABNORMAL");
    }

    @Test
    void aTaxFileForARegisteredEnterpriseFillsItsFields() {
        String code = registered();
        ImportResult r = imports.load(DataSource.TAX, YEAR, "税务.csv",
                csv("统一社会信用代码,企业名称,*本年营业收入(万元),研发费用(万元),净利润(万元)", code + ",番禺测试,\"1,200.5\",60,-3.2"),
                false, "staff");
        assertThat(r.status()).isEqualTo(Status.LOADED);
        assertThat(jdbc.sql("select revenue_y0 from enterprise_year where uscc = ? and data_year = ?").params(code, YEAR)
                .query(Double.class).single()).isEqualTo(1200.5);
        assertThat(jdbc.sql("select net_profit from source_record where uscc = ? and data_year = ? and source = 'TAX'")
                .params(code, YEAR).query(Double.class).single()).isEqualTo(-3.2);
    }

    @Test
    void reImportingTheSameFileChangesNothingAndSaysSo() {
        String code = registered();
        byte[] file = csv("统一社会信用代码,企业名称,职工总数(人)", code + ",x,25");
        ImportResult first = imports.load(DataSource.SOCIAL, YEAR, "社保.csv", file, false, "staff");
        long before = jdbc.sql("select count(*) from data_import").query(Long.class).single();
        ImportResult again = imports.load(DataSource.SOCIAL, YEAR, "社保-副本.csv", file, false, "staff");
        assertThat(again.status()).isEqualTo(Status.ALREADY_IMPORTED);
        assertThat(again.importId()).isEqualTo(first.importId());
        assertThat(again.message()).contains("已于此前导入");
        assertThat(jdbc.sql("select count(*) from data_import").query(Long.class).single()).isEqualTo(before);
    }

    @Test
    void rollbackRestoresThePreviousValuesAndTheImportIsRecorded() {
        String code = registered();
        ImportResult first = imports.load(DataSource.SOCIAL, YEAR, "社保1.csv",
                csv("统一社会信用代码,企业名称,职工总数", code + ",x,25"), false, "staff");
        ImportResult second = imports.load(DataSource.SOCIAL, YEAR, "社保2.csv",
                csv("统一社会信用代码,企业名称,职工总数", code + ",x,40"), false, "staff");
        assertThat(employees(code)).isEqualTo(40);
        assertThatThrownBy(() -> imports.rollback(first.importId(), "staff"))
                .isInstanceOf(ImportRefusedException.class).hasMessageContaining("#" + second.importId());
        imports.rollback(second.importId(), "staff");
        assertThat(employees(code)).isEqualTo(25);
        assertThat(jdbc.sql("select import_id from source_record where uscc = ? and data_year = ? and source = 'SOCIAL'")
                .params(code, YEAR).query(Long.class).single()).isEqualTo(first.importId());
        ImportRecord rec = imports.find(second.importId());
        assertThat(rec.status()).isEqualTo("ROLLED_BACK");
        assertThat(rec.rolledBackBy()).isEqualTo("staff");
        assertThat(rec.fileName()).isEqualTo("社保2.csv");
        assertThat(rec.sha256()).hasSize(64);
        imports.rollback(first.importId(), "staff");
        assertThat(jdbc.sql("select count(*) from source_record where uscc = ? and source = 'SOCIAL'").param(code)
                .query(Long.class).single()).isZero();
    }

    @Test
    void rollingBackAMarketImportDeletesTheEnterprisesItCreatedAndRestoresChangedNames() {
        String fresh = uscc();
        String existing = registered();
        ImportResult r = imports.load(DataSource.MARKET, YEAR, "名录2.csv",
                csv(marketHeader(), market(fresh, "新企业"), market(existing, "改名后的公司")), false, "staff");
        assertThat(r.enterprisesCreated()).isEqualTo(1);
        assertThat(name(existing)).isEqualTo("改名后的公司");
        imports.rollback(r.importId(), "staff");
        assertThat(jdbc.sql("select count(*) from enterprise where uscc = ?").param(fresh).query(Long.class).single()).isZero();
        assertThat(name(existing)).isEqualTo("番禺测试科技有限公司");
    }

    @Test
    void rollingBackKeepsACreatedEnterpriseThatAnotherFeatureNowRefersTo() {
        String consented = uscc();
        String bound = uscc();
        String unused = uscc();
        ImportResult r = imports.load(DataSource.MARKET, YEAR, "名录3.csv",
                csv(marketHeader(), market(consented, "已授权企业"), market(bound, "已注册企业"), market(unused, "无关联企业")),
                false, "staff");
        assertThat(r.enterprisesCreated()).isEqualTo(3);
        // a consent (consent feature) and an enterprise account (account feature) name two of them
        jdbc.sql("""
                insert into consent (uscc, bank_code, granted_by, granted_at, expires_on)
                values (?, 'DEMO-BANK', 'ent', current_timestamp, current_date)""").param(consented).update();
        jdbc.sql("""
                insert into app_user (username, password_hash, display_name, role, uscc, enabled, status)
                values (?, 'x', '企业用户', 'ENTERPRISE', ?, true, 'ACTIVE')""").params("u" + bound.substring(10), bound).update();

        imports.rollback(r.importId(), "staff");

        assertThat(jdbc.sql("select uscc from enterprise where uscc in (?, ?, ?)").params(consented, bound, unused)
                .query(String.class).list()).map(String::strip).containsExactlyInAnyOrder(consented, bound);
    }

    @Test
    void aFileWithErrorsLoadsNothingUnlessOnlyTheValidRowsAreChosen() {
        String code = registered();
        byte[] file = csv("统一社会信用代码,企业名称,职工总数", code + ",x,30", uscc() + ",y,12");
        ImportPreview p = imports.preview(DataSource.SOCIAL, YEAR, "社保.csv", file);
        assertThat(p.rowsTotal()).isEqualTo(2);
        assertThat(p.rowsValid()).isEqualTo(1);
        assertThat(rule(p)).isEqualTo("企业未在名录中，请先导入市场监管数据");
        assertThat(p.violations().get(0).row()).isEqualTo(3);
        ImportResult rejected = imports.load(DataSource.SOCIAL, YEAR, "社保.csv", file, false, "staff");
        assertThat(rejected.status()).isEqualTo(Status.REJECTED);
        assertThat(employees(code)).isNull();
        ImportResult partial = imports.load(DataSource.SOCIAL, YEAR, "社保.csv", file, true, "staff");
        assertThat(partial.status()).isEqualTo(Status.LOADED_VALID_ONLY);
        assertThat(imports.find(partial.importId()).mode()).isEqualTo("VALID_ONLY");
        assertThat(employees(code)).isEqualTo(30);
    }

    @Test
    void aFileOfAnotherSourcesTemplateIsRejectedAsAWholeNamingTheOwner() {
        String code = registered();
        ImportPreview p = imports.preview(DataSource.SOCIAL, YEAR, "错.csv",
                csv("统一社会信用代码,企业名称,研发费用(万元)", code + ",x,5"));
        assertThat(p.fileProblem()).contains("与「社保」数据模板不符").contains("「研发费用(万元)」属于「税务」数据")
                .contains("缺少必填列「职工总数」");
        assertThat(imports.load(DataSource.SOCIAL, YEAR, "错.csv", csv("统一社会信用代码,企业名称,研发费用(万元)", code + ",x,5"),
                true, "staff").status()).isEqualTo(Status.REJECTED);
    }

    @Test
    void aBadUsccNamesTheRule() {
        ImportPreview p = imports.preview(DataSource.MARKET, YEAR, "m.csv",
                csv(marketHeader(), "91440113MA59ABCDE0,坏代码公司,南村镇,C39,2015-06-30,"));
        assertThat(p.valid()).isFalse();
        assertThat(p.violations().get(0).column()).isEqualTo("统一社会信用代码");
        assertThat(rule(p)).startsWith("校验位应为");
    }

    @Test
    void negativeAmountsAndCountsAreViolations() {
        String code = registered();
        ImportPreview p = imports.preview(DataSource.TAX, YEAR, "t.csv",
                csv("统一社会信用代码,企业名称,本年营业收入,研发费用", code + ",x,-5,-1"));
        assertThat(p.violations()).extracting(ImportPreview.RowViolation::rule).containsExactly("不得为负数", "不得为负数");
        ImportPreview counts = imports.preview(DataSource.SOCIAL, YEAR, "s.csv", csv("统一社会信用代码,企业名称,职工总数", code + ",x,-3"));
        assertThat(rule(counts)).isEqualTo("不得为负数");
    }

    @Test
    void duplicateUsccsAreViolationsOfTheLaterRow() {
        String code = registered();
        ImportPreview p = imports.preview(DataSource.SOCIAL, YEAR, "s.csv",
                csv("统一社会信用代码,企业名称,职工总数", code + ",x,3", code + ",x,4"));
        assertThat(p.rowsValid()).isEqualTo(1);
        assertThat(p.violations().get(0).row()).isEqualTo(3);
        assertThat(rule(p)).isEqualTo("统一社会信用代码重复，首次出现在第 2 行");
    }

    @Test
    void aGbkFileIsReadLikeUtf8() {
        String code = uscc();
        ImportResult r = imports.load(DataSource.MARKET, YEAR, "gbk.csv",
                csv(Charset.forName("GBK"), marketHeader(), market(code, "广州番禺GBK科技有限公司")), false, "staff");
        assertThat(r.status()).isEqualTo(Status.LOADED);
        assertThat(name(code)).isEqualTo("广州番禺GBK科技有限公司");
    }

    @Test
    void anEmptyFileAndAHeaderOnlyFileAreRejected() {
        assertThat(imports.load(DataSource.TAX, YEAR, "e.csv", new byte[0], true, "staff").message()).isEqualTo("文件为空");
        assertThat(imports.preview(DataSource.SOCIAL, YEAR, "h.csv", csv("统一社会信用代码,企业名称,职工总数")).fileProblem())
                .isEqualTo("没有数据行（只有表头）");
    }

    @Test
    void aFileFarLargerThanTheLimitIsRejectedWithoutReadingIt() {
        byte[] huge = new byte[(int) imports.properties().maxFileSize().toBytes() + 5_000_000];
        ImportResult r = imports.load(DataSource.TAX, YEAR, "huge.csv", huge, true, "staff");
        assertThat(r.status()).isEqualTo(Status.REJECTED);
        assertThat(r.message()).startsWith("文件过大：上限为 50 MB");
    }

    @Test
    void anXlsxFileIsReadWithTheSameRules() {
        String code = registered();
        byte[] xlsx = CollectionFixtures.xlsx(List.of("*统一社会信用代码", "企业名称", "有效Ⅰ类知识产权数(个)", "当年国内发明专利授权数(个)"),
                List.of(List.<Object>of(code, "x", 3, 1)));
        ImportResult r = imports.load(DataSource.IP, YEAR, "ip.xlsx", xlsx, false, "staff");
        assertThat(r.status()).isEqualTo(Status.LOADED);
        assertThat(jdbc.sql("select ip_class1 from enterprise_year where uscc = ? and data_year = ?").params(code, YEAR)
                .query(Integer.class).single()).isEqualTo(3);
    }

    @Test
    void onlyStaffMayImport() {
        CollectionFixtures.signOut();
        assertThatThrownBy(() -> imports.preview(DataSource.TAX, YEAR, "x.csv", new byte[0]))
                .isInstanceOf(AuthenticationCredentialsNotFoundException.class);
        org.springframework.security.core.context.SecurityContextHolder.getContext().setAuthentication(
                org.springframework.security.authentication.UsernamePasswordAuthenticationToken.authenticated("e", "",
                        org.springframework.security.core.authority.AuthorityUtils.createAuthorityList("ROLE_ENTERPRISE")));
        assertThatThrownBy(() -> imports.preview(DataSource.TAX, YEAR, "x.csv", new byte[0]))
                .isInstanceOf(AccessDeniedException.class);
    }

    private Integer employees(String code) {
        return jdbc.sql("select employees from enterprise_year where uscc = ? and data_year = ?").params(code, YEAR)
                .query(Integer.class).optional().orElse(null);
    }

    private String name(String code) {
        return jdbc.sql("select name from enterprise where uscc = ?").param(code).query(String.class).single();
    }
}
