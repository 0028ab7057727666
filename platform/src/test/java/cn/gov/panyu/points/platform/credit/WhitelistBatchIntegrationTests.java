package cn.gov.panyu.points.platform.credit;

import static cn.gov.panyu.points.platform.credit.ProductRequests.filled;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

import cn.gov.panyu.points.platform.TestEnterprises;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * The white-list judges a page in a batch (the published results and the year's records read for all its
 * candidates at once); these tests hold it to the single-enterprise path — {@link CreditLines#facts(String)}
 * and {@link CreditRules} for each enterprise on its own — on a mixed set: every list, vetoed enterprises,
 * enterprises on no list, products they miss for different reasons, and enterprises without a consent to the
 * bank (never consented, expired, consented to another bank only).
 */
@DemoDistrictTest
class WhitelistBatchIntegrationTests {

    @Autowired
    MockMvc mvc;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    Whitelists whitelists;
    @Autowired
    CreditLines lines;
    @Autowired
    PublishedResults published;
    @Autowired
    Products products;

    private String bank;
    private PlatformUser officer;
    private List<Long> productIds;
    /** The mixed set, in USCC order. */
    private List<String> mixed;
    private List<String> consented;

    @BeforeEach
    void aBankWithThreeProductsAndAMixedSetOfEnterprises() throws Exception {
        bank = newBank();
        officer = new PlatformUser("bank-" + bank, "", "银行用户", Role.BANK, null, bank, true, false);
        long open = ProductRequests.openProduct(mvc, jdbc, bank, "宽松产品");
        // as a bank fills it: growth and mature, 竞跑 and above, minimum 60, negatives excluded, 3 years, bands
        long usual = publish("常规产品");
        long leadOnly = publish("领跑产品", "stages", "STARTUP|GROWTH|MATURE", "lowestTier", "LEAD", "minimumTotal", "",
                "baseRun", "", "minimumYears", "0");
        productIds = List.of(open, usual, leadOnly);
        mixed = Stream.of(
                        picks("tier = 'LEAD' and eligible", 5), picks("tier = 'RUN' and eligible", 5),
                        picks("tier = 'RISE' and eligible", 5), picks("tier is null and eligible", 4),
                        picks("not eligible", 4))
                .flatMap(List::stream).sorted().toList();
        assertThat(mixed).hasSizeGreaterThan(15);
        consented = new ArrayList<>();
        String otherBank = newBank();
        for (int i = 0; i < mixed.size(); i++) {
            String uscc = mixed.get(i);
            switch (i % 5) {
                case 0 -> consent(uscc, otherBank, LocalDate.now().plusMonths(1)); // another bank only
                case 1 -> consent(uscc, bank, LocalDate.now().minusDays(1)); // expired
                default -> {
                    consent(uscc, bank, LocalDate.now().plusMonths(1));
                    consented.add(uscc);
                }
            }
        }
    }

    @Test
    void theBatchedFactsAreTheFactsReadOneByOne() {
        int year = published.latestYear().orElseThrow();
        List<String> asked = new ArrayList<>(mixed);
        asked.add("91440113ZZZZZZZZZZ"); // no such enterprise: absent, as the single read is empty

        Map<String, CreditLines.Standing> batched = TestUsers.runAs(officer, () -> lines.standings(asked, year));

        for (String uscc : asked) {
            Optional<CreditFacts> single = TestUsers.runAs(officer, () -> lines.facts(uscc));
            assertThat(Optional.ofNullable(batched.get(uscc)).map(CreditLines.Standing::facts)).as(uscc).isEqualTo(single);
        }
        assertThat(batched).hasSize(mixed.size());
    }

    @Test
    void theApiPagesListTheLinesOfTheSingleEnterprisePath() {
        Map<String, List<Whitelists.Line>> expected = expectedLines(productIds);
        assertThat(expected).isNotEmpty();
        // the set is mixed: consented enterprises that no product accepts are judged too, and left out
        assertThat(consented).anyMatch(u -> !expected.containsKey(u));

        // pages of two: a page judges the first candidates, then the rest when too few were eligible
        Map<String, List<Whitelists.Line>> listed = walk(null);

        assertThat(listed).containsExactlyEntriesOf(expected);
        // the figures are the published result's, as one enterprise's report shows them
        Whitelists.Listed first = TestUsers.runAs(officer, () -> whitelists.slice(officer, null, null, null, 1)).entries().get(0);
        var result = published.of(first.enterprise().uscc(), published.latestYear().orElseThrow()).orElseThrow();
        assertThat(first.enterprise()).extracting(ConsentedEnterprise::total, ConsentedEnterprise::tier,
                ConsentedEnterprise::stage, ConsentedEnterprise::rank).containsExactly(result.total(), result.tier(),
                result.stage(), result.rank());
    }

    @Test
    void oneProductsApiPagesAndBankPagesListTheSameEnterprisesAndLines() {
        for (long product : productIds) {
            Map<String, List<Whitelists.Line>> expected = expectedLines(List.of(product));

            assertThat(walk(product)).as("API, product " + product).containsExactlyEntriesOf(expected);
            Map<String, List<Object>> shown = new LinkedHashMap<>();
            TestUsers.runAs(officer, () -> whitelists.all(officer, product, Whitelists.Filter.none(),
                            TableQuery.of(1, 20, "uscc", "asc")))
                    .forEach(e -> shown.put(e.uscc(), List.of(e.line(), e.explanation())));
            Map<String, List<Object>> wanted = new LinkedHashMap<>();
            expected.forEach((uscc, l) -> wanted.put(uscc, List.of(l.get(0).line(), l.get(0).explanation())));
            assertThat(shown).as("bank page, product " + product).containsExactlyEntriesOf(wanted);
        }
    }

    /**
     * The defect this batch fixed: a page read three statements per enterprise, so a page of 200 took 600. Counted
     * by the database (H2's query statistics, the test profile's database) over the statements that read the
     * published results or the records: the year, the candidates, and one batch of each — not one per enterprise.
     */
    @Test
    void aPageIsJudgedWithAFixedNumberOfReadsWhateverItsSize() {
        jdbc.sql("set query_statistics false").update();
        jdbc.sql("set query_statistics true").update();
        try {
            Whitelists.Slice page = TestUsers.runAs(officer,
                    () -> whitelists.slice(officer, productIds.get(0), null, null, Whitelists.MAX_SIZE));

            assertThat(page.entries()).hasSizeGreaterThanOrEqualTo(5);
            long reads = jdbc.sql("""
                            select coalesce(sum(execution_count), 0) from information_schema.query_statistics
                            where lower(sql_statement) like '%published_score%' or lower(sql_statement) like '%enterprise_year%'
                               or lower(sql_statement) like '%publication%'""")
                    .query(Long.class).single();
            assertThat(reads).as("statements reading results or records for %d enterprises", page.entries().size())
                    .isBetween(3L, 6L);
        } finally {
            jdbc.sql("set query_statistics false").update();
        }
    }

    /** What the single-enterprise path says: each consented enterprise's lines, judged on its own, in USCC order. */
    private Map<String, List<Whitelists.Line>> expectedLines(List<Long> chosen) {
        LocalDate today = LocalDate.now();
        Map<String, List<Whitelists.Line>> expected = new LinkedHashMap<>();
        TestUsers.runAs(officer, () -> {
            List<CreditProduct> offered = products.offeredBy(officer, today).stream()
                    .filter(p -> chosen.contains(p.id())).toList();
            for (String uscc : consented) {
                Optional<CreditFacts> facts = lines.facts(uscc);
                List<Whitelists.Line> eligible = new ArrayList<>();
                for (CreditProduct p : offered) {
                    CreditAssessment a = CreditLines.judge(p, facts, today).assessment();
                    if (a.eligible()) {
                        eligible.add(new Whitelists.Line(p.id(), p.terms().name(), a.line(), a.explanation()));
                    }
                }
                if (!eligible.isEmpty()) {
                    expected.put(uscc, eligible);
                }
            }
            return null;
        });
        return expected;
    }

    private Map<String, List<Whitelists.Line>> walk(Long product) {
        Map<String, List<Whitelists.Line>> listed = new LinkedHashMap<>();
        String cursor = null;
        int pages = 0;
        do {
            String after = cursor;
            Whitelists.Slice slice = TestUsers.runAs(officer, () -> whitelists.slice(officer, product, null, after, 2));
            slice.entries().forEach(e -> listed.put(e.enterprise().uscc(), e.lines()));
            cursor = slice.nextCursor();
            pages++;
        } while (cursor != null && pages < 100);
        assertThat(cursor).as("the walk reached the end").isNull();
        return listed;
    }

    private List<String> picks(String condition, int n) {
        return jdbc.sql("select uscc from published_score where data_year = (select max(data_year) from publication) and "
                        + condition + " order by uscc limit " + n)
                .query(String.class).list().stream().map(String::trim).toList();
    }

    private long publish(String namePrefix, String... changes) throws Exception {
        String name = TestEnterprises.uniqueName(namePrefix);
        mvc.perform(filled(post("/bank/products"), name, changes).with(TestUsers.bank(bank)))
                .andExpect(status().is3xxRedirection());
        return jdbc.sql("select id from credit_product where name = ?").param(name).query(Long.class).single();
    }

    private String newBank() {
        String code = ("W" + Long.toString(System.nanoTime(), 36) + Integer.toString((int) (Math.random() * 1000), 36))
                .toUpperCase();
        jdbc.sql("insert into bank (code, name) values (?, ?)").params(code, TestEnterprises.uniqueName("白名单测试银行")).update();
        return code;
    }

    private void consent(String uscc, String bankCode, LocalDate until) {
        jdbc.sql("""
                        insert into consent (uscc, bank_code, granted_by, granted_at, expires_on)
                        values (?, ?, 'test', ?, ?)""")
                .params(uscc, bankCode, Timestamp.valueOf(LocalDateTime.now().minusMonths(2)), until).update();
    }
}
