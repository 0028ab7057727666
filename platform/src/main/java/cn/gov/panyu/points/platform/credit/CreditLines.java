package cn.gov.panyu.points.platform.credit;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.InputField;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.collection.YearRecords;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;

/**
 * Eligibility and pre-approved lines of real enterprises: the facts from the latest <b>published</b>
 * evaluation (through the read model {@link PublishedResults}, never a draft or a run on notice) and the
 * enterprise's record of that year (through collection's {@link YearRecords}), judged by the plain rules of
 * {@link CreditRules}.
 */
@Service
@PreAuthorize("hasAnyRole('STAFF', 'BANK')")
public class CreditLines {

    /** What an enterprise without a published result is told for every product. */
    static final String NOT_PUBLISHED = "最新发布的评价结果中没有该企业，暂不能核定额度";

    /** One product and its verdict on one enterprise. */
    public record Offer(CreditProduct product, CreditAssessment assessment) {
    }

    private final PublishedResults published;
    private final YearRecords records;
    private final Products products;

    CreditLines(PublishedResults published, YearRecords records, Products products) {
        this.published = published;
        this.records = records;
        this.products = products;
    }

    /** An enterprise's published result and the facts the rules look at (built from it and the year's record). */
    public record Standing(PublishedScore result, CreditFacts facts) {
    }

    /**
     * The most enterprises read by one statement: a white-list page's whole budget (200 entries × 20 judged
     * each), and well below the bound parameters a database takes in one statement (PostgreSQL: 32,767).
     */
    static final int BATCH = 4_000;

    /**
     * The facts of an enterprise in the newest published year; empty when nothing is published or the
     * enterprise has no result in it.
     */
    public Optional<CreditFacts> facts(String uscc) {
        Optional<Integer> year = published.latestYear();
        Optional<PublishedScore> score = year.flatMap(y -> published.of(uscc, y));
        return score.map(s -> facts(s, records.of(uscc, s.year())));
    }

    /**
     * The results and facts of many enterprises in a published year (the caller read the year once), by USCC;
     * an enterprise without a result in it is absent. Two statements per {@link #BATCH} enterprises — the
     * results through {@link PublishedResults}, the records through {@link YearRecords} — where
     * {@link #facts(String)} takes three per enterprise: the same facts, for a page of a white-list.
     */
    public Map<String, Standing> standings(List<String> usccs, int year) {
        Map<String, Standing> found = new HashMap<>();
        for (int from = 0; from < usccs.size(); from += BATCH) {
            List<String> batch = usccs.subList(from, Math.min(usccs.size(), from + BATCH));
            Map<String, PublishedScore> scores = published.of(batch, year);
            Map<String, EnterpriseRecord> yearRecords = records.of(scores.keySet(), year);
            scores.forEach((uscc, s) -> found.put(uscc, new Standing(s, facts(s, Optional.ofNullable(yearRecords.get(uscc))))));
        }
        return found;
    }

    private static CreditFacts facts(PublishedScore s, Optional<EnterpriseRecord> record) {
        return new CreditFacts(s.year(), s.stage(), s.tier(), s.total(), !s.eligible(),
                record.map(EnterpriseRecord::qualifications).orElse(Set.of()),
                record.map(EnterpriseRecord::negatives).orElse(Set.of()),
                record.map(EnterpriseRecord::established).orElse(null),
                record.map(r -> amount(r, InputField.REVENUE_Y0)).orElse(null),
                record.map(r -> amount(r, InputField.REVENUE_Y1)).orElse(null));
    }

    /**
     * The verdicts of the bank's current products on an enterprise whose report the officer is allowed to
     * see (the caller checked the consent).
     */
    @PreAuthorize("hasRole('BANK')")
    public List<Offer> offers(PlatformUser user, String uscc) {
        LocalDate today = LocalDate.now();
        Optional<CreditFacts> facts = facts(uscc);
        return products.offeredBy(user, today).stream().map(p -> judge(p, facts, today)).toList();
    }

    /**
     * The 金融超市 of the signed-in enterprise: every bank's current products judged on its own latest
     * published result, eligible ones first (highest line first), then the others in the order of the banks.
     */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public List<Offer> market(PlatformUser user) {
        LocalDate today = LocalDate.now();
        Optional<CreditFacts> facts = facts(user.uscc());
        List<Offer> offers = products.offered(today).stream().map(p -> judge(p, facts, today)).toList();
        return Stream.concat(
                offers.stream().filter(o -> o.assessment().eligible())
                        .sorted(Comparator.comparing((Offer o) -> o.assessment().line()).reversed()),
                offers.stream().filter(o -> !o.assessment().eligible())).toList();
    }

    /** The facts of the signed-in enterprise, which its application keeps (the decision rests on them). */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public Optional<CreditFacts> myFacts(PlatformUser user) {
        return facts(user.uscc());
    }

    /** One current product judged on the signed-in enterprise; empty when no such product is offered today. */
    @PreAuthorize("hasRole('ENTERPRISE')")
    public Optional<Offer> offer(PlatformUser user, long productId) {
        LocalDate today = LocalDate.now();
        return products.offered(productId, today).map(p -> judge(p, facts(user.uscc()), today));
    }

    /** A product's verdict on facts that may be missing (no published result: never eligible). */
    static Offer judge(CreditProduct p, Optional<CreditFacts> facts, LocalDate today) {
        return new Offer(p, facts.map(f -> CreditRules.assess(p.terms().rules(), f, today))
                .orElseGet(() -> CreditAssessment.missed(NOT_PUBLISHED)));
    }

    private static BigDecimal amount(EnterpriseRecord r, InputField field) {
        double v = r.value(field);
        return Double.isNaN(v) ? null : BigDecimal.valueOf(v);
    }
}
