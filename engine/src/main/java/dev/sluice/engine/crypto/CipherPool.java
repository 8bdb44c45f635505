package dev.sluice.engine.crypto;

import java.security.GeneralSecurityException;
import java.util.concurrent.atomic.AtomicReferenceArray;
import javax.crypto.Cipher;

/**
 * Idle AES-GCM ciphers for reuse: a {@link Cipher} is not thread-safe and {@code Cipher.getInstance} costs a provider
 * lookup, so each seal or open borrows one and re-initialises it with its key and nonce.
 *
 * <p>Fixed slots rather than a concurrent queue: borrowing and returning allocate nothing and cost a few reads and one
 * compare-and-set, where a queue allocates a node per return and counts its length by walking it. A borrower that
 * finds no idle cipher makes a new one; a cipher returned to a full pool is dropped. Threads start probing at a slot
 * picked from their id, so concurrent borrowers rarely contend for the same slot.
 */
final class CipherPool {
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final AtomicReferenceArray<Cipher> slots;
    private final int mask;

    /** Room for two idle ciphers per processor (a seal never blocks, so few are in use at once), 4 to 64. */
    CipherPool() {
        this(Integer.highestOneBit(Math.clamp(2L * Runtime.getRuntime().availableProcessors(), 4, 64)));
    }

    CipherPool(int slots) {
        if (Integer.bitCount(slots) != 1) {
            throw new IllegalArgumentException("slots must be a power of two");
        }
        this.slots = new AtomicReferenceArray<>(slots);
        this.mask = slots - 1;
    }

    Cipher borrow() {
        int start = start();
        for (int k = 0; k <= mask; k++) {
            int i = (start + k) & mask;
            Cipher cipher = slots.get(i);
            if (cipher != null && slots.compareAndSet(i, cipher, null)) {
                return cipher;
            }
        }
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new CryptoException("AES/GCM is required by the Java platform", e);
        }
    }

    /** Returns a cipher that finished cleanly (callers drop a failed one: its state is unknown). */
    void release(Cipher cipher) {
        int start = start();
        for (int k = 0; k <= mask; k++) {
            int i = (start + k) & mask;
            if (slots.get(i) == null && slots.compareAndSet(i, null, cipher)) {
                return;
            }
        }
    }

    private static int start() {
        return (int) Thread.currentThread().threadId();
    }
}
