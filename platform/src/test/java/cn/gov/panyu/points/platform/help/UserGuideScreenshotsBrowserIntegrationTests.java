package cn.gov.panyu.points.platform.help;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import cn.gov.panyu.points.platform.BrowserTestSupport;
import cn.gov.panyu.points.platform.HeadlessChromium;
import cn.gov.panyu.points.platform.TestUsers;
import cn.gov.panyu.points.platform.cultivation.Pool;
import cn.gov.panyu.points.platform.cultivation.Pools;
import cn.gov.panyu.points.platform.demo.DemoDistrictTest;
import cn.gov.panyu.points.platform.portal.PortalFixture;
import cn.gov.panyu.points.platform.scoremodel.ScoreModels;
import cn.gov.panyu.points.platform.whitepaper.WhitePaperPages;
import cn.gov.panyu.points.platform.whitepaper.WhitePapers;

/**
 * Takes the pictures of the user guides (docs/guide/img) from the demo district, the way each kind of user
 * sees the pages, and checks that each page opened as that user without an error; and two pages of the white
 * paper's PDF, drawn by PDFBox. The pictures go to
 * {@code target/guide-img}; {@code scripts/guide-screenshots.sh} points {@code points.guide.images} at
 * docs/guide/img to refresh the guides'.
 */
@DemoDistrictTest
class UserGuideScreenshotsBrowserIntegrationTests extends BrowserTestSupport {

    private static final Path IMAGES = Path.of(System.getProperty("points.guide.images", "target/guide-img"));
    private static final int DESKTOP = 1280;
    private static final int PHONE = 390;
    private static final Duration CHART_ANIMATION = Duration.ofMillis(1200);

    @Autowired
    JdbcClient jdbc;
    @Autowired
    ScoreModels models;
    @Autowired
    Pools pools;
    @Autowired
    WhitePapers papers;

    /** One picture: who looks, at which page (given the demo's ids), at which width and height. */
    record Shot(String user, Function<JdbcClient, String> path, int width, int height) {
    }

    static Map<String, Shot> shots() {
        Map<String, Shot> shots = new LinkedHashMap<>();
        shots.put("anon-home", desktop(null, "/"));
        shots.put("phone-login", new Shot(null, jdbc -> "/login", PHONE, 844));
        shots.put("phone-register", new Shot(null, jdbc -> "/register", PHONE, 1200));
        shots.put("phone-public-rankings", new Shot(null, jdbc -> "/public/rankings", PHONE, 1400));
        shots.put("public-methodology", new Shot(null, jdbc -> "/public/methodology", DESKTOP, 1600));
        shots.put("staff-home", desktop("staff", "/"));
        shots.put("staff-enterprises", desktop("staff", "/enterprises"));
        shots.put("staff-enterprise", new Shot("staff", jdbc -> "/enterprises/" + PortalFixture.demoEnterprise(jdbc), DESKTOP, 1600));
        shots.put("staff-imports", desktop("staff", "/collection/imports"));
        shots.put("staff-import-upload", desktop("staff", "/collection/imports/new"));
        shots.put("staff-conflicts", desktop("staff", "/collection/conflicts"));
        shots.put("staff-anomalies", desktop("staff", "/collection/anomalies"));
        shots.put("staff-declaration-review", new Shot("staff", jdbc -> jdbc.sql(
                "select min(id) from declaration where status = 'SUBMITTED'").query(Long.class).optional()
                .map(id -> "/declarations/review/" + id).orElse("/declarations/review"), DESKTOP, 900));
        shots.put("staff-models", desktop("staff", "/models"));
        shots.put("staff-model-form", new Shot("staff", jdbc -> "/models/" + jdbc.sql(
                "select max(id) from score_model where status = 'DRAFT'").query(Long.class).single() + "/form", DESKTOP, 1400));
        shots.put("staff-indicators", new Shot("staff", jdbc -> "/indicators", DESKTOP, 1400));
        shots.put("staff-runs", desktop("staff", "/evaluation/runs"));
        shots.put("staff-run", new Shot("staff", jdbc -> "/evaluation/runs/" + jdbc.sql(
                "select max(run_id) from publication").query(Long.class).single(), DESKTOP, 1100));
        shots.put("staff-notice", desktop("staff", "/evaluation/notice"));
        shots.put("staff-rankings", desktop("staff", "/rankings"));
        shots.put("staff-cultivation", new Shot("staff", jdbc -> "/cultivation?year=" + PortalFixture.LATEST, DESKTOP, 1100));
        shots.put("staff-cultivation-enterprise", new Shot("staff", jdbc -> "/cultivation/enterprises/"
                + PortalFixture.demoEnterprise(jdbc), DESKTOP, 1500));
        shots.put("staff-pools", new Shot("staff", jdbc -> "/cultivation/pools?year=" + PortalFixture.LATEST, DESKTOP, 1000));
        shots.put("staff-analytics", new Shot("staff", jdbc -> "/analytics?year=" + PortalFixture.LATEST, DESKTOP, 4200));
        shots.put("staff-leader", new Shot("staff", jdbc -> "/analytics/leader?year=" + PortalFixture.LATEST, 1440, 1500));
        shots.put("staff-whitepaper", new Shot("staff", jdbc -> "/analytics/whitepaper/" + PortalFixture.LATEST, DESKTOP, 1000));
        // 预算绩效: the demo's declaration of the latest data year, whose measures the district's records compute
        shots.put("staff-performance-declaration", new Shot("staff", jdbc -> "/performance/" + performance(jdbc), DESKTOP, 1500));
        shots.put("staff-performance-edit", new Shot("staff", jdbc -> "/performance/" + performance(jdbc) + "/edit", DESKTOP, 1300));
        shots.put("staff-performance-monitoring", new Shot("staff", jdbc -> "/performance/" + performance(jdbc) + "/monitoring",
                DESKTOP, 1500));
        shots.put("staff-performance-evaluation", new Shot("staff", jdbc -> "/performance/" + performance(jdbc) + "/evaluation",
                DESKTOP, 1500));
        shots.put("ent-my", new Shot("ent", jdbc -> "/my", DESKTOP, 3000));
        shots.put("phone-my", new Shot("ent", jdbc -> "/my", PHONE, 1600));
        shots.put("ent-declarations", desktop("ent", "/declarations"));
        shots.put("ent-declaration", new Shot("ent", jdbc -> "/declarations/" + (LocalDate.now().getYear() - 1), DESKTOP, 1400));
        shots.put("ent-consents", desktop("ent", "/my/consents"));
        shots.put("ent-cultivation", new Shot("ent", jdbc -> "/my/cultivation", DESKTOP, 1500));
        shots.put("bank-list", desktop("bank", "/bank/enterprises"));
        shots.put("bank-report", new Shot("bank", jdbc -> "/bank/enterprises/" + PortalFixture.demoEnterprise(jdbc), DESKTOP, 2000));
        shots.put("phone-bank-report", new Shot("bank", jdbc -> "/bank/enterprises/" + PortalFixture.demoEnterprise(jdbc), PHONE, 1600));
        shots.put("admin-users", desktop("admin", "/admin/users"));
        shots.put("admin-registrations", desktop("admin", "/registrations"));
        shots.put("admin-audit", desktop("admin", "/audit"));
        shots.put("admin-system", desktop("admin", "/admin/system"));
        return shots;
    }

    /** Pages of the white paper's PDF the staff guide shows, by the text that picks each page. */
    static Map<String, String> whitePaperPages() {
        Map<String, String> pages = new LinkedHashMap<>();
        pages.put("whitepaper-overview", "各发展阶段概况");
        pages.put("whitepaper-tiers", "各镇街榜单分布");
        pages.put("whitepaper-qualifications", "各类资质企业榜单分布");
        pages.put("whitepaper-outcomes", "共发放贷款");
        return pages;
    }

    /** The demo's 预算绩效 declaration of the latest data year. */
    private static long performance(JdbcClient jdbc) {
        return jdbc.sql("select id from performance_declaration where budget_year = ?").param(PortalFixture.LATEST)
                .query(Long.class).single();
    }

    private static Shot desktop(String user, String path) {
        return new Shot(user, jdbc -> path, DESKTOP, 900);
    }


    @Test
    void everyPictureOfTheGuidesShowsItsPageAsItsUserSeesIt() throws Exception {
        Set<String> pictures = new TreeSet<>(shots().keySet());
        pictures.addAll(whitePaperPages().keySet());
        assertThat(pictures).as("pictures taken here = pictures the guides show")
                .containsExactlyInAnyOrderElementsOf(UserGuidesTests.imagesReferenced());
        // the bank's pictures need an enterprise that consented; the demo enterprise does, as it would
        PortalFixture.withConsentFor(jdbc, PortalFixture.demoEnterprise(jdbc), "DEMO-BANK");
        draftModelVersion();
        buildPools();
        byte[] whitePaper = whitePaper();
        String signedIn = "";
        for (Map.Entry<String, Shot> entry : shots().entrySet()) {
            Shot shot = entry.getValue();
            String user = shot.user() == null ? "" : shot.user();
            if (!user.equals(signedIn)) {
                browser.manage().deleteAllCookies();
                if (!user.isEmpty()) {
                    HeadlessChromium.signIn(browser, url(""), user);
                }
                signedIn = user;
            }
            browser.manage().window().setSize(new Dimension(shot.width(), shot.height()));
            String path = shot.path().apply(jdbc);
            HeadlessChromium.open(browser, url(path), By.id("main"));
            assertThat(browser.getCurrentUrl()).as(entry.getKey() + ": not sent to sign in").endsWith(path);
            assertThat(browser.getTitle()).as(entry.getKey() + " at " + path).doesNotContain("出错", "无权", "不存在");
            settle();
            HeadlessChromium.screenshot(browser, IMAGES, entry.getKey());
        }
        browser.manage().window().setSize(new Dimension(1440, 1000));
        try (PDDocument document = Loader.loadPDF(whitePaper)) {
            for (Map.Entry<String, String> page : whitePaperPages().entrySet()) {
                WhitePaperPages.draw(document, WhitePaperPages.pageWith(document, page.getValue()), 100, IMAGES, page.getKey());
            }
        }
    }

    /** The latest year's white paper as staff generate it; its page then offers the downloads. */
    private byte[] whitePaper() throws InterruptedException {
        TestUsers.asStaff(() -> papers.generate(PortalFixture.LATEST, "staff"));
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (TestUsers.asStaff(() -> papers.paper(PortalFixture.LATEST).orElseThrow().running()) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        return TestUsers.asStaff(() -> papers.pdf(PortalFixture.LATEST).content());
    }

    /** Charts draw, and animate, after the page has loaded: a picture taken at once shows them half drawn. */
    private static void settle() {
        try {
            Thread.sleep(CHART_ANIMATION.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** The demo builds no 培育库: staff build each of the latest year, as they would. */
    private void buildPools() {
        for (Pool pool : Pool.values()) {
            TestUsers.asStaff(() -> pools.build(pool, PortalFixture.LATEST, "staff"));
        }
    }

    /** The model form edits drafts only: the demo has none, so staff copy the active version as they would. */
    private void draftModelVersion() {
        if (jdbc.sql("select count(*) from score_model where status = 'DRAFT'").query(Long.class).single() == 0) {
            TestUsers.asStaff(() -> models.copy(models.activeModelId(), "staff"));
        }
    }

}
