package cn.gov.panyu.points.platform.demo;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import cn.gov.panyu.points.engine.input.EnterpriseRecord;
import cn.gov.panyu.points.engine.input.Negative;
import cn.gov.panyu.points.engine.model.Stage;
import cn.gov.panyu.points.engine.model.Tier;
import cn.gov.panyu.points.platform.OneInstance;
import cn.gov.panyu.points.platform.account.PlatformUser;
import cn.gov.panyu.points.platform.account.Role;
import cn.gov.panyu.points.platform.account.UserAccounts;
import cn.gov.panyu.points.platform.collection.DataSource;
import cn.gov.panyu.points.platform.collection.DepartmentImports;
import cn.gov.panyu.points.platform.collection.ImportResult;
import cn.gov.panyu.points.platform.consent.Consents;
import cn.gov.panyu.points.platform.credit.LoanTerms;
import cn.gov.panyu.points.platform.credit.Loans;
import cn.gov.panyu.points.platform.credit.ProductRules;
import cn.gov.panyu.points.platform.credit.ProductTerms;
import cn.gov.panyu.points.platform.credit.Products;
import cn.gov.panyu.points.platform.evaluation.EvaluationRuns;
import cn.gov.panyu.points.platform.evaluation.PublishedResults;
import cn.gov.panyu.points.platform.evaluation.PublishedScore;
import cn.gov.panyu.points.platform.evaluation.ScoreFilter;
import cn.gov.panyu.points.platform.performance.DemoDeclaration;
import cn.gov.panyu.points.platform.performance.PerformanceDeclarations;
import cn.gov.panyu.points.platform.performance.PerformanceMonitoring;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.table.TableQuery;

/**
 * Demo mode only ({@code points.demo.enabled}, on by default for {@code bin/points serve}): on a database
 * without enterprises, loads the demo district the way real data arrives — one CSV file per department and
 * year through the department import (so the import log shows them), a few self-declarations that disagree
 * with the departments, then an evaluation of each of the three years, put on notice and published, so that
 * trends and year-on-year views have history to show. {@code points.demo.enterprises=0} keeps the accounts but skips the
 * district (the test profile does).
 */
@Component
@Order(10)
@ConditionalOnProperty(name = "points.demo.enabled", havingValue = "true")
class DemoDistrictLoader implements ApplicationRunner {

    /** Fixed, so that every demo installation shows the same district. */
    static final long SEED = 20_251_231L;
    static final String SYSTEM = "system";
    static final String ENTERPRISE_USER = "ent";
    static final String PASSWORD = "Demo#2025";
    /** The bank of the demo bank officer (DemoAccounts), seeded by migration V12. */
    static final String DEMO_BANK = "DEMO-BANK";
    /** Every n-th enterprise of the latest year declares its own data, with a few deliberate disagreements. */
    static final int DECLARATION_EVERY = 97;
    /**
     * Why the demo publishes each year without waiting for its notice period: the district arrives with its
     * history, whose 公示 happened before the platform. The administrator's override is the one way to
     * publish early (docs/adr/0011), so the audit log shows it with this reason.
     */
    static final String HISTORY = "演示数据：历史年度的公示已在平台启用前完成";

    private static final Logger log = LoggerFactory.getLogger(DemoDistrictLoader.class);

    private final JdbcClient jdbc;
    private final DepartmentImports imports;
    private final SelfDeclarations declarations;
    private final EvaluationRuns runs;
    private final PublishedResults published;
    private final ScoreModels models;
    private final UserAccounts accounts;
    private final Consents consents;
    private final Products products;
    private final Loans loans;
    private final PerformanceDeclarations performance;
    private final PerformanceMonitoring monitoring;
    private final int size;
    private final OneInstance oneInstance;

    DemoDistrictLoader(JdbcClient jdbc, DepartmentImports imports, SelfDeclarations declarations,
                       EvaluationRuns runs, PublishedResults published, ScoreModels models, UserAccounts accounts,
                       Consents consents, Products products, Loans loans, PerformanceDeclarations performance,
                       PerformanceMonitoring monitoring, @Value("${points.demo.enterprises:3000}") int size,
                       OneInstance oneInstance) {
        this.oneInstance = oneInstance;
        this.products = products;
        this.loans = loans;
        this.performance = performance;
        this.monitoring = monitoring;
        this.jdbc = jdbc;
        this.imports = imports;
        this.declarations = declarations;
        this.runs = runs;
        this.published = published;
        this.models = models;
        this.accounts = accounts;
        this.consents = consents;
        this.size = size;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (size <= 0) {
            return;
        }
        // instances starting together on an empty database: one loads the district, the others serve what
        // it has loaded so far (ADR 0017); a district takes minutes, an instance that died holds it an hour
        oneInstance.run("demo-district", Duration.ofHours(1), this::loadIntoEmptyDatabase);
    }

    private void loadIntoEmptyDatabase() {
        long enterprises = jdbc.sql("select count(*) from enterprise").query(Long.class).single();
        if (enterprises > 0) {
            return;
        }
        // the services check roles as for any user; the loader acts as the system administrator
        SecurityContextHolder.setContext(systemContext());
        try {
            load(LocalDate.now().getYear() - 1);
        } catch (RuntimeException e) {
            // the platform stays usable without its demo data; whatever loaded stays (each import is its own
            // transaction), so a fresh data folder is the way to retry
            log.error("演示数据加载失败，平台照常运行；如需演示数据，请换一个空的数据目录重新启动 (demo district failed)", e);
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    /** Loads the district with {@code latestYear} as its most recent year of data. */
    void load(int latestYear) {
        long started = System.nanoTime();
        log.info("演示数据：生成 {} 家企业、{}–{} 年的数据 (demo district: generating)", size, latestYear - 2, latestYear);
        DemoDistrict district = new DemoDistrict(SEED, latestYear, size);
        for (int year : district.years()) {
            for (DataSource source : importOrder()) {
                byte[] file = district.csv(source, year);
                String name = "演示数据-" + year + "-" + source.label() + ".csv";
                ImportResult result = imports.load(source, year, name, file, false, SYSTEM);
                if (!result.changed()) {
                    throw new IllegalStateException("demo file " + name + " did not load: " + result.message()
                            + " " + result.preview().violations().stream().limit(3).toList());
                }
            }
            log.info("演示数据：{} 年部门数据已导入 ({} s)", year, seconds(started));
        }
        List<EnterpriseRecord> latest = district.records(latestYear);
        int declared = declarations.declare(latest, latestYear, DECLARATION_EVERY);
        log.info("演示数据：{} 家企业的自主填报已写入，含若干与部门数据不一致之处 ({} s)", declared, seconds(started));

        long modelId = models.activeModelId();
        for (int year : district.years()) {
            long run = runs.runNow(year, modelId, SYSTEM);
            runs.putOnNotice(run, LocalDate.now(), SYSTEM);
            runs.publishOverriding(run, HISTORY, SYSTEM);
            log.info("演示数据：{} 年评价已计算、公示并发布（批次 #{}）({} s)", year, run, seconds(started));
        }

        enterpriseAccount(latestYear).ifPresent(uscc -> {
            log.info("演示数据：企业账户 {} 绑定企业 {}，密码 {}", ENTERPRISE_USER, uscc, PASSWORD);
            consentForDemoBank(uscc);
            demoBankLoan(uscc);
        });
        demoBankProduct();
        performanceDeclarations(latestYear);
        log.info("演示数据加载完成：{} 家企业，用时 {} s (demo district loaded)", size, seconds(started));
    }

    /** 市场监管 first: its file registers the enterprises the other departments' files refer to. */
    static List<DataSource> importOrder() {
        return List.of(DataSource.MARKET, DataSource.TAX, DataSource.SOCIAL, DataSource.STATS, DataSource.IP,
                DataSource.SCITECH);
    }

    /**
     * The demo enterprise user, bound to a growth-stage firm on the 竞跑 list — an enterprise with a
     * story to see in the portal — unless the account exists already.
     */
    private Optional<String> enterpriseAccount(int year) {
        if (accounts.find(ENTERPRISE_USER).isPresent()) {
            return Optional.empty();
        }
        Optional<PublishedScore> pick = published.all(ScoreFilter.tierList(year, null, null), TableQuery.of(null, null, null, null))
                .stream()
                .min(Comparator.comparing((PublishedScore s) -> s.tier() != Tier.RUN)
                        .thenComparing(s -> s.stage() != Stage.GROWTH)
                        .thenComparing(PublishedScore::rank).thenComparing(PublishedScore::uscc));
        return pick.map(score -> {
            accounts.create(ENTERPRISE_USER, PASSWORD, score.name() + "（演示企业用户）", Role.ENTERPRISE, score.uscc(), null);
            return score.uscc();
        });
    }

    /**
     * The demo enterprise lets the demo bank see its report, so that the bank officer's pages show
     * something. Granted through the enterprise's own service, as the enterprise user, so the demo takes
     * the same path (and leaves the same audit entry) as a real grant.
     */
    private void consentForDemoBank(String uscc) {
        PlatformUser enterprise = new PlatformUser(ENTERPRISE_USER, "", "演示企业用户", Role.ENTERPRISE, uscc, null, true, false);
        as(enterprise, () -> consents.grant(enterprise, DEMO_BANK, LocalDate.now().plusYears(1)));
        log.info("演示数据：企业 {} 已授权 {} 查看其积分报告", uscc, DEMO_BANK);
    }

    /**
     * A loan the demo bank granted the demo enterprise last year, before the platform's 积分贷, recorded as a
     * loan from outside the platform — so that the bank's 放款登记 and the staff's 信贷统计 have a believable
     * row, while this year's figures are left to what people do in the demo. Recorded through the loans
     * service as the demo bank's officer.
     */
    private void demoBankLoan(String uscc) {
        PlatformUser officer = new PlatformUser("bank", "", "合作银行客户经理（演示）", Role.BANK, null, DEMO_BANK, true, false);
        LocalDate granted = LocalDate.now().minusYears(1).withMonth(6).withDayOfMonth(18);
        as(officer, () -> loans.recordOutside(officer, uscc, null,
                new LoanTerms(new BigDecimal("150"), new BigDecimal("3.85"), 12, granted)));
        log.info("演示数据：{} 登记向企业 {} 的平台外放款 150 万元", DEMO_BANK, uscc);
    }

    /** Runs {@code action} signed in as {@code user}, as the services check, then returns to the loader's own context. */
    private static void as(PlatformUser user, Runnable action) {
        SecurityContext own = SecurityContextHolder.getContext();
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        SecurityContextHolder.setContext(context);
        try {
            action.run();
        } finally {
            SecurityContextHolder.setContext(own);
        }
    }

    /**
     * One 积分贷 product of the demo bank, so that its report on the consenting demo enterprise shows a line and
     * how it was reached. Entered through the products service as staff would, with rules of the kind the
     * bureau's comparison districts publish.
     */
    private void demoBankProduct() {
        PlatformUser system = (PlatformUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        ProductRules rules = new ProductRules(EnumSet.allOf(Stage.class), Tier.RISE, null, Set.of(), Set.of(),
                EnumSet.allOf(Negative.class), 1,
                Map.of(Tier.LEAD, new BigDecimal("500"), Tier.RUN, new BigDecimal("300"), Tier.RISE, new BigDecimal("100")),
                List.of(new ProductRules.Band(new BigDecimal("600"), new BigDecimal("1.2")),
                        new ProductRules.Band(new BigDecimal("700"), new BigDecimal("1.5"))),
                ProductRules.DEFAULT_CAP);
        LocalDate today = LocalDate.now();
        products.create(system, DEMO_BANK, new ProductTerms("科创积分贷（演示）",
                "面向上榜科技企业的信用贷款，额度按创新积分榜单和积分分档核定，无需抵押。", rules, 12,
                new BigDecimal("4.35"), today.withDayOfYear(1), today.plusYears(1)))
                .ifPresent(id -> log.info("演示数据：{} 发布积分贷产品 #{}", DEMO_BANK, id));
    }

    /**
     * The bureau's own 部门整体预算绩效目标申报表 (the form the budget system exported), imported for the current
     * year, as staff would, and for the latest year of data as well: that year's monitoring and self-evaluation
     * then show the measures computed from the district's records. One snapshot each, so the trend has a start.
     */
    private void performanceDeclarations(int latestYear) {
        PlatformUser system = (PlatformUser) SecurityContextHolder.getContext().getAuthentication().getPrincipal();
        byte[] form = DemoDeclaration.text().getBytes(java.nio.charset.StandardCharsets.UTF_8);
        for (int year : List.of(LocalDate.now().getYear(), latestYear)) {
            PerformanceDeclarations.Imported imported = performance.importForm(system, year, "部门整体预算绩效目标申报表.txt", form);
            monitoring.snapshot(imported.id(), LocalDate.now(), system);
            log.info("演示数据：{} 年度预算绩效目标申报表已导入（#{}）", year, imported.id());
        }
    }

    private static SecurityContext systemContext() {
        PlatformUser system = new PlatformUser(SYSTEM, "", "系统（演示数据）", Role.ADMIN, null, null, true, false);
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(system, null, system.getAuthorities()));
        return context;
    }

    private static String seconds(long startedNanos) {
        return String.format(java.util.Locale.ROOT, "%.1f", (System.nanoTime() - startedNanos) / 1e9);
    }
}
