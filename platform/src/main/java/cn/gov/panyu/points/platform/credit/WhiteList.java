package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;

/**
 * A bank's white-list: the enterprises that consented to the bank today and are eligible for at least one
 * of its current products, with the pre-approved line of each — the consented list of {@link BankEnterprises}
 * judged by {@link CreditLines}, read in pages by USCC for a bank's system to copy (the open API).
 *
 * <p>Eligibility is only known after the rules ran, so a page scans consented enterprises in USCC order until
 * it has {@code size} eligible ones or has judged {@link #SCAN_PER_ENTRY} × size of them; the cursor is the
 * last USCC judged. A page may thus be shorter than asked (even empty) while more follow: the end is when
 * there is no next cursor.
 */
@Service
@PreAuthorize("hasRole('BANK')")
public class WhiteList {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    static final int SCAN_PER_ENTRY = 20;

    /** One product's line for an enterprise. */
    public record Line(long productId, String productName, BigDecimal line, String explanation) {
    }

    /** An eligible enterprise with its result and the lines of the products it is eligible for. */
    public record Entry(ConsentedEnterprise enterprise, List<Line> lines) {
    }

    /** @param nextCursor where the next page starts; null at the end of the list */
    public record Slice(List<Entry> entries, String nextCursor) {
    }

    private final JdbcClient jdbc;
    private final Products products;
    private final CreditLines lines;
    private final PublishedResults published;
    private final AuditLog audit;

    WhiteList(JdbcClient jdbc, Products products, CreditLines lines, PublishedResults published, AuditLog audit) {
        this.jdbc = jdbc;
        this.products = products;
        this.lines = lines;
        this.published = published;
        this.audit = audit;
    }

    /**
     * One page of the white-list.
     *
     * @param productId    only this product (404 unless it is one of the bank's current products); null for all
     * @param changedSince only enterprises whose consent or published result is newer, unless a chosen product's
     *                     rules changed since (then every line may have changed); null for all
     * @param after        the cursor of the previous page; null for the first
     * @param size         the most entries wanted, 1 … {@link #MAX_SIZE} (other values are brought into range)
     */
    @Transactional(readOnly = true)
    public Slice page(PlatformUser user, Long productId, LocalDateTime changedSince, String after, int size) {
        LocalDate today = LocalDate.now();
        List<CreditProduct> offered = products.offeredBy(user, today).stream()
                .filter(p -> productId == null || p.id() == productId).toList();
        if (productId != null && offered.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        int wanted = Math.max(1, Math.min(MAX_SIZE, size));
        int scan = wanted * SCAN_PER_ENTRY;
        boolean rulesChanged = changedSince != null
                && offered.stream().anyMatch(p -> !p.updatedAt().isBefore(changedSince));
        boolean sinceFilter = changedSince != null && !rulesChanged;
        Optional<Integer> year = published.latestYear();
        List<ConsentedEnterprise> candidates = offered.isEmpty() || year.isEmpty() ? List.of()
                : jdbc.sql(BankEnterprises.SELECT + " where s.uscc is not null and c.uscc > :after"
                                + (sinceFilter ? " and (c.granted_at >= :since or s.published_at >= :since)" : "")
                                + " order by c.uscc limit :scan")
                        .param("bank", user.bankCode() == null ? "" : user.bankCode()).param("today", today)
                        .param("year", year.get()).param("after", after == null ? "" : after)
                        .param("since", changedSince).param("scan", scan)
                        .query(BankEnterprises::row).list();
        List<Entry> entries = new ArrayList<>();
        String last = null;
        for (ConsentedEnterprise candidate : candidates) {
            last = candidate.uscc();
            List<Line> eligible = eligibleLines(candidate.uscc(), offered, today);
            if (!eligible.isEmpty()) {
                entries.add(new Entry(candidate, eligible));
                if (entries.size() == wanted) {
                    break;
                }
            }
        }
        // the list goes on unless every candidate up to the end of the list was judged
        boolean judgedToTheEnd = candidates.size() < scan
                && (candidates.isEmpty() || last.equals(candidates.get(candidates.size() - 1).uscc()));
        audit.record(AuditAction.VIEW_ENTERPRISE, null, "银行 " + user.bankCode() + " 读取白名单（本页 " + entries.size() + " 家"
                + (productId == null ? "" : "，产品 #" + productId) + "）");
        return new Slice(entries, judgedToTheEnd ? null : last);
    }

    private List<Line> eligibleLines(String uscc, List<CreditProduct> offered, LocalDate today) {
        Optional<CreditFacts> facts = lines.facts(uscc);
        if (facts.isEmpty()) {
            return List.of();
        }
        List<Line> eligible = new ArrayList<>();
        for (CreditProduct p : offered) {
            CreditAssessment a = CreditRules.assess(p.terms().rules(), facts.get(), today);
            if (a.eligible()) {
                eligible.add(new Line(p.id(), p.terms().name(), a.line(), a.explanation()));
            }
        }
        return eligible;
    }
}
