package dev.sluice.engine;

import dev.sluice.store.QueueId;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes and checks receipt handles. A handle is base64url of {@code version ‖ incarnation ‖ sequence ‖ receiveCount ‖
 * receivedAt(ms) ‖ MAC}, where MAC is the first 16 bytes of HMAC-SHA256 over the queue's account and name and the
 * preceding bytes, keyed from the master key. Handles are therefore opaque, cannot be forged or guessed, and a handle
 * presented to another queue fails the MAC (60 characters, well under SQS's 1,024).
 */
public final class ReceiptHandles {
    private static final byte VERSION = 1;
    private static final int BODY_BYTES = 1 + 8 + 8 + 4 + 8;
    private static final int MAC_BYTES = 16;
    private static final int MAX_ENCODED = 1024;

    private final Mac prototype;

    public ReceiptHandles(byte[] macSecret) {
        try {
            this.prototype = Mac.getInstance("HmacSHA256");
            prototype.init(new SecretKeySpec(macSecret.clone(), "HmacSHA256"));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    public String encode(QueueId queue, ReceiptHandle handle) {
        ByteBuffer buf = ByteBuffer.allocate(BODY_BYTES + MAC_BYTES);
        buf.put(VERSION)
                .putLong(handle.incarnation())
                .putLong(handle.sequence())
                .putInt(handle.receiveCount())
                .putLong(handle.receivedAt().toEpochMilli());
        buf.put(mac(queue, buf.array()), 0, MAC_BYTES);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(buf.array());
    }

    /**
     * Decodes a handle presented for {@code queue}.
     *
     * @throws SqsException ReceiptHandleIsInvalid when it is not a handle this server made for this queue
     */
    public ReceiptHandle decode(QueueId queue, String encoded) {
        if (encoded == null || encoded.isEmpty()) {
            throw SqsException.missingParameter("ReceiptHandle");
        }
        if (encoded.length() > MAX_ENCODED) {
            throw invalid(encoded);
        }
        byte[] bytes;
        try {
            bytes = Base64.getUrlDecoder().decode(encoded);
        } catch (IllegalArgumentException e) {
            throw invalid(encoded);
        }
        if (bytes.length != BODY_BYTES + MAC_BYTES || bytes[0] != VERSION) {
            throw invalid(encoded);
        }
        byte[] expected = mac(queue, bytes);
        if (!MessageDigest.isEqual(
                Arrays.copyOf(expected, MAC_BYTES), Arrays.copyOfRange(bytes, BODY_BYTES, BODY_BYTES + MAC_BYTES))) {
            throw invalid(encoded);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes, 1, BODY_BYTES - 1);
        return new ReceiptHandle(buf.getLong(), buf.getLong(), buf.getInt(), Instant.ofEpochMilli(buf.getLong()));
    }

    static SqsException invalid(String encoded) {
        return new SqsException(
                ErrorCode.RECEIPT_HANDLE_IS_INVALID,
                "The input receipt handle \"" + encoded + "\" is not a valid receipt handle.");
    }

    private byte[] mac(QueueId queue, byte[] bytes) {
        try {
            // A clone of the keyed prototype: no provider lookup or key setup per handle.
            Mac mac = (Mac) prototype.clone();
            mac.update(queue.account().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(queue.name().getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(bytes, 0, BODY_BYTES);
            return mac.doFinal();
        } catch (CloneNotSupportedException e) {
            throw new IllegalStateException("HmacSHA256 must be cloneable", e);
        }
    }
}
