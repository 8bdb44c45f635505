package dev.sluice.protocol;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** The protocol layer's boundaries (ARCHITECTURE.md): no Netty, and actions never see a wire codec. */
class ProtocolArchitectureTest {
    /** The module's main classes only (imported from their folder: scanning the class path is slow). */
    private static final JavaClasses CLASSES = new ClassFileImporter().importPath(mainClasses());

    private static Path mainClasses() {
        try {
            return Path.of(SqsEndpoint.class
                    .getProtectionDomain()
                    .getCodeSource()
                    .getLocation()
                    .toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theProtocolLayerNeverSeesNetty() {
        noClasses()
                .should()
                .dependOnClassesThat()
                .resideInAPackage("io.netty..")
                .check(CLASSES);
    }

    @Test
    void actionsDoNotKnowWhichWireProtocolCarriedThem() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.protocol.action..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("dev.sluice.protocol.wire..", "dev.sluice.protocol.model..")
                .check(CLASSES);
    }

    @Test
    void codecsDoNotCallTheEngineOrTheStore() {
        noClasses()
                .that()
                .resideInAPackage("dev.sluice.protocol.wire..")
                .should()
                .dependOnClassesThat()
                .haveFullyQualifiedName("dev.sluice.engine.QueueEngine")
                .orShould()
                .dependOnClassesThat()
                .resideInAPackage("dev.sluice.store..")
                .check(CLASSES);
    }
}
