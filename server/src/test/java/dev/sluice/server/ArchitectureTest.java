package dev.sluice.server;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;

/** Dependencies point one way: server → http → protocol → engine → store-api ← store-log (ARCHITECTURE.md). */
@AnalyzeClasses(packages = "dev.sluice", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** The engine is plain Java over the store contract; Jackson is allowed for parsing attribute JSON documents. */
    @ArchTest
    static final ArchRule engineSeesNoWireNetworkSqlOrStoreInternals = noClasses()
            .that()
            .resideInAPackage("dev.sluice.engine..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage(
                    "dev.sluice.protocol..",
                    "dev.sluice.http..",
                    "dev.sluice.server..",
                    "io.netty..",
                    "java.sql..",
                    "javax.sql..",
                    "dev.sluice.store.log..");

    @ArchTest
    static final ArchRule protocolSeesNoNettyAndNoStoreInternals = noClasses()
            .that()
            .resideInAPackage("dev.sluice.protocol..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("io.netty..", "dev.sluice.http..", "dev.sluice.server..", "dev.sluice.store.log..");

    /** Jackson only parses the JSON documents inside attribute values (RedrivePolicy, RedriveAllowPolicy, Policy). */
    @ArchTest
    static final ArchRule engineUsesJacksonOnlyForAttributeDocuments = noClasses()
            .that()
            .resideInAPackage("dev.sluice.engine..")
            .and()
            .doNotHaveSimpleName("RedrivePolicy")
            .and()
            .doNotHaveSimpleName("RedriveAllowPolicy")
            .and()
            .doNotHaveSimpleName("QueueAttributes")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("com.fasterxml..");

    /** Time is an injected InstantSource; only the wiring reads the system clock. */
    @ArchTest
    static final ArchRule engineAndStoreDoNotReadTheSystemClock = noClasses()
            .that()
            .resideInAnyPackage("dev.sluice.engine..", "dev.sluice.store..")
            .should()
            .callMethod(java.time.Instant.class, "now")
            .orShould()
            .callMethod(System.class, "currentTimeMillis");

    /** An action never sees which wire protocol carried it, nor the service model that drives the codecs. */
    @ArchTest
    static final ArchRule actionsSeeNoCodec = noClasses()
            .that()
            .resideInAPackage("dev.sluice.protocol.action..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.sluice.protocol.wire..", "dev.sluice.protocol.model..");

    /** Codecs translate; they never call the engine or touch the store. */
    @ArchTest
    static final ArchRule codecsDoNotCallTheEngineOrTheStore = noClasses()
            .that()
            .resideInAPackage("dev.sluice.protocol.wire..")
            .should()
            .dependOnClassesThat()
            .haveFullyQualifiedName("dev.sluice.engine.QueueEngine")
            .orShould()
            .dependOnClassesThat()
            .resideInAPackage("dev.sluice.store..");

    @ArchTest
    static final ArchRule onlyTheServerNamesTheLogStore = noClasses()
            .that()
            .resideOutsideOfPackages("dev.sluice.server..", "dev.sluice.store.log..")
            .should()
            .dependOnClassesThat()
            .resideInAPackage("dev.sluice.store.log..");

    @ArchTest
    static final ArchRule httpSeesNoStore = noClasses()
            .that()
            .resideInAPackage("dev.sluice.http..")
            .should()
            .dependOnClassesThat()
            .resideInAnyPackage("dev.sluice.store..", "dev.sluice.server..");
}
