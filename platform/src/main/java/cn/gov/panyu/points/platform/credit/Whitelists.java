package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.server.ResponseStatusException;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.consent.Consents;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * A bank's 白名单: the enterprises that consent to the bank now <b>and</b> are eligible for at least one of its
 * current products on their latest published result, each with its pre-approved lines and how they were
 * reached. One selection and one judging for both readers: the bank's pages (one product, filters, sorted
 * {@link TablePage}s, "导出Excel") and the open API (all or one product, read in cursor pages by USCC for a
 * bank's system to copy, "changed since"). Only the bank's own products (another bank's product id is 404);
 * the consent is part of the query, so an enterprise without one is never judged, let alone listed. Every
 * view and export is audited.
 *
 * <p>Judging is batched: the candidates' published results are read in one statement through
 * {@link PublishedResults} and their records of that year in another ({@link CreditLines#standings}), the
 * latest published year once per call — a constant number of statements per page, where reading each
 * enterprise on its own took three. What the published result alone decides (a result at all, a veto, the
 * stage and list filters) is decided on the result read so, not by joining the published scores here.
 */
@Service
@PreAuthorize("hasRole('BANK')")
public class Whitelists {

    public static final int DEFAULT_SIZE = 50;
    public static final int MAX_SIZE = 200;
    /** An API page judges at most this many candidates per entry asked for (see {@link #slice}). */
    static final int SCAN_PER_ENTRY = 20;

    /** One product's line for an enterprise. Amounts in 万元. */
    public record Line(long productId, String productName, BigDecimal line, String explanation) {
    }

    /** An eligible enterprise with its result and the lines of the products it is eligible for (the API's entry). */
    public record Listed(ConsentedEnterprise enterprise, List<Line> lines) {
    }

    /** @param nextCursor where the next page starts; null at the end of the list */
    public record Slice(List<Listed> entries, String nextCursor) {
    }

    /** One enterprise of a product's white-list as the bank's pages show it. Amounts in 万元. */
    public record Entry(String uscc, String name, String town, int year, BigDecimal total, Stage stage, Tier tier,
                        BigDecimal line, String explanation, LocalDate consentUntil) {
    }

    /** The white-list's filters; null or blank for "any". {@code q} matches the name or the USCC. */
    public record Filter(Stage stage, Tier tier, String town, String q) {

        public static Filter none() {
            return new Filter(null, null, null, null);
        }
    }

    private static final Map<String, Comparator<Entry>> SORTABLE = Map.of(
            "line", Comparator.comparing(Entry::line),
            "total", Comparator.comparing(Entry::total),
            "name", Comparator.comparing(Entry::name),
            "uscc", Comparator.comparing(Entry::uscc),
            "town", Comparator.comparing(Entry::town),
            "expires", Comparator.comparing(Entry::consentUntil));

    /** "The consent {@code c} of enterprise {@code e} to the bank is active now", for a where clause. */
    private static final String ACTIVE = "c.uscc = e.uscc and " + Consents.ACTIVE_FOR_BANK;
    /**
     * The candidates: registered enterprises that consent to the bank now, with the last day of their longest
     * active consent. Driven by the registry's key with the consent as a correlated condition (an index probe
     * each, V41) rather than by a grouped list of all the bank's consents, so that a cursor page walks the key
     * from the cursor and stops at its limit.
     */
    private static final String CANDIDATES = "select e.uscc, e.name, e.town, e.industry,"
            + " (select max(c.expires_on) from consent c where " + ACTIVE + ") as expires_on"
            + " from enterprise e where exists (select 1 from consent c where " + ACTIVE + ")";

    private final JdbcClient jdbc;
    private final Products products;
    private final CreditLines lines;
    private final PublishedResults published;
    private final AuditLog audit;

    Whitelists(JdbcClient jdbc, Products products, CreditLines lines, PublishedResults published, AuditLog audit) {
        this.jdbc = jdbc;
        this.products = products;
        this.lines = lines;
        this.published = published;
        this.audit = audit;
    }

    /**
     * One cursor page of the white-list, for a bank's system (the open API).
     *
     * <p>Eligibility is only known after the rules ran, so a page scans candidates in USCC order until it has
     * {@code size} eligible ones or has judged {@link #SCAN_PER_ENTRY} × size of them; the cursor is the last
     * USCC judged. A page may thus be shorter than asked (even empty) while more follow: the end is when there
     * is no next cursor.
     *
     * @param productId    only this product (404 unless it is one of the bank's current products); null for all
     * @param changedSince only enterprises whose consent or published result is newer, unless a chosen product's
     *                     rules changed since (then every line may have changed); null for all
     * @param after        the cursor of the previous page; null for the first
     * @param size         the most entries wanted, 1 … {@link #MAX_SIZE} (other values are brought into range)
     */
    @Transactional(readOnly = true)
    public Slice slice(PlatformUser user, Long productId, LocalDateTime changedSince, String after, int size) {
        LocalDate today = LocalDate.now();
        List<CreditProduct> offered = products.offeredBy(user, today).stream()
                .filter(p -> productId == null || p.id() == productId).toList();
        if (productId != null && offered.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        int wanted = Math.max(1, Math.min(MAX_SIZE, size));
        Optional<Integer> year = published.latestYear();
        if (offered.isEmpty() || year.isEmpty()) {
            return audited(user, productId, new Slice(List.of(), null));
        }
        boolean rulesChanged = changedSince != null
                && offered.stream().anyMatch(p -> !p.updatedAt().isBefore(changedSince));
        // a year's results are published at one moment: newer than "since", every result is new
        boolean resultsChanged = changedSince != null && published.run(year.get())
                .map(r -> !r.publishedAt().isBefore(changedSince)).orElse(true);
        boolean sinceFilter = changedSince != null && !rulesChanged && !resultsChanged;
        String since = sinceFilter ? " and exists (select 1 from consent c where " + ACTIVE + " and c.granted_at >= :since)" : "";
        List<Listed> entries = new ArrayList<>();
        String last = after == null ? "" : after;
        int budget = wanted * SCAN_PER_ENTRY;
        boolean toTheEnd = false;
        // a first round reads one more candidate than wanted (to see whether the list goes on); when too few were
        // eligible, a second round reads twice what the first round's share of eligible ones says is missing, and a
        // last one the rest of the page's budget: at most three rounds of three statements, whatever the size
        int judged = 0;
        for (int round = 0; round < 3 && entries.size() < wanted && budget > 0 && !toTheEnd; round++) {
            int missing = wanted - entries.size();
            int limit = round == 0 ? Math.min(wanted + 1, budget)
                    : round == 1 && !entries.isEmpty() ? (int) Math.min(budget, 2L * missing * judged / entries.size() + 1)
                    : budget;
            List<Candidate> candidates = candidates(user, today, " and e.uscc > :after" + since
                    + " order by e.uscc limit :limit", sinceFilter
                    ? Map.of("after", last, "limit", limit, "since", changedSince) : Map.of("after", last, "limit", limit));
            budget -= candidates.size();
            boolean judgedAll = true;
            for (Judged j : judge(candidates, offered, year.get(), today)) {
                if (entries.size() == wanted) {
                    judgedAll = false;
                    break;
                }
                last = j.candidate().uscc();
                judged++;
                if (!j.lines().isEmpty()) {
                    entries.add(new Listed(j.enterprise(), j.lines()));
                }
            }
            toTheEnd = judgedAll && candidates.size() < limit;
        }
        return audited(user, productId, new Slice(entries, toTheEnd || last.isEmpty() ? null : last));
    }

    private Slice audited(PlatformUser user, Long productId, Slice slice) {
        audit.record(AuditAction.VIEW_ENTERPRISE, null, "银行 " + user.bankCode() + " 读取白名单（本页 " + slice.entries().size()
                + " 家" + (productId == null ? "" : "，产品 #" + productId) + "）");
        return slice;
    }

    /** One page of the white-list of one of the bank's products; highest line first unless sorted otherwise. */
    @Transactional(readOnly = true)
    public TablePage<Entry> page(PlatformUser user, long productId, Filter filter, TableQuery asked) {
        CreditProduct product = products.get(user, productId);
        List<Entry> all = entries(user, product, filter, asked);
        // past the end (an old link, a typed URL) answers the last page, as every list does
        TableQuery query = asked.offset() < all.size() ? asked
                : asked.withPage((int) ((all.size() + asked.size() - 1L) / asked.size()));
        List<Entry> rows = all.subList(Math.min(query.offset(), all.size()),
                Math.min(query.offset() + query.size(), all.size()));
        audit.record(AuditAction.VIEW_ENTERPRISE, null, "银行 " + product.bankCode() + " 查看产品「" + product.terms().name()
                + "」白名单（共 " + all.size() + " 家）");
        return new TablePage<>(rows, all.size(), query);
    }

    /** The whole white-list as filtered, for "导出Excel"; one audit entry per enterprise, as for the consent list. */
    @Transactional(readOnly = true)
    public List<Entry> all(PlatformUser user, long productId, Filter filter, TableQuery query) {
        CreditProduct product = products.get(user, productId);
        List<Entry> all = entries(user, product, filter, query);
        for (Entry e : all) {
            audit.record(AuditAction.EXPORT_DATA, e.uscc(), "银行 " + product.bankCode() + " 导出产品「"
                    + product.terms().name() + "」白名单");
        }
        return all;
    }

    private List<Entry> entries(PlatformUser user, CreditProduct product, Filter filter, TableQuery query) {
        Optional<Integer> year = published.latestYear();
        if (year.isEmpty()) {
            return List.of();
        }
        LocalDate today = LocalDate.now();
        String town = filter.town() == null ? "" : filter.town().strip();
        String q = filter.q() == null ? "" : filter.q().strip();
        // the registry's columns narrow in SQL; the published result's (stage, list) and the product's rules in Java
        List<Candidate> candidates = candidates(user, today,
                (town.isEmpty() ? "" : " and e.town = :town")
                        + (q.isEmpty() ? "" : " and (e.name like :name or e.uscc like :uscc)"),
                Map.of("town", town, "name", "%" + q + "%", "uscc", q.toUpperCase(Locale.ROOT) + "%"));
        List<Entry> entries = new ArrayList<>();
        for (Judged j : judge(candidates, List.of(product), year.get(), today)) {
            if (!j.lines().isEmpty() && (filter.stage() == null || filter.stage() == j.facts().stage())
                    && (filter.tier() == null || filter.tier() == j.facts().tier())) {
                CreditFacts x = j.facts();
                Line line = j.lines().get(0);
                entries.add(new Entry(j.candidate().uscc(), j.candidate().name(), j.candidate().town(), x.year(),
                        x.total(), x.stage(), x.tier(), line.line(), line.explanation(), j.candidate().consentUntil()));
            }
        }
        Comparator<Entry> order = SORTABLE.containsKey(query.sort())
                ? (query.descending() ? SORTABLE.get(query.sort()).reversed() : SORTABLE.get(query.sort()))
                : SORTABLE.get("line").reversed();
        entries.sort(order.thenComparing(Entry::uscc));
        return entries;
    }

    /** The consenting enterprises, narrowed and ordered by {@code more}. */
    private List<Candidate> candidates(PlatformUser user, LocalDate today, String more, Map<String, ?> params) {
        return jdbc.sql(CANDIDATES + more).param("bank", user.bankCode() == null ? "" : user.bankCode())
                .param("today", today).params(params)
                .query((rs, n) -> new Candidate(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                        rs.getString(4).strip(), rs.getObject(5, LocalDate.class)))
                .list();
    }

    /**
     * The candidates in their order, each with the lines of the products it is eligible for: none when it is
     * eligible for none — also when it has no published result that year (a veto is the rules' first "no").
     */
    private List<Judged> judge(List<Candidate> candidates, List<CreditProduct> offered, int year, LocalDate today) {
        Map<String, CreditLines.Standing> standings = lines.standings(candidates.stream().map(Candidate::uscc).toList(), year);
        List<Judged> judged = new ArrayList<>(candidates.size());
        for (Candidate c : candidates) {
            CreditLines.Standing standing = standings.get(c.uscc());
            List<Line> eligible = new ArrayList<>();
            if (standing != null) {
                for (CreditProduct p : offered) {
                    CreditAssessment a = CreditRules.assess(p.terms().rules(), standing.facts(), today);
                    if (a.eligible()) {
                        eligible.add(new Line(p.id(), p.terms().name(), a.line(), a.explanation()));
                    }
                }
            }
            judged.add(new Judged(c, standing, eligible));
        }
        return judged;
    }

    private record Candidate(String uscc, String name, String town, String industry, LocalDate consentUntil) {
    }

    private record Judged(Candidate candidate, CreditLines.Standing standing, List<Line> lines) {

        CreditFacts facts() {
            return standing.facts();
        }

        /** The enterprise as the API lists it: the registry's name and town, the published result's figures. */
        ConsentedEnterprise enterprise() {
            PublishedScore s = standing.result();
            return new ConsentedEnterprise(candidate.uscc(), candidate.name(), candidate.town(), candidate.industry(),
                    s.year(), s.total(), s.stage(), s.rank(), s.tier(), candidate.consentUntil());
        }
    }
}
