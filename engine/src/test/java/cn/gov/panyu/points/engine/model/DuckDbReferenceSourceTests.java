package cn.gov.panyu.points.engine.model;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * scripts/duckdb-reference/DuckDbReference.java is the yardstick of the engine's speed target and runs
 * outside the build (scripts/bench-duckdb.sh fetches DuckDB first). This keeps it compiling against the
 * engine's model API and checks the query it generates from the default model, so that it cannot rot
 * unnoticed; running the query needs DuckDB and is left to the script.
 */
class DuckDbReferenceSourceTests {

    private static final Path SOURCE = Path.of("..", "scripts", "duckdb-reference", "DuckDbReference.java");

    @Test
    void compilesAgainstTheEngineAndGeneratesAQueryForEveryPartOfTheModel(@TempDir Path out) throws Exception {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
            boolean compiled = javac.getTask(null, files, diagnostics,
                    List.of("-d", out.toString(), "-cp", System.getProperty("java.class.path"), "--release", "17"),
                    null, files.getJavaFileObjects(SOURCE)).call();
            assertThat(compiled).as("%s", diagnostics.getDiagnostics()).isTrue();
        }
        try (URLClassLoader loader = new URLClassLoader(new URL[]{out.toUri().toURL()}, getClass().getClassLoader())) {
            Method query = loader.loadClass("DuckDbReference").getDeclaredMethod("query", ScoreModel.class, String.class);
            query.setAccessible(true);
            ScoreModel model = ModelLoader.defaultModel();
            String sql = (String) query.invoke(null, model, "input.csv");

            assertThat(sql).contains("read_csv('input.csv'");
            for (Indicator indicator : model.indicators()) {
                assertThat(sql).contains(" AS " + indicator.code()); // one output column each, in spec §7
                if (indicator.isPercentile()) {
                    assertThat(sql).contains("c_" + indicator.code() + " AS (");
                }
            }
            for (TierRule tier : model.tiers()) {
                assertThat(sql).contains("'" + tier.tier().name() + "'");
            }
            assertThat(sql).contains("least(" + (long) model.bonusCap() + ", ");
        }
        assertThat(Files.exists(SOURCE)).isTrue();
    }
}
