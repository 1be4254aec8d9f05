package dev.mainstay.test;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.ArchConfiguration;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The direction of dependencies in the test kit's main code, checked on the compiled classes. Persistence
 * tests itself with the kit, so the kit must not use persistence: its database isolation talks plain JDBC.
 */
class ArchitectureTest {
    static {
        // The rules read only the names of the classes depended on: loading them (Javalin, Jetty, Kotlin...)
        // would take most of the run and check nothing more.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses KIT = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mainstay.test");

    @Test
    void kitDoesNotUsePersistence() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mainstay.persistence..")
                .because("mainstay-persistence has the kit as a test dependency; the other way round is a cycle")
                .check(KIT);
    }

    @Test
    void usesNoMainstayCodeButCoreAndSecurity() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("dev.mainstay..")
                        .and(not(resideInAnyPackage(
                                "dev.mainstay.test..", "dev.mainstay.core..", "dev.mainstay.security.."))))
                .because("the kit depends on the modules it boots, never on an example or the archetype")
                .check(KIT);
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.mainstay.(**)").should().beFreeOfCycles().check(KIT);
    }
}
