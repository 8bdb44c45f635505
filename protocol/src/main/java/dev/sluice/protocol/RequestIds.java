package dev.sluice.protocol;

import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Request ids: random version-4 UUIDs. They must be unique, not unpredictable, so they come from a thread-local
 * generator instead of {@link UUID#randomUUID()}'s shared SecureRandom, which threads contend on at high rates.
 */
final class RequestIds {
    private RequestIds() {}

    static String next() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        long high = (random.nextLong() & ~0xF000L) | 0x4000L;
        long low = (random.nextLong() & ~(0xC000L << 48)) | (0x8000L << 48);
        return new UUID(high, low).toString();
    }
}
