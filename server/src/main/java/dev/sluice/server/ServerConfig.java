package dev.sluice.server;

import dev.sluice.engine.EngineConfig;
import dev.sluice.http.HttpServerConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything a Sluice server is started with.
 *
 * @param bind the address to listen on
 * @param port the port to listen on; 0 picks a free one
 * @param dataDir the data folder (log store and master key)
 * @param advertisedUrl the base of the queue URLs handed out; empty to use each request's Host header
 * @param region the region named in queue ARNs
 * @param masterKey the master key as base64 (for example from SLUICE_MASTER_KEY); empty to use, or create, {@code
 *     <dataDir>/master.key}
 * @param maxBodyBytes the largest request body accepted
 * @param shutdownGrace how long a shutdown waits for requests in progress
 * @param queueRecreateDelay how long a deleted queue's name stays unusable (SQS: 60 s)
 * @param purgeInterval minimum time between two purges of a queue (SQS: 60 s)
 * @param ioThreads the number of HTTP event loops; 0 for one per core
 */
public record ServerConfig(
        String bind,
        int port,
        Path dataDir,
        String advertisedUrl,
        String region,
        Optional<String> masterKey,
        int maxBodyBytes,
        Duration shutdownGrace,
        Duration queueRecreateDelay,
        Duration purgeInterval,
        int ioThreads) {
    public static final int DEFAULT_PORT = 9324;

    public ServerConfig {
        Objects.requireNonNull(bind, "bind");
        Objects.requireNonNull(dataDir, "dataDir");
        Objects.requireNonNull(advertisedUrl, "advertisedUrl");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(masterKey, "masterKey");
        Objects.requireNonNull(shutdownGrace, "shutdownGrace");
        Objects.requireNonNull(queueRecreateDelay, "queueRecreateDelay");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
        if (ioThreads < 0) {
            throw new IllegalArgumentException("ioThreads must not be negative: " + ioThreads);
        }
    }

    /** SQS's defaults on 127.0.0.1:9324 with data in {@code dataDir}. */
    public static ServerConfig defaults(Path dataDir) {
        return new ServerConfig(
                "127.0.0.1",
                DEFAULT_PORT,
                dataDir,
                "",
                EngineConfig.DEFAULT_REGION,
                Optional.empty(),
                HttpServerConfig.DEFAULT_MAX_BODY_BYTES,
                Duration.ofSeconds(25),
                Duration.ofSeconds(60),
                Duration.ofSeconds(60),
                0);
    }

    public ServerConfig withBind(String address, int newPort) {
        return new ServerConfig(
                address,
                newPort,
                dataDir,
                advertisedUrl,
                region,
                masterKey,
                maxBodyBytes,
                shutdownGrace,
                queueRecreateDelay,
                purgeInterval,
                ioThreads);
    }

    public ServerConfig withAdvertisedUrl(String url) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                url,
                region,
                masterKey,
                maxBodyBytes,
                shutdownGrace,
                queueRecreateDelay,
                purgeInterval,
                ioThreads);
    }

    public ServerConfig withRegion(String newRegion) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                advertisedUrl,
                newRegion,
                masterKey,
                maxBodyBytes,
                shutdownGrace,
                queueRecreateDelay,
                purgeInterval,
                ioThreads);
    }

    public ServerConfig withMaxBodyBytes(int bytes) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                advertisedUrl,
                region,
                masterKey,
                bytes,
                shutdownGrace,
                queueRecreateDelay,
                purgeInterval,
                ioThreads);
    }

    public ServerConfig withMasterKey(String base64) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                advertisedUrl,
                region,
                Optional.of(base64),
                maxBodyBytes,
                shutdownGrace,
                queueRecreateDelay,
                purgeInterval,
                ioThreads);
    }

    /** Shorter guards for tests: recreating a deleted queue and purging again without waiting 60 s. */
    public ServerConfig withGuards(Duration recreateDelay, Duration purge) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                advertisedUrl,
                region,
                masterKey,
                maxBodyBytes,
                shutdownGrace,
                recreateDelay,
                purge,
                ioThreads);
    }

    public ServerConfig withShutdownGrace(Duration grace) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                advertisedUrl,
                region,
                masterKey,
                maxBodyBytes,
                grace,
                queueRecreateDelay,
                purgeInterval,
                ioThreads);
    }

    public ServerConfig withIoThreads(int threads) {
        return new ServerConfig(
                bind,
                port,
                dataDir,
                advertisedUrl,
                region,
                masterKey,
                maxBodyBytes,
                shutdownGrace,
                queueRecreateDelay,
                purgeInterval,
                threads);
    }
}
