package cn.gov.panyu.points.platform.credit;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The loans a bank granted: through an application ({@link CreditApplications#recordLoan}) or from outside the
 * platform, named by the enterprise's USCC — so that the staff's totals count every loan backed by the points,
 * not only those that started here. A bank officer reaches only their own bank's loans.
 */
@Service
@PreAuthorize("hasRole('BANK')")
public class Loans {

    private static final String COLUMNS = """
            l.id, l.bank_code, b.name as bank_name, l.uscc, e.name as enterprise_name, p.name as product_name,
            l.application_id, l.amount, l.rate, l.term_months, l.granted_on, l.stage, l.tier, l.recorded_by, l.recorded_at""";
    private static final String FROM = """
            from credit_loan l join bank b on b.code = l.bank_code join enterprise e on e.uscc = l.uscc
            left join credit_product p on p.id = l.product_id""";
    private static final Map<String, String> SORTABLE = Map.of("granted", "l.granted_on", "amount", "l.amount",
            "rate", "l.rate", "term", "l.term_months", "enterprise", "e.name", "recorded", "l.recorded_at");

    private final JdbcClient jdbc;
    private final SqlListing<Loan> listing;
    private final CreditLines lines;
    private final Products products;
    private final AuditLog audit;

    Loans(JdbcClient jdbc, CreditLines lines, Products products, AuditLog audit) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, COLUMNS, FROM, Loans::row, SORTABLE, "l.granted_on desc, l.id desc", "l.id desc");
        this.lines = lines;
        this.products = products;
        this.audit = audit;
    }

    /** The officer's bank's loans, newest first unless sorted otherwise. */
    public TablePage<Loan> page(PlatformUser user, TableQuery query) {
        return listing.page(own(user), query);
    }

    /** Every loan of the list, for "导出Excel". */
    public List<Loan> all(PlatformUser user, TableQuery query) {
        List<Loan> rows = listing.all(own(user), query);
        audit.record(AuditAction.EXPORT_DATA, null, "银行 " + bankCode(user) + " 导出放款记录（共 " + rows.size() + " 笔）");
        return rows;
    }

    /**
     * Records a loan the officer's bank granted outside the platform.
     *
     * @param productId the bank's product it was granted under, or null
     * @return the loan's id
     * @throws CreditException when the USCC names no enterprise of the platform, the product is not one of the
     *                         bank's, or the terms have problems
     */
    @Transactional
    public long recordOutside(PlatformUser user, String uscc, Long productId, LoanTerms terms) {
        String code = uscc == null ? "" : uscc.strip().toUpperCase(Locale.ROOT);
        Optional<String> name = jdbc.sql("select name from enterprise where uscc = :uscc").param("uscc", code)
                .query(String.class).optional();
        if (name.isEmpty()) {
            throw new CreditException("平台未登记统一社会信用代码为 " + code + " 的企业。",
                    Map.of("uscc", "统一社会信用代码：平台未登记该企业"));
        }
        if (productId != null) {
            CreditProduct product = products.find(user, productId).orElseThrow(() -> new CreditException(
                    "请选择本行的积分贷产品。", Map.of("productId", "产品：请选择本行的积分贷产品")));
            terms.requireWithin(product.terms());
        }
        Optional<CreditFacts> facts = lines.facts(code);
        long id = insert(user, code, productId, null, terms, facts.map(CreditFacts::stage).orElse(null),
                facts.map(CreditFacts::tier).orElse(null));
        audit.record(AuditAction.CREDIT_LOAN_RECORD, code, "银行 " + bankCode(user) + " 登记平台外放款 #" + id + "：企业 "
                + name.get() + " " + CreditRules.plain(terms.amount()) + " 万元");
        return id;
    }

    /** The loan granted on an application the caller has moved to 已放款; stage and tier are the application's. */
    long recordFor(PlatformUser user, CreditApplication a, LoanTerms terms) {
        long id = insert(user, a.uscc(), a.productId(), a.id(), terms, a.stage(), a.tier());
        audit.record(AuditAction.CREDIT_LOAN_RECORD, a.uscc(), "银行 " + bankCode(user) + " 登记积分贷申请 #" + a.id()
                + " 的放款 #" + id + "：" + CreditRules.plain(terms.amount()) + " 万元");
        return id;
    }

    private long insert(PlatformUser user, String uscc, Long productId, Long applicationId, LoanTerms t, Stage stage,
                        Tier tier) {
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into credit_loan (bank_code, uscc, product_id, application_id, amount, rate, term_months,
                            granted_on, stage, tier, recorded_by, recorded_at)
                        values (:bank, :uscc, :product, :application, :amount, :rate, :term, :granted, :stage, :tier,
                            :user, :now)""")
                .param("bank", bankCode(user)).param("uscc", uscc).param("product", productId)
                .param("application", applicationId).param("amount", t.amount()).param("rate", t.rate())
                .param("term", t.termMonths()).param("granted", t.grantedOn())
                .param("stage", stage == null ? null : stage.name()).param("tier", tier == null ? null : tier.name())
                .param("user", user.username()).param("now", Timestamp.valueOf(LocalDateTime.now()))
                .update(key, "id");
        return key.getKey().longValue();
    }

    private static SqlFilter own(PlatformUser user) {
        return SqlFilter.all().and("l.bank_code = ?", bankCode(user));
    }

    private static String bankCode(PlatformUser user) {
        return user.bankCode() == null ? "" : user.bankCode();
    }

    private static Loan row(ResultSet rs, int n) throws SQLException {
        String stage = rs.getString("stage");
        String tier = rs.getString("tier");
        return new Loan(rs.getLong("id"), rs.getString("bank_code"), rs.getString("bank_name"), rs.getString("uscc").strip(),
                rs.getString("enterprise_name"), rs.getString("product_name"), rs.getObject("application_id", Long.class),
                new LoanTerms(Products.stripped(rs.getBigDecimal("amount")), Products.stripped(rs.getBigDecimal("rate")),
                        rs.getInt("term_months"), rs.getObject("granted_on", LocalDate.class)),
                stage == null ? null : Stage.valueOf(stage.strip()), tier == null ? null : Tier.valueOf(tier.strip()),
                rs.getString("recorded_by"), rs.getTimestamp("recorded_at").toLocalDateTime());
    }
}
