package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.audit.AuditAction;
import cn.gov.panyu.points.platform.audit.AuditLog;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.table.TablePage;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * A product's 白名单: the enterprises that consent to the product's bank now <b>and</b> are eligible for the
 * product on their latest published result, each with its pre-approved line and how it was reached. Only the
 * bank's own products (another bank's product id is 404); the consent is part of the query, so an enterprise
 * without one is never judged, let alone listed. Every view and export is audited.
 */
@Service
@PreAuthorize("hasRole('BANK')")
public class Whitelists {

    /** One enterprise of a white-list. Amounts in 万元. */
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
        // narrowed in SQL by what the published result alone decides; the product's rules judge the rest
        String sql = "select c.uscc, e.name, e.town, c.expires_on from " + BankEnterprises.CONSENTING
                + " c join enterprise e on e.uscc = c.uscc"
                + " join published_score s on s.data_year = :year and s.uscc = c.uscc where s.eligible"
                + (filter.stage() == null ? "" : " and s.stage = :stage")
                + (filter.tier() == null ? "" : " and s.tier = :tier")
                + (town.isEmpty() ? "" : " and e.town = :town")
                + (q.isEmpty() ? "" : " and (e.name like :name or e.uscc like :uscc)");
        List<Candidate> candidates = jdbc.sql(sql).param("bank", bankCode(user)).param("today", today)
                .param("year", year.get())
                .param("stage", filter.stage() == null ? "" : filter.stage().name())
                .param("tier", filter.tier() == null ? "" : filter.tier().name())
                .param("town", town).param("name", "%" + q + "%").param("uscc", q.toUpperCase(Locale.ROOT) + "%")
                .query((rs, n) -> new Candidate(rs.getString(1).strip(), rs.getString(2), rs.getString(3),
                        rs.getObject(4, LocalDate.class)))
                .list();
        List<Entry> entries = new ArrayList<>();
        for (Candidate c : candidates) {
            Optional<CreditFacts> facts = lines.facts(c.uscc());
            CreditAssessment a = CreditLines.judge(product, facts, today).assessment();
            if (a.eligible()) {
                CreditFacts x = facts.get();
                entries.add(new Entry(c.uscc(), c.name(), c.town(), x.year(), x.total(), x.stage(), x.tier(), a.line(),
                        a.explanation(), c.consentUntil()));
            }
        }
        Comparator<Entry> order = SORTABLE.containsKey(query.sort())
                ? (query.descending() ? SORTABLE.get(query.sort()).reversed() : SORTABLE.get(query.sort()))
                : SORTABLE.get("line").reversed();
        entries.sort(order.thenComparing(Entry::uscc));
        return entries;
    }

    private record Candidate(String uscc, String name, String town, LocalDate consentUntil) {
    }

    private static String bankCode(PlatformUser user) {
        return user.bankCode() == null ? "" : user.bankCode();
    }
}
