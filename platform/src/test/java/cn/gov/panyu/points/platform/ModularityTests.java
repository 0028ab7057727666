package cn.gov.panyu.points.platform;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/**
 * The feature packages are Spring Modulith application modules; this keeps their boundaries checked in
 * every build instead of only written down. {@link ApplicationModules#verify()} fails on a cycle between
 * modules, on a use of another module's internals, and on a dependency that the module's package-info
 * does not list in {@code @ApplicationModule(allowedDependencies = …)}.
 *
 * <p>Bytecode analysis only, no application context: it runs in a few seconds.
 */
class ModularityTests {

    private static final ApplicationModules MODULES = ApplicationModules.of(PointsPlatformApplication.class);

    @Test
    void modulesHaveNoCyclesAndOnlyTheirDeclaredDependencies() {
        MODULES.verify();
    }

    /**
     * The module diagrams and canvases as the code stands, under the build folder (target/spring-modulith-docs)
     * to look at or publish, not to commit: they would go stale.
     */
    @Test
    void writesModuleDocumentation() {
        new Documenter(MODULES).writeDocumentation();
    }
}
