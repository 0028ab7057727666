package cn.gov.panyu.points.platform.performance;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The bureau's own 部门整体预算绩效目标申报表 as the budget system exported it: the demo district's
 * declaration and the tests' reference form, shipped with the platform so that it stands alone.
 */
public final class DemoDeclaration {

    static final String RESOURCE = "/performance/department-performance-declaration-demo.txt";

    private DemoDeclaration() {
    }

    /** The form's text, as exported (tab-separated). */
    public static String text() {
        try (InputStream in = DemoDeclaration.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + RESOURCE);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
