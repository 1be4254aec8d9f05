package dev.mainstay.persistence;

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
 * The direction of dependencies in persistence's main code, checked on the compiled classes. A
 * {@code Database} must work without an HTTP server on the classpath, so Javalin, Jetty and core are used
 * by the {@code web} package only, and security by the {@code security} package only (all three are
 * optional dependencies of this module).
 */
class ArchitectureTest {
    static {
        // The rules read only the names of the classes depended on: loading them (Javalin, Jetty, Kotlin...)
        // would take most of the run and check nothing more.
        ArchConfiguration.get().setResolveMissingDependenciesFromClassPath(false);
    }

    private static final JavaClasses PERSISTENCE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.mainstay.persistence");

    @Test
    void onlyTheWebPackageUsesJavalinJettyOrCore() {
        noClasses()
                .that()
                .resideOutsideOfPackage("dev.mainstay.persistence.web..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("io.javalin..", "org.eclipse.jetty..", "dev.mainstay.core..")
                .because("mainstay-persistence is usable alone; core and Javalin are optional and only"
                        + " dev.mainstay.persistence.web may need them")
                .check(PERSISTENCE);
    }

    @Test
    void onlyTheSecurityAndWebPackagesUseSecurity() {
        noClasses()
                .that()
                .resideOutsideOfPackages("dev.mainstay.persistence.security..", "dev.mainstay.persistence.web..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("dev.mainstay.security..")
                .because("mainstay-security is optional: only the database stores need it, and the web package"
                        + " that picks a store from security.throttle.store")
                .check(PERSISTENCE);
    }

    @Test
    void usesNoMainstayCodeButCoreAndSecurity() {
        noClasses()
                .should()
                .dependOnClassesThat(resideInAPackage("dev.mainstay..")
                        .and(not(resideInAnyPackage(
                                "dev.mainstay.persistence..", "dev.mainstay.core..", "dev.mainstay.security.."))))
                .because("no library module depends on the test kit, an example or the archetype")
                .check(PERSISTENCE);
    }

    @Test
    void packagesDependOnEachOtherWithoutCycles() {
        slices().matching("dev.mainstay.(**)").should().beFreeOfCycles().check(PERSISTENCE);
    }
}
