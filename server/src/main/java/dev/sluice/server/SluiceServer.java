package dev.sluice.server;

import dev.sluice.engine.QueueEngine;
import dev.sluice.http.HttpServer;
import dev.sluice.store.QueueStore;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running Sluice (store, engine, HTTP server) and its graceful shutdown. {@link #start} is how both {@code Main} and
 * tests run Sluice in-process.
 *
 * <p>Shutdown order: not ready (503) and no new connections or requests; the engine closes, which answers every
 * waiting long poll (empty); the requests in progress finish (bounded by the shutdown grace); the connections close;
 * last the store closes cleanly, so everything acknowledged is on disk and the next start recovers nothing.
 */
public final class SluiceServer implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(SluiceServer.class);

    private final ServerConfig config;
    private final String version;
    private final QueueStore store;
    private final QueueEngine engine;
    private final HttpServer http;
    private final ReentrantLock closing = new ReentrantLock(); // one close at a time; guards closed
    private final CountDownLatch closedLatch = new CountDownLatch(1);
    private boolean closed;

    SluiceServer(ServerConfig config, String version, QueueStore store, QueueEngine engine, HttpServer http) {
        this.config = config;
        this.version = version;
        this.store = store;
        this.engine = engine;
        this.http = http;
    }

    /** Starts Sluice; returns once it is ready. Fails if the data folder is in use or the port is taken. */
    public static SluiceServer start(ServerConfig config) {
        return Wiring.start(config);
    }

    public int port() {
        return http.port();
    }

    /** The URL a local client reaches this server at ({@code 127.0.0.1} when bound to every address). */
    public String url() {
        String host = config.bind().equals("0.0.0.0") || config.bind().equals("::") ? "127.0.0.1" : config.bind();
        return "http://" + Wiring.urlHost(host) + ":" + port();
    }

    public String version() {
        return version;
    }

    public QueueEngine engine() {
        return engine;
    }

    public boolean isReady() {
        return http.isReady();
    }

    /** SQS requests in progress, long polls included. */
    public int requestsInProgress() {
        return http.requestsInProgress();
    }

    /** Graceful shutdown (see the class comment); idempotent. */
    @Override
    public void close() {
        closing.lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            log.info("Sluice shutting down");
            try {
                http.stopAccepting();
                try {
                    engine.close();
                } catch (RuntimeException e) {
                    log.warn("The engine did not close cleanly: {}", e.toString());
                }
                http.close();
            } finally {
                closeStore();
            }
        } finally {
            closedLatch.countDown();
            closing.unlock();
        }
    }

    private void closeStore() {
        try {
            store.close();
            log.info("Sluice stopped; the store is closed");
        } catch (RuntimeException e) {
            log.error("The store did not close cleanly: {}", e.getMessage());
        }
    }

    /** Blocks until {@link #close} has finished. */
    public void awaitClosed() throws InterruptedException {
        closedLatch.await();
    }
}
