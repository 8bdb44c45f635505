package dev.sluice.engine;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The engine's dependency rules (STYLE §3): SQS semantics only, over the store contract. */
class EngineDependencyRulesTest {
    private final JavaClasses engine = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_JARS)
            .importPackages("dev.sluice.engine");

    @Test
    void engineSeesNoWireProtocolNettyJdbcOrStoreInternals() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "dev.sluice.protocol..",
                        "dev.sluice.http..",
                        "dev.sluice.server..",
                        "dev.sluice.store.log..",
                        "io.netty..",
                        "java.sql..")
                .check(engine);
    }

    /** Jackson only parses attribute JSON documents (RedrivePolicy, RedriveAllowPolicy, Policy). */
    @Test
    void jacksonIsConfinedToAttributeDocuments() {
        noClasses()
                .that()
                .doNotHaveSimpleName("RedrivePolicy")
                .and()
                .doNotHaveSimpleName("RedriveAllowPolicy")
                .and()
                .doNotHaveSimpleName("QueueAttributes")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("com.fasterxml..")
                .check(engine);
    }

    @Test
    void engineDoesNotReadTheSystemClock() {
        noClasses()
                .should()
                .callMethod(java.time.Instant.class, "now")
                .orShould()
                .callMethod(System.class, "currentTimeMillis")
                .check(engine);
    }
}
