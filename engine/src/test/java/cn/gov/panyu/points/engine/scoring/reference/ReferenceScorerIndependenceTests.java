package cn.gov.panyu.points.engine.scoring.reference;

import cn.gov.panyu.points.engine.input.RecordColumns;
import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethodCall;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * An oracle that shares code with what it checks would agree with its bugs. The reference
 * ({@link ReferenceScorer}, {@link ReferenceResult}) may read the model's and the records' data, but must
 * not reach the fast scorer's package, its column store, or the model methods that are themselves rules.
 */
class ReferenceScorerIndependenceTests {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .importPackages(ReferenceScorer.class.getPackageName());
    private static final String REFERENCE = ".*\\.Reference(Scorer|Result)(\\$.*)?";

    /** Model and input methods that compute rather than hold data: the reference writes these rules itself. */
    private static final Set<String> RULES = Set.of(
            "cn.gov.panyu.points.engine.model.ValueKey.extract",
            "cn.gov.panyu.points.engine.model.ValueKey.members",
            "cn.gov.panyu.points.engine.model.ValueKey.field",
            "cn.gov.panyu.points.engine.model.Transform$Bands.fraction",
            "cn.gov.panyu.points.engine.model.Transform$SetMembers.fraction",
            "cn.gov.panyu.points.engine.model.Transform$SetMembers.valueByOrdinal",
            "cn.gov.panyu.points.engine.model.ScoreModel.stageOf",
            "cn.gov.panyu.points.engine.model.ScoreModel.isKeyIndustry",
            "cn.gov.panyu.points.engine.model.TierRule.cutOff",
            "cn.gov.panyu.points.engine.model.BonusItem.applies",
            "cn.gov.panyu.points.engine.model.NegativeItem.isVeto",
            "cn.gov.panyu.points.engine.model.Indicator.isPercentile");

    @Test
    void theReferenceUsesNothingOfTheFastScorer() {
        noClasses().that().haveNameMatching(REFERENCE)
                .should().dependOnClassesThat().resideInAPackage("cn.gov.panyu.points.engine.scoring")
                .orShould().dependOnClassesThat().belongToAnyOf(RecordColumns.class)
                .check(CLASSES);
    }

    @Test
    void theReferenceReadsTheModelsDataButNotItsRules() {
        noClasses().that().haveNameMatching(REFERENCE)
                .should().callMethodWhere(DescribedPredicate.describe("a model rule " + RULES,
                        (JavaMethodCall call) -> RULES.contains(call.getTargetOwner().getName() + "." + call.getName())))
                .check(CLASSES);
    }
}
