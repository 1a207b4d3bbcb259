package nl.doelbinding.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The module boundaries of architecture.md, enforced. */
class ArchitectureTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("nl.doelbinding.engine");

    @Test
    void theEngineKnowsNoTransportIdentityOrStorage() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("org.apache.camel..", "org.eclipse.jetty..",
                        "org.keycloak..", "jakarta.servlet..", "javax.servlet..", "java.sql..", "javax.sql..",
                        "com.zaxxer..", "org.flywaydb..", "nl.doelbinding.server..", "nl.doelbinding.routes..")
                .check(ENGINE);
    }

    @Test
    void droolsIsConfinedToOnePackage() {
        noClasses().that().resideOutsideOfPackage("nl.doelbinding.engine.drools..")
                .should().dependOnClassesThat().resideInAnyPackage("org.drools..", "org.kie..", "org.mvel2..")
                .check(ENGINE);
    }

    @Test
    void theDomainModelDependsOnNothingButTheJdk() {
        noClasses().that().resideInAPackage("nl.doelbinding.engine.model..")
                .should().dependOnClassesThat().resideOutsideOfPackages("nl.doelbinding.engine.model..", "java..")
                .check(ENGINE);
    }
}
