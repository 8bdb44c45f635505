package dev.sluice.engine.crypto;

import java.security.SecureRandom;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The 96-bit AES-GCM nonces of one {@link PayloadSealer}: a uniformly random starting point drawn once, then one more
 * for every seal.
 *
 * <p>Why this is sound. GCM needs a (key, nonce) pair never to repeat; it does not need nonces to be unpredictable
 * (NIST SP 800-38D §8.2; TLS 1.3 uses record sequence numbers). Within one sequence the nonce is a 32-bit random prefix
 * and a 64-bit counter that starts at a random value and wraps only after 2^64 seals, so it never repeats. Every
 * sealer (each start of the server, each node sharing a database and its data keys) starts at its own random 96-bit
 * point; two sequences that issue n1 and n2 nonces collide only if their ranges overlap (same prefix, overlapping
 * counters), with probability below (n1 + n2) / 2^96. Over P sealers and N seals in all under one data key, the chance
 * of any repeat is therefore below (P - 1) * N / 2^96, against about N^2 / 2^97 for independent random nonces: never
 * weaker once sealers issue more than two nonces each on average. Adjacent nonces cannot share a GCM counter block
 * either: GCM counts blocks in the 32 bits after the 96-bit nonce.
 *
 * <p>Why not a SecureRandom per seal: the default (NativePRNG) takes a global lock and mixes SHA1PRNG output with
 * /dev/urandom bytes on every call, and DRBG was slower still in a single-threaded micro-measurement (about 170 ns and
 * 440 ns per 12 bytes); one atomic increment needs no lock and no per-request state, which matters because every
 * request runs on its own virtual thread (a ThreadLocal generator would be one generator per request).
 */
final class NonceSequence {
    static final int BYTES = 12;

    private final int prefix;
    private final AtomicLong counter;

    NonceSequence(SecureRandom random) {
        this.prefix = random.nextInt();
        this.counter = new AtomicLong(random.nextLong());
    }

    /** Writes the next nonce, big-endian, into {@code out[offset .. offset + 12)}. */
    void next(byte[] out, int offset) {
        long n = counter.getAndIncrement();
        putInt(out, offset, prefix);
        putInt(out, offset + 4, (int) (n >>> 32));
        putInt(out, offset + 8, (int) n);
    }

    private static void putInt(byte[] out, int offset, int v) {
        out[offset] = (byte) (v >>> 24);
        out[offset + 1] = (byte) (v >>> 16);
        out[offset + 2] = (byte) (v >>> 8);
        out[offset + 3] = (byte) v;
    }
}
