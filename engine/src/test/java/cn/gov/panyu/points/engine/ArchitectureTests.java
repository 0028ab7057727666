package cn.gov.panyu.points.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The engine stays a pure library: no framework, no database, and scoring does no I/O. */
class ArchitectureTests {

    static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("cn.gov.panyu.points.engine");

    @Test
    void theEngineUsesNoFrameworkAndNoDatabase() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "jakarta..", "java.sql..")
                .check(ENGINE);
    }

    @Test
    void scoringAndModelsDoNoInputOutputAndKnowNothingOfFilesOrTheCommandLine() {
        // EngineVersion reads the engine's own version resource; nothing else in scoring touches I/O
        noClasses().that().resideInAnyPackage("..engine.scoring..").and().doNotHaveSimpleName("EngineVersion")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "..engine.cli..",
                        "..engine.output..", "..engine.generate..", "org.dhatim..")
                .check(ENGINE);
    }

    @Test
    void calibrationIsPureComputationLikeScoring() {
        // the platform calls these methods inside requests and the CLI reads the files for them
        noClasses().that().resideInAnyPackage("..engine.calibration..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..", "..engine.cli..",
                        "..engine.output..", "..engine.generate..", "org.dhatim..", "org.snakeyaml..")
                .check(ENGINE);
    }

    @Test
    void onlyTheCommandLineDependsOnTheCommandLineLibrary() {
        noClasses().that().resideOutsideOfPackage("..engine.cli..")
                .should().dependOnClassesThat().resideInAnyPackage("picocli..")
                .check(ENGINE);
    }
}
