package dev.mainstay.core;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies in core's main code, checked on the compiled classes: core is the
 * bottom of the module graph, so it uses no other Mainstay code, and its packages form no cycle.
 */
class ArchitectureTest {
    static {
        // The rules read only the names of the classes depended on: loading them (Javalin, Jetty, Kotlin...)
        // would take most of the run and check nothing more.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses CORE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mainstay.core");

    @Test
    void coreUsesNoOtherMainstayModuleExampleOrTestKit() {
        noClasses()
                .should()
                .dependOnClassesThat(
                        resideInAPackage("dev.mainstay..").and(not(resideInAPackage("dev.mainstay.core.."))))
                .because("core is the bottom of the module graph: security, persistence, the test kit and the"
                        + " examples depend on it, never the other way round")
                .check(CORE);
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.mainstay.(**)").should().beFreeOfCycles().check(CORE);
    }
}
