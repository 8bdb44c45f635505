package dev.sluice.server;

import dev.sluice.engine.EngineConfig;
import dev.sluice.engine.QueueEngine;
import dev.sluice.http.ApiEndpoint;
import dev.sluice.http.HttpServer;
import dev.sluice.http.HttpServerConfig;
import dev.sluice.protocol.ProtocolConfig;
import dev.sluice.protocol.SqsEndpoint;
import dev.sluice.protocol.model.ServiceModel;
import dev.sluice.store.QueueStore;
import dev.sluice.store.log.LogQueueStore;
import dev.sluice.store.log.LogStoreOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.InstantSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds a running Sluice from its configuration: the only place that names concrete classes (the log store, the
 * system clock) and the one place that reads the system clock.
 *
 * <p>Start order: the store (which locks the data folder, so a second Sluice on it fails here, before anything else
 * happens), the master key, the engine, the SQS endpoint, the HTTP server; ready only once all are up. A failure
 * closes what was already opened.
 */
final class Wiring {
    private static final Logger log = LoggerFactory.getLogger(Wiring.class);

    private Wiring() {}

    static SluiceServer start(ServerConfig config) {
        String version = Version.current();
        // Loading the native transport and the service model takes about a second; do it while the store recovers.
        Thread.ofPlatform().name("sluice-warm-up").daemon().start(() -> {
            HttpServer.warmUp();
            ServiceModel.sqs();
        });
        try {
            Files.createDirectories(config.dataDir());
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "Cannot create the data folder " + config.dataDir() + ": " + e.getMessage(), e);
        }
        QueueStore store = LogQueueStore.open(config.dataDir(), LogStoreOptions.defaults());
        QueueEngine engine = null;
        try {
            byte[] masterKey = MasterKey.load(config.dataDir(), config.masterKey());
            engine = new QueueEngine(
                    store,
                    InstantSource.system(),
                    new EngineConfig(
                            config.region(), masterKey, config.queueRecreateDelay(), config.purgeInterval(), 120_000));
            SqsEndpoint sqs = new SqsEndpoint(
                    engine, new ProtocolConfig(advertisedBase(config.advertisedUrl()), EngineConfig.DEFAULT_ACCOUNT));
            HttpServerConfig defaults = HttpServerConfig.defaults(config.bind(), config.port());
            if (config.ioThreads() > 0) {
                defaults = defaults.withIoThreads(config.ioThreads());
            }
            HttpServerConfig httpConfig = defaults.withMaxBodyBytes(config.maxBodyBytes())
                    .withTimeouts(defaults.requestTimeout(), defaults.idleTimeout(), config.shutdownGrace());
            HttpServer http = new HttpServer(httpConfig, ApiEndpoint.of(sqs)).start();
            SluiceServer server = new SluiceServer(config, version, store, engine, http);
            http.ready(true);
            log.info("Sluice {} listening on http://{}:{}", version, urlHost(config.bind()), http.port());
            return server;
        } catch (RuntimeException | Error e) {
            closeQuietly(engine);
            closeQuietly(store);
            throw e;
        }
    }

    /** An empty advertised URL means: use each request's Host header (so 0.0.0.0 is never handed out). */
    private static String advertisedBase(String url) {
        String trimmed = url.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    static String urlHost(String bind) {
        return bind.contains(":") && !bind.startsWith("[") ? "[" + bind + "]" : bind;
    }

    private static void closeQuietly(AutoCloseable resource) {
        if (resource == null) {
            return;
        }
        try {
            resource.close();
        } catch (Exception e) {
            log.debug("Ignoring a failure while closing {} after a failed start", resource, e);
        }
    }
}
