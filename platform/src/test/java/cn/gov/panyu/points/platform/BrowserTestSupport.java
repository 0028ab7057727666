package cn.gov.panyu.points.platform;

import java.nio.file.Path;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.WebDriver;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Base of the browser tests: one headless Chromium per test class (started before its first test, quit
 * after its last) and the running server's address. The class under test adds its Spring test annotation.
 */
public abstract class BrowserTestSupport {

    protected static WebDriver browser;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser(@TempDir Path profile) {
        browser = HeadlessChromium.start(profile);
    }

    @AfterAll
    static void stopBrowser() {
        if (browser != null) {
            browser.quit();
            browser = null;
        }
    }

    /** The absolute address of {@code path} on the server under test ("" for the server itself). */
    protected String url(String path) {
        return "http://localhost:" + port + path;
    }
}
