package cn.gov.panyu.points.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * What {@link ModularityTests} cannot see: SQL text. Spring Modulith checks the Java dependencies between
 * modules, but a query in one module that names another module's table couples them just as much, and
 * silently. This test reads every main source file and holds the evaluation tables to their owner:
 * results, runs, publications, objections and the years' locks are used only in {@code evaluation}; the read model's view
 * {@code published_score} also by the modules whose package-info declares the dependency
 * {@code evaluation :: published-scores} (they filter and sort registry lists by score in SQL); the view is
 * the read model's contract, its tables behind it are not.
 */
class TableOwnershipTests {

    private static final Path SOURCES = Path.of("src/main/java/cn/gov/panyu/points/platform");
    private static final String OWNER = "evaluation";
    private static final Set<String> PRIVATE_TABLES = Set.of("score_result", "publication", "evaluation_run", "objection",
            "evaluation_year_lock");
    private static final String READ_MODEL_TABLE = "published_score";
    private static final Pattern TABLE_USE = Pattern.compile(
            "(?i)\\b(?:from|join|into|update|exists\\s*\\(\\s*select\\s+1\\s+from)\\s+(" + String.join("|", PRIVATE_TABLES)
                    + "|" + READ_MODEL_TABLE + ")\\b");

    @Test
    void evaluationTablesAreReadOnlyByTheirOwnerAndTheReadModelOnlyByDeclaredReaders() throws IOException {
        Set<String> readers = readModelReaders();
        List<String> violations = new ArrayList<>();
        for (Map.Entry<String, String> source : sources().entrySet()) {
            String module = source.getKey().split("/")[0];
            Matcher m = TABLE_USE.matcher(source.getValue());
            while (m.find()) {
                String table = m.group(1).toLowerCase();
                boolean allowed = module.equals(OWNER) || (table.equals(READ_MODEL_TABLE) && readers.contains(module));
                if (!allowed) {
                    violations.add(source.getKey() + " uses table " + table);
                }
            }
        }
        assertThat(violations).as("SQL that reads another module's tables").isEmpty();
    }

    @Test
    void theCheckSeesTheQueriesItGuards() throws IOException {
        // if the pattern ever stopped matching, the test above would pass vacuously
        Map<String, String> all = sources();
        assertThat(TABLE_USE.matcher(all.get("evaluation/PublishedResults.java")).results().map(r -> r.group(1)))
                .contains("published_score", "publication");
        assertThat(TABLE_USE.matcher(all.get("enterprise/EnterpriseDirectory.java")).results().map(r -> r.group(1)))
                .containsOnly("published_score");
        assertThat(readModelReaders()).contains("enterprise", "credit").doesNotContain("portal", "evaluation");
    }

    /** The text of every source file inside a module, keyed "module/File.java". */
    private static Map<String, String> sources() throws IOException {
        try (Stream<Path> files = Files.walk(SOURCES)) {
            return files.filter(p -> p.toString().endsWith(".java") && SOURCES.relativize(p).getNameCount() > 1)
                    .collect(Collectors.toMap(p -> SOURCES.relativize(p).toString().replace('\\', '/'),
                            TableOwnershipTests::read));
        }
    }

    /** The modules whose package-info allows the read model's named interface. */
    private static Set<String> readModelReaders() throws IOException {
        try (Stream<Path> infos = Files.walk(SOURCES, 2)) {
            return infos.filter(p -> p.getFileName().toString().equals("package-info.java"))
                    .filter(p -> read(p).contains("\"evaluation :: published-scores\""))
                    .map(p -> p.getParent().getFileName().toString())
                    .collect(Collectors.toSet());
        }
    }

    private static String read(Path p) {
        try {
            return Files.readString(p, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
