package dev.sluice.engine.crypto;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * The server's 32-byte master key: it wraps per-queue data keys with AES-256-GCM (the key id is authenticated, so a
 * wrapped key cannot be swapped under another id) and derives purpose-bound secrets such as the receipt-handle MAC key.
 */
public final class MasterKey {
    private static final byte WRAP_VERSION = 1;
    private static final int NONCE_BYTES = 12;
    private static final int TAG_BITS = 128;

    private final SecretKey key;
    private final SecureRandom random;

    public MasterKey(byte[] keyBytes, SecureRandom random) {
        if (keyBytes.length != 32) {
            throw new IllegalArgumentException("the master key must be 32 bytes");
        }
        this.key = new SecretKeySpec(keyBytes.clone(), "AES");
        this.random = random;
    }

    /** {@code version ‖ nonce ‖ AES-GCM(dataKey)} with the key id as associated data. */
    public byte[] wrap(String keyId, byte[] dataKey) {
        byte[] nonce = new byte[NONCE_BYTES];
        random.nextBytes(nonce);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
            cipher.updateAAD(aad(keyId));
            byte[] sealed = cipher.doFinal(dataKey);
            byte[] out = new byte[1 + NONCE_BYTES + sealed.length];
            out[0] = WRAP_VERSION;
            System.arraycopy(nonce, 0, out, 1, NONCE_BYTES);
            System.arraycopy(sealed, 0, out, 1 + NONCE_BYTES, sealed.length);
            return out;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot wrap data key " + keyId, e);
        }
    }

    /** Reverses {@link #wrap}; fails when the bytes, the key id or the master key do not match. */
    public SecretKey unwrap(String keyId, byte[] wrapped) {
        if (wrapped.length < 1 + NONCE_BYTES + TAG_BITS / 8 || wrapped[0] != WRAP_VERSION) {
            throw new CryptoException("wrapped data key " + keyId + " has an unknown format");
        }
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, wrapped, 1, NONCE_BYTES));
            cipher.updateAAD(aad(keyId));
            byte[] raw = cipher.doFinal(wrapped, 1 + NONCE_BYTES, wrapped.length - 1 - NONCE_BYTES);
            return new SecretKeySpec(raw, "AES");
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot unwrap data key " + keyId + " (wrong master key or damaged)", e);
        }
    }

    /** A 32-byte secret for one purpose: HMAC-SHA256(master key, purpose). */
    public byte[] derive(String purpose) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.getEncoded(), "HmacSHA256"));
            return mac.doFinal(purpose.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new CryptoException("cannot derive a key for " + purpose, e);
        }
    }

    private static byte[] aad(String keyId) {
        return ("sluice-data-key:" + keyId).getBytes(StandardCharsets.UTF_8);
    }
}
