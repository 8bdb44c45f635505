package dev.sluice.it;

import dev.sluice.server.ServerConfig;
import dev.sluice.server.SluiceServer;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts one real Sluice per test class (in-process, port 0, a fresh data folder) and hands out SDK drivers connected
 * to it. With {@code -Dsluice.it.endpoint=http://host:port} the tests run against that server instead (useful to
 * compare with a peer implementation).
 */
public final class SluiceExtension implements BeforeAllCallback, AfterAllCallback {
    private static final AtomicInteger QUEUE_COUNTER = new AtomicInteger();

    private final ReentrantLock lock = new ReentrantLock(); // guards drivers
    private final Map<Sdk, SqsDriver> drivers = new EnumMap<>(Sdk.class);
    private Path dataDir;
    private SluiceServer server;
    private URI endpoint;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (endpoint != null) {
            return;
        }
        String external = System.getProperty("sluice.it.endpoint", "");
        if (!external.isBlank()) {
            endpoint = URI.create(external);
            return;
        }
        dataDir = Files.createTempDirectory("sluice-it-");
        server = SluiceServer.start(
                ServerConfig.defaults(dataDir).withBind("127.0.0.1", 0).withShutdownGrace(Duration.ofSeconds(2)));
        endpoint = URI.create("http://127.0.0.1:" + server.port());
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        lock.lock();
        try {
            drivers.values().forEach(SqsDriver::close);
            drivers.clear();
        } finally {
            lock.unlock();
        }
        if (server != null) {
            server.close();
            server = null;
        }
        if (dataDir != null) {
            deleteRecursively(dataDir);
            dataDir = null;
        }
        endpoint = null;
    }

    /** The base URL of the server under test, e.g. {@code http://127.0.0.1:40123}. */
    public URI endpoint() {
        return endpoint;
    }

    /** A client of the server under test through the given SDK (one per SDK and class, closed after the class). */
    public SqsDriver driver(Sdk sdk) {
        lock.lock();
        try {
            return drivers.computeIfAbsent(sdk, s -> s.open(endpoint));
        } finally {
            lock.unlock();
        }
    }

    /** A queue name no other test uses (queue names may not be reused within 60 s of a delete). */
    public static String uniqueQueueName(String prefix) {
        return prefix + "-" + QUEUE_COUNTER.incrementAndGet() + "-"
                + UUID.randomUUID().toString().substring(0, 8);
    }

    static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (var paths = Files.walk(root)) {
            for (var p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
