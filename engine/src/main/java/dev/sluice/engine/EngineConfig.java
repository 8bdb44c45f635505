package dev.sluice.engine;

import java.time.Duration;
import java.util.Objects;

/**
 * The engine's settings, fixed at start.
 *
 * @param region the region named in queue ARNs ({@code us-east-1} by default)
 * @param masterKey the 32-byte AES master key that wraps the per-queue data keys (SSE-SQS)
 * @param queueRecreateDelay how long after DeleteQueue a name stays unusable (SQS: 60 s; zero disables the guard)
 * @param purgeInterval minimum time between two purges of one queue (SQS: 60 s; zero disables the guard)
 * @param maxInFlightPerQueue standard-queue in-flight limit (SQS: 120,000)
 */
public record EngineConfig(
        String region, byte[] masterKey, Duration queueRecreateDelay, Duration purgeInterval, int maxInFlightPerQueue) {
    public static final String DEFAULT_REGION = "us-east-1";
    public static final String DEFAULT_ACCOUNT = "000000000000";

    public EngineConfig {
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(masterKey, "masterKey");
        if (masterKey.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes (AES-256)");
        }
        Objects.requireNonNull(queueRecreateDelay, "queueRecreateDelay");
        Objects.requireNonNull(purgeInterval, "purgeInterval");
    }

    /** SQS's defaults with the given master key. */
    public static EngineConfig defaults(byte[] masterKey) {
        return new EngineConfig(DEFAULT_REGION, masterKey, Duration.ofSeconds(60), Duration.ofSeconds(60), 120_000);
    }
}
