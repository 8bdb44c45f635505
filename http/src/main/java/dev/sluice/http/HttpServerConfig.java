package dev.sluice.http;

import io.netty.handler.ssl.SslContext;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The HTTP server's settings, fixed at start.
 *
 * @param host the address to bind ({@code 127.0.0.1}, {@code 0.0.0.0}, ...)
 * @param port the port to bind; 0 picks a free one
 * @param maxBodyBytes the largest request body accepted; larger ones get the SQS error RequestEntityTooLarge (413).
 *     SQS accepts 1 MiB messages, and form or base64 encoding can triple that, so the default is 4 MiB
 * @param maxInitialLineLength the longest request line (a Query GET carries its parameters there)
 * @param maxHeaderSize the largest header block
 * @param requestTimeout how long a request may take to arrive once its first byte has (slow or stalled clients)
 * @param idleTimeout how long a kept-alive connection may wait for its next request
 * @param shutdownGrace how long a graceful shutdown waits for requests in progress
 * @param ssl the TLS context when the server speaks HTTPS; empty for plain HTTP
 * @param ioThreads the number of event-loop threads; 0 for Netty's own default (twice the cores, or the
 *     {@code io.netty.eventLoopThreads} system property)
 */
public record HttpServerConfig(
        String host,
        int port,
        int maxBodyBytes,
        int maxInitialLineLength,
        int maxHeaderSize,
        Duration requestTimeout,
        Duration idleTimeout,
        Duration shutdownGrace,
        Optional<SslContext> ssl,
        int ioThreads) {
    public static final int DEFAULT_MAX_BODY_BYTES = 4 * 1024 * 1024;

    public HttpServerConfig {
        Objects.requireNonNull(host, "host");
        if (port < 0 || port > 65_535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        if (maxBodyBytes <= 0 || maxInitialLineLength <= 0 || maxHeaderSize <= 0) {
            throw new IllegalArgumentException("limits must be positive");
        }
        Objects.requireNonNull(requestTimeout, "requestTimeout");
        Objects.requireNonNull(idleTimeout, "idleTimeout");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(ssl, "ssl");
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must not be negative: " + ioThreads);
        }
    }

    /**
     * Plain HTTP on {@code host:port} with the default limits and timeouts, and one event loop per core.
     *
     * <p>Why one per core rather than Netty's two: the event loops here only move bytes and decode HTTP; every
     * request's work runs on a virtual thread, whose carriers are already one per core. Event loops beyond the core
     * count add runnable threads that compete with those carriers for the same cores and each wake up, poll and
     * write for fewer connections, so the kernel time per request grows; fewer loops serve more ready connections
     * per wake-up. Netty's default suits loops that also run handler work.
     */
    public static HttpServerConfig defaults(String host, int port) {
        return new HttpServerConfig(
                host,
                port,
                DEFAULT_MAX_BODY_BYTES,
                256 * 1024,
                64 * 1024,
                Duration.ofSeconds(60),
                Duration.ofMinutes(5),
                Duration.ofSeconds(25),
                Optional.empty(),
                Runtime.getRuntime().availableProcessors());
    }

    public HttpServerConfig withMaxBodyBytes(int bytes) {
        return new HttpServerConfig(
                host,
                port,
                bytes,
                maxInitialLineLength,
                maxHeaderSize,
                requestTimeout,
                idleTimeout,
                shutdownGrace,
                ssl,
                ioThreads);
    }

    public HttpServerConfig withTimeouts(Duration request, Duration idle, Duration grace) {
        return new HttpServerConfig(
                host, port, maxBodyBytes, maxInitialLineLength, maxHeaderSize, request, idle, grace, ssl, ioThreads);
    }

    public HttpServerConfig withSsl(SslContext context) {
        return new HttpServerConfig(
                host,
                port,
                maxBodyBytes,
                maxInitialLineLength,
                maxHeaderSize,
                requestTimeout,
                idleTimeout,
                shutdownGrace,
                Optional.of(context),
                ioThreads);
    }

    /** The same settings with {@code threads} event loops (0: Netty's default). */
    public HttpServerConfig withIoThreads(int threads) {
        return new HttpServerConfig(
                host,
                port,
                maxBodyBytes,
                maxInitialLineLength,
                maxHeaderSize,
                requestTimeout,
                idleTimeout,
                shutdownGrace,
                ssl,
                threads);
    }
}
