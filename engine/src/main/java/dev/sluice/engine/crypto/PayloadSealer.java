package dev.sluice.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Seals message payloads before they reach the store, and opens them again.
 *
 * <p>Format: a sealed payload is {@code 0x01 ‖ len(keyId) ‖ keyId ‖ nonce(12) ‖ AES-256-GCM(payload)}, with the header
 * and the message id as associated data, so a payload cannot be moved to another message unnoticed; the key id in the
 * header makes the payload readable wherever it moves (a dead-letter queue has other keys). An unsealed payload (queue
 * with {@code SqsManagedSseEnabled=false}) is {@code 0x00 ‖ payload}: still tagged, so both kinds read back.
 *
 * <p>Nonces come from a {@link NonceSequence} (see there why they never repeat under a data key); ciphers are reused
 * through a {@link CipherPool}.
 */
public final class PayloadSealer {
    private static final byte PLAIN = 0;
    private static final byte SEALED = 1;
    private static final int NONCE_BYTES = NonceSequence.BYTES;
    private static final int TAG_BITS = 128;

    private final DataKeys keys;
    private final NonceSequence nonces;
    private final CipherPool pool = new CipherPool();

    /** {@code random} seeds this sealer's nonce sequence (it is read once, here). */
    public PayloadSealer(DataKeys keys, SecureRandom random) {
        this.keys = keys;
        this.nonces = new NonceSequence(random);
    }

    /** Seals {@code payload} under data key {@code keyId}, or only tags it when {@code keyId} is null or empty. */
    public byte[] seal(String keyId, String messageId, byte[] payload) {
        return seal(keyId, messageId, Plaintext.of(payload));
    }

    /** {@link #seal(String, String, byte[])} for a payload written into the output buffer and encrypted there. */
    public byte[] seal(String keyId, String messageId, Plaintext payload) {
        int length = payload.length();
        if (keyId == null || keyId.isEmpty()) {
            byte[] out = new byte[length + 1];
            out[0] = PLAIN;
            payload.writeTo(out, 1);
            return out;
        }
        byte[] id = keyId.getBytes(StandardCharsets.US_ASCII);
        if (id.length > 255) {
            throw new CryptoException("data key id too long");
        }
        int headerLength = 2 + id.length;
        int textOffset = headerLength + NONCE_BYTES;
        byte[] out = new byte[textOffset + length + TAG_BITS / 8];
        out[0] = SEALED;
        out[1] = (byte) id.length;
        System.arraycopy(id, 0, out, 2, id.length);
        nonces.next(out, headerLength);
        payload.writeTo(out, textOffset);
        Cipher cipher = pool.borrow();
        try {
            cipher.init(
                    Cipher.ENCRYPT_MODE,
                    keys.get(keyId),
                    new GCMParameterSpec(TAG_BITS, out, headerLength, NONCE_BYTES));
            cipher.updateAAD(out, 0, headerLength);
            cipher.updateAAD(messageId.getBytes(StandardCharsets.UTF_8));
            // in place: the cipher text replaces the plain text at the same offset, the tag follows it
            cipher.doFinal(out, textOffset, length, out, textOffset);
            pool.release(cipher);
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot seal a payload", e);
        }
    }

    /** Opens a payload made by {@link #seal}; {@link CryptoException} when it was altered or its key is unknown. */
    public byte[] open(String messageId, byte[] stored) {
        if (stored.length == 0) {
            throw new CryptoException("empty payload");
        }
        if (stored[0] == PLAIN) {
            byte[] out = new byte[stored.length - 1];
            System.arraycopy(stored, 1, out, 0, out.length);
            return out;
        }
        if (stored[0] != SEALED || stored.length < 2) {
            throw new CryptoException("payload has an unknown format " + stored[0]);
        }
        int idLength = stored[1] & 0xFF;
        int headerLength = 2 + idLength;
        if (stored.length < headerLength + NONCE_BYTES + TAG_BITS / 8) {
            throw new CryptoException("payload is truncated");
        }
        String keyId = new String(stored, 2, idLength, StandardCharsets.US_ASCII);
        Cipher cipher = pool.borrow();
        try {
            cipher.init(
                    Cipher.DECRYPT_MODE,
                    keys.get(keyId),
                    new GCMParameterSpec(TAG_BITS, stored, headerLength, NONCE_BYTES));
            cipher.updateAAD(stored, 0, headerLength);
            cipher.updateAAD(messageId.getBytes(StandardCharsets.UTF_8));
            int offset = headerLength + NONCE_BYTES;
            byte[] plain = cipher.doFinal(stored, offset, stored.length - offset);
            pool.release(cipher);
            return plain;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot open the payload of message " + messageId, e);
        }
    }

    /** Whether a stored payload is sealed (for tests and diagnostics). */
    public static boolean isSealed(byte[] stored) {
        return stored.length > 0 && stored[0] == SEALED;
    }
}
