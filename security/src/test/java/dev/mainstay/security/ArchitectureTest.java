package dev.mainstay.security;

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
 * The direction of dependencies in security's main code, checked on the compiled classes. Hashing
 * passwords and issuing tokens must work without an HTTP server on the classpath, so Javalin, Jetty and
 * core are used by the {@code web} package only (they are optional dependencies of this module).
 */
class ArchitectureTest {
    static {
        // The rules read only the names of the classes depended on: loading them (Javalin, Jetty, Kotlin...)
        // would take most of the run and check nothing more.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses SECURITY = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mainstay.security");

    @Test
    void onlyTheWebPackageUsesJavalinJettyOrCore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.mainstay.security.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "dev.mainstay.core..")
                .because("mainstay-security is usable alone; core and Javalin are optional and only"
                        + " dev.mainstay.security.web may need them")
                .check(SECURITY);
    }

    @Test
    void usesNoMainstayCodeButCore() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("dev.mainstay..")
                        .and(not(resideInAnyPackage("dev.mainstay.security..", "dev.mainstay.core.."))))
                .because("no library module depends on persistence, the test kit, an example or the archetype")
                .check(SECURITY);
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.mainstay.(**)").should().beFreeOfCycles().check(SECURITY);
    }
}
