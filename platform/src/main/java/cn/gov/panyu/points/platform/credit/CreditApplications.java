package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

import org.springframework.context.event.EventListener;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.support.GeneratedKeyHolder;
import org.springframework.jdbc.support.KeyHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.consent.ApplicationConsentRevoked;
import cn.gov.panyu.points.platform.consent.Consents;
import cn.gov.panyu.points.platform.table.SqlFilter;
import cn.gov.panyu.points.platform.table.SqlListing;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * 积分贷 applications: an enterprise files one for a product it is eligible for, follows it, answers the
 * bank's questions or withdraws it; the product's bank accepts it, asks for more information, refuses it with a
 * reason, and records the loan it granted (docs/adr/0014-credit-applications.md).
 *
 * <p>Whose applications a user reaches is decided from the signed-in user alone and bound into every statement —
 * an enterprise its USCC's, a bank officer its bank's — so another party's application id matches no row and
 * is answered 404 like an id that does not exist. Every step goes through {@link ApplicationStatus#mayBecome}
 * and is written with the status it started from, so two officers deciding at once cannot both succeed.
 * These methods are what the open API calls too.
 */
@Service
@PreAuthorize("hasAnyRole('ENTERPRISE', 'BANK')")
public class CreditApplications {

    private static final String COLUMNS = """
            a.id, a.product_id, p.name as product_name, a.bank_code, b.name as bank_name, a.uscc, e.name as enterprise_name,
            a.amount, a.purpose, a.contact_name, a.contact_phone, a.status, a.note, a.data_year, a.stage, a.tier,
            a.total, a.line, a.submitted_at, a.decided_at, a.updated_at, l.amount as loan_amount, l.rate as loan_rate,
            l.term_months as loan_term, l.granted_on as loan_date""";
    private static final String FROM = """
            from credit_application a join credit_product p on p.id = a.product_id join bank b on b.code = a.bank_code
            join enterprise e on e.uscc = a.uscc left join credit_loan l on l.application_id = a.id""";
    private static final Map<String, String> SORTABLE = Map.of("submitted", "a.submitted_at", "amount", "a.amount",
            "status", "a.status", "product", "p.name", "enterprise", "e.name", "bank", "b.name", "updated", "a.updated_at",
            "tier", "a.tier", "total", "a.total");

    /** What a bank officer decides on an application that is not yet accepted. */
    public enum Decision {
        /** 受理: the bank will lend, subject to the loan it records. */
        ACCEPT(ApplicationStatus.ACCEPTED, false),
        /** 需补充材料: the enterprise is asked for more, in words it reads. */
        REQUEST_INFORMATION(ApplicationStatus.INFO_REQUESTED, true),
        /** 拒绝: with a reason the enterprise reads. */
        REJECT(ApplicationStatus.REJECTED, true);

        private final ApplicationStatus leadsTo;
        private final boolean needsText;

        Decision(ApplicationStatus leadsTo, boolean needsText) {
            this.leadsTo = leadsTo;
            this.needsText = needsText;
        }

        public ApplicationStatus leadsTo() {
            return leadsTo;
        }
    }

    /** The filters of a bank's inbox; null for "any". */
    public record InboxFilter(ApplicationStatus status, Long productId) {

        public static InboxFilter none() {
            return new InboxFilter(null, null);
        }
    }

    private final JdbcClient jdbc;
    private final SqlListing<CreditApplication> listing;
    private final CreditLines lines;
    private final Products products;
    private final Loans loans;
    private final Consents consents;
    private final AuditLog audit;

    CreditApplications(JdbcClient jdbc, CreditLines lines, Products products, Loans loans, Consents consents,
                       AuditLog audit) {
        this.jdbc = jdbc;
        this.listing = new SqlListing<>(jdbc, COLUMNS, FROM, CreditApplications::row, SORTABLE, "a.id desc", "a.id desc");
        this.lines = lines;
        this.products = products;
        this.loans = loans;
        this.consents = consents;
        this.audit = audit;
    }

    // ---- the enterprise's side

    /**
     * Files an application of the signed-in enterprise for a current product it is eligible for, and grants
     * the product's bank a consent for the length of the application.
     *
     * @return the new application's id
     * @throws ResponseStatusException 404 when no such product is offered today
     * @throws CreditException         when the enterprise is not eligible, already has an open application for
     *                                 the product, or the form has problems
     */
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Transactional
    public long file(PlatformUser user, long productId, ApplicationForm form) {
        CreditLines.Offer offer = lines.offer(user, productId).orElseThrow(ApplicationsNotFound::new);
        CreditProduct product = offer.product();
        if (!offer.assessment().eligible()) {
            throw new CreditException("不符合本产品的申请条件：" + offer.assessment().miss());
        }
        ApplicationForm.Checked checked = form.check(product.terms().rules().cap());
        Long open = jdbc.sql("select min(id) from credit_application where uscc = :uscc and product_id = :product"
                        + " and status in ('SUBMITTED', 'INFO_REQUESTED', 'ACCEPTED')")
                .param("uscc", user.uscc()).param("product", productId).query(Long.class).list().stream()
                .filter(Objects::nonNull).findFirst().orElse(null);
        if (open != null) {
            throw new CreditException("您已有一笔办理中的该产品申请（#" + open + "），请在其办结后再申请。");
        }
        CreditFacts facts = lines.myFacts(user).orElseThrow(); // eligible, so there is a published result
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        KeyHolder key = new GeneratedKeyHolder();
        jdbc.sql("""
                        insert into credit_application (product_id, bank_code, uscc, amount, purpose, contact_name,
                            contact_phone, status, data_year, stage, tier, total, line, submitted_by, submitted_at, updated_at)
                        values (:product, :bank, :uscc, :amount, :purpose, :contact, :phone, 'SUBMITTED', :year, :stage,
                            :tier, :total, :line, :user, :now, :now)""")
                .param("product", productId).param("bank", product.bankCode()).param("uscc", user.uscc())
                .param("amount", checked.amount()).param("purpose", checked.purpose())
                .param("contact", checked.contactName()).param("phone", checked.contactPhone())
                .param("year", facts.year()).param("stage", facts.stage().name())
                .param("tier", facts.tier() == null ? null : facts.tier().name()).param("total", facts.total())
                .param("line", offer.assessment().line()).param("user", user.username()).param("now", now)
                .update(key, "id");
        long id = key.getKey().longValue();
        step(id, ApplicationStatus.SUBMITTED, null, user.username(), now);
        long consent = consents.grantForApplication(user, product.bankCode(), id);
        jdbc.sql("update credit_application set consent_id = :consent where id = :id").param("consent", consent)
                .param("id", id).update();
        audit.record(AuditAction.CREDIT_APPLICATION_CHANGE, user.uscc(), "申请积分贷 #" + id + "「" + product.terms().name()
                + "」（" + product.bankName() + "）" + CreditRules.plain(checked.amount()) + " 万元");
        return id;
    }

    /** The signed-in enterprise's applications, newest first unless sorted otherwise. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public TablePage<CreditApplication> mine(PlatformUser user, TableQuery query) {
        return listing.page(own(user), query);
    }

    /** One of the signed-in enterprise's applications, or 404. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public CreditApplication mine(PlatformUser user, long id) {
        return one(own(user), id);
    }

    /** Withdraws one of the signed-in enterprise's open applications; its consent ends. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Transactional
    public void withdraw(PlatformUser user, long id) {
        move(mine(user, id), ApplicationStatus.WITHDRAWN, null, user.username());
    }

    /** The enterprise's answer to the bank's request for information: back to the bank as 已提交. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    @Transactional
    public void answer(PlatformUser user, long id, String text) {
        CreditApplication a = mine(user, id);
        Map<String, String> problems = new LinkedHashMap<>();
        String answer = ApplicationForm.text("answer", "补充说明", text, ApplicationForm.MAX_PURPOSE, problems);
        CreditException.refuseIf(problems);
        move(a, ApplicationStatus.SUBMITTED, answer, user.username());
    }

    /** Revoking the consent an application granted ends the application: the bank may no longer read the report. */
    @EventListener
    void consentRevoked(ApplicationConsentRevoked revoked) {
        SqlFilter f = SqlFilter.all().and("a.uscc = ?", revoked.uscc());
        CreditApplication a = one(f, revoked.applicationId());
        if (a.status().mayBecome(ApplicationStatus.WITHDRAWN)) {
            move(a, ApplicationStatus.WITHDRAWN, "企业撤销了随申请授予银行的授权", revoked.username());
        }
    }

    // ---- the bank's side

    /** The bank's inbox: its own applications, filtered, newest first unless sorted otherwise. */
    @PreAuthorize("hasRole('BANK')")
    public TablePage<CreditApplication> inbox(PlatformUser user, InboxFilter filter, TableQuery query) {
        return listing.page(inboxFilter(user, filter), query);
    }

    /** Every application of the inbox as filtered, for "导出Excel". */
    @PreAuthorize("hasRole('BANK')")
    public List<CreditApplication> inboxAll(PlatformUser user, InboxFilter filter, TableQuery query) {
        List<CreditApplication> rows = listing.all(inboxFilter(user, filter), query);
        audit.record(AuditAction.EXPORT_DATA, null, "银行 " + bankCode(user) + " 导出积分贷申请（共 " + rows.size() + " 笔）");
        return rows;
    }

    /** One application to the officer's bank, or 404. */
    @PreAuthorize("hasRole('BANK')")
    public CreditApplication forBank(PlatformUser user, long id) {
        return one(bank(user), id);
    }

    /**
     * Decides an application to the officer's bank.
     *
     * @param text what the enterprise is asked for, or the reason of a refusal (required for both); an optional
     *             note for an acceptance
     * @throws CreditException when the decision does not lead on from the application's status, or the text is missing
     */
    @PreAuthorize("hasRole('BANK')")
    @Transactional
    public void decide(PlatformUser user, long id, Decision decision, String text) {
        CreditApplication a = forBank(user, id);
        String note = text == null || text.isBlank() ? null : text.strip();
        if (decision.needsText && note == null) {
            String what = decision == Decision.REJECT ? "拒绝理由" : "需补充的材料";
            throw new CreditException("请填写" + what + "，企业会看到这段说明。", Map.of("text", what + "：不能为空"));
        }
        if (note != null && note.length() > 1000) {
            throw new CreditException("说明最多 1000 个字。", Map.of("text", "说明：最多 1000 个字"));
        }
        move(a, decision.leadsTo, note, user.username());
    }

    /**
     * Records the loan granted on an accepted application to the officer's bank: the application becomes 已放款
     * and its consent ends.
     *
     * @return the loan's id
     */
    @PreAuthorize("hasRole('BANK')")
    @Transactional
    public long recordLoan(PlatformUser user, long id, LoanTerms terms) {
        CreditApplication a = forBank(user, id);
        requireStep(a, ApplicationStatus.LOANED);
        terms.requireWithin(products.get(user, a.productId()).terms());
        move(a, ApplicationStatus.LOANED, "放款 " + CreditRules.plain(terms.amount()) + " 万元，年利率 "
                + CreditRules.plain(terms.rate()) + "%，期限 " + terms.termMonths() + " 个月", user.username());
        return loans.recordFor(user, a, terms);
    }

    /** The steps of an application the user may see (its enterprise or its bank), oldest first; 404 otherwise. */
    public List<CreditApplication.Step> history(PlatformUser user, long id) {
        CreditApplication a = user.role() == Role.BANK ? forBank(user, id) : mine(user, id);
        return jdbc.sql("""
                        select status, note, actor, happened_at from credit_application_event
                        where application_id = :id order by id""")
                .param("id", a.id())
                .query((rs, n) -> new CreditApplication.Step(ApplicationStatus.valueOf(rs.getString(1).strip()),
                        rs.getString(2), rs.getString(3), rs.getTimestamp(4).toLocalDateTime()))
                .list();
    }

    // ---- the steps

    private void move(CreditApplication a, ApplicationStatus to, String note, String actor) {
        requireStep(a, to);
        Timestamp now = Timestamp.valueOf(LocalDateTime.now());
        // the first acceptance or refusal is the decision whose delay the totals measure
        boolean firstDecision = (to == ApplicationStatus.ACCEPTED || to == ApplicationStatus.REJECTED) && a.decidedAt() == null;
        // the note the enterprise reads is the bank's last question or refusal; other steps keep it
        boolean bankNote = to == ApplicationStatus.INFO_REQUESTED || to == ApplicationStatus.REJECTED;
        int moved = jdbc.sql("""
                        update credit_application set status = :to, updated_at = :now, note = :note, decided_at = :decided
                        where id = :id and status = :from""")
                .param("to", to.name()).param("now", now).param("note", bankNote ? note : a.note())
                .param("decided", firstDecision ? now : a.decidedAt() == null ? null : Timestamp.valueOf(a.decidedAt()))
                .param("id", a.id()).param("from", a.status().name()).update();
        if (moved == 0) {
            throw new CreditException("该申请刚刚被他人处理，请刷新页面后查看最新状态。");
        }
        step(a.id(), to, note, actor, now);
        if (to.isFinal()) {
            consents.endForApplication(a.id(), actor);
        }
        audit.record(AuditAction.CREDIT_APPLICATION_CHANGE, a.uscc(), "积分贷申请 #" + a.id() + "（" + a.bankName() + "「"
                + a.productName() + "」）" + a.status().label() + " → " + to.label() + (note == null ? "" : "：" + note));
    }

    private static void requireStep(CreditApplication a, ApplicationStatus to) {
        if (!a.status().mayBecome(to)) {
            throw new CreditException("该申请当前为「" + a.status().label() + "」，不能变为「" + to.label() + "」。");
        }
    }

    private void step(long id, ApplicationStatus status, String note, String actor, Timestamp at) {
        jdbc.sql("""
                        insert into credit_application_event (application_id, status, note, actor, happened_at)
                        values (:id, :status, :note, :actor, :at)""")
                .param("id", id).param("status", status.name()).param("note", note).param("actor", actor)
                .param("at", at).update();
    }

    // ---- scopes

    private CreditApplication one(SqlFilter scope, long id) {
        SqlFilter f = scope.and("a.id = ?", id);
        return jdbc.sql("select " + COLUMNS + " " + FROM + f.where()).params(f.args()).query(CreditApplications::row)
                .optional().orElseThrow(ApplicationsNotFound::new);
    }

    private static SqlFilter own(PlatformUser user) {
        return SqlFilter.all().and("a.uscc = ?", user.uscc() == null ? "" : user.uscc());
    }

    /** An officer without a bank sees nothing: the code binds as a value no application has. */
    private static SqlFilter bank(PlatformUser user) {
        return SqlFilter.all().and("a.bank_code = ?", bankCode(user));
    }

    private static SqlFilter inboxFilter(PlatformUser user, InboxFilter filter) {
        return bank(user).andIf(filter.status() != null, "a.status = ?", filter.status() == null ? null : filter.status().name())
                .andIf(filter.productId() != null, "a.product_id = ?", filter.productId());
    }

    private static String bankCode(PlatformUser user) {
        return user.bankCode() == null ? "" : user.bankCode();
    }

    private static CreditApplication row(ResultSet rs, int n) throws SQLException {
        String tier = rs.getString("tier");
        BigDecimal loanAmount = rs.getBigDecimal("loan_amount");
        LoanTerms loan = loanAmount == null ? null : new LoanTerms(Products.stripped(loanAmount),
                Products.stripped(rs.getBigDecimal("loan_rate")), rs.getInt("loan_term"),
                rs.getObject("loan_date", LocalDate.class));
        Timestamp decided = rs.getTimestamp("decided_at");
        return new CreditApplication(rs.getLong("id"), rs.getLong("product_id"), rs.getString("product_name"),
                rs.getString("bank_code"), rs.getString("bank_name"), rs.getString("uscc").strip(),
                rs.getString("enterprise_name"), Products.stripped(rs.getBigDecimal("amount")), rs.getString("purpose"),
                rs.getString("contact_name"), rs.getString("contact_phone"),
                ApplicationStatus.valueOf(rs.getString("status").strip()), rs.getString("note"), rs.getInt("data_year"),
                Stage.valueOf(rs.getString("stage").strip()), tier == null ? null : Tier.valueOf(tier.strip()),
                rs.getBigDecimal("total"), Products.stripped(rs.getBigDecimal("line")),
                rs.getTimestamp("submitted_at").toLocalDateTime(), decided == null ? null : decided.toLocalDateTime(),
                rs.getTimestamp("updated_at").toLocalDateTime(), loan);
    }

    /** An application, product or loan the user may not reach, answered exactly like one that does not exist. */
    static final class ApplicationsNotFound extends ResponseStatusException {

        ApplicationsNotFound() {
            super(HttpStatus.NOT_FOUND);
        }
    }
}
