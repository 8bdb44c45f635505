package dev.sluice.engine;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The digests SQS returns and SDKs verify (REFERENCE §5): MD5 of the body, MD5 of a set of message attributes, and
 * the SHA-256 content-based deduplication id (§7.2). All lower-case hex.
 */
public final class Md5Digests {
    private static final HexFormat HEX = HexFormat.of();
    private static final byte STRING_TRANSPORT = 1;
    private static final byte BINARY_TRANSPORT = 2;
    // Cloning a prototype is much cheaper than a provider lookup per call.
    private static final MessageDigest MD5 = digest("MD5");
    private static final MessageDigest SHA256 = digest("SHA-256");

    private Md5Digests() {}

    /** {@code hex(md5(utf8(body)))}. */
    public static String ofBody(String body) {
        return ofBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@code hex(md5(utf8Body))}, for a body already encoded. */
    public static String ofBody(byte[] utf8Body) {
        return HEX.formatHex(copy(MD5).digest(utf8Body));
    }

    /** {@code hex(md5(utf8Body))}, for a body held in a buffer (its remaining bytes; the buffer is consumed). */
    public static String ofBody(ByteBuffer utf8Body) {
        MessageDigest md = copy(MD5);
        md.update(utf8Body);
        return HEX.formatHex(md.digest());
    }

    /**
     * The attribute digest of §5.2 over exactly {@code attributes}, or {@code null} when the map is null or empty (the
     * member is then omitted).
     */
    public static String ofAttributes(Map<String, MessageAttributeValue> attributes) {
        if (attributes == null || attributes.isEmpty()) {
            return null;
        }
        MessageDigest md = copy(MD5);
        for (Map.Entry<String, MessageAttributeValue> e : new TreeMap<>(attributes).entrySet()) {
            MessageAttributeValue value = e.getValue();
            putLengthAndBytes(md, e.getKey().getBytes(StandardCharsets.UTF_8));
            putLengthAndBytes(md, value.dataType().getBytes(StandardCharsets.UTF_8));
            if (value.stringValue() != null) {
                md.update(STRING_TRANSPORT);
                putLengthAndBytes(md, value.stringValue().getBytes(StandardCharsets.UTF_8));
            } else {
                md.update(BINARY_TRANSPORT);
                putLengthAndBytes(md, value.binaryValue() == null ? new byte[0] : value.binaryValue());
            }
        }
        return HEX.formatHex(md.digest());
    }

    /** Content-based deduplication id: lower-case hex SHA-256 of the UTF-8 body. */
    public static String sha256OfBody(String body) {
        return sha256OfBody(body.getBytes(StandardCharsets.UTF_8));
    }

    /** {@link #sha256OfBody(String)} for a body already encoded. */
    public static String sha256OfBody(byte[] utf8Body) {
        return HEX.formatHex(copy(SHA256).digest(utf8Body));
    }

    private static void putLengthAndBytes(MessageDigest md, byte[] bytes) {
        int n = bytes.length;
        md.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
        md.update(bytes);
    }

    private static MessageDigest copy(MessageDigest prototype) {
        try {
            return (MessageDigest) prototype.clone();
        } catch (CloneNotSupportedException e) {
            return digest(prototype.getAlgorithm());
        }
    }

    private static MessageDigest digest(String algorithm) {
        try {
            return MessageDigest.getInstance(algorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(algorithm + " is required by the Java platform", e);
        }
    }
}
