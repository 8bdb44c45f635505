package dev.sluice.engine;

import dev.sluice.engine.crypto.Plaintext;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Encodes a message's body, user attributes and system attributes into the bytes the engine seals and stores, and
 * back. Format (version 1): {@code 0x01 ‖ str(body) ‖ attrs(user) ‖ attrs(system)} where {@code str} is a 4-byte
 * big-endian length and UTF-8, and {@code attrs} is a 2-byte count then per attribute {@code str(name) ‖ str(type) ‖
 * kind(1: string, 2: binary) ‖ value}.
 */
public final class PayloadCodec {
    private static final byte VERSION = 1;
    private static final byte STRING = 1;
    private static final byte BINARY = 2;

    private PayloadCodec() {}

    public static byte[] encode(MessagePayload payload) {
        return encode(
                payload.body().getBytes(StandardCharsets.UTF_8),
                payload.messageAttributes(),
                payload.systemAttributes());
    }

    /** {@link #encode(MessagePayload)} for a body already in UTF-8; a {@code null} map means none. */
    public static byte[] encode(
            byte[] body, Map<String, MessageAttributeValue> user, Map<String, MessageAttributeValue> system) {
        Plaintext encoding = encoding(body, user, system);
        byte[] out = new byte[encoding.length()];
        encoding.writeTo(out, 0);
        return out;
    }

    /**
     * The encoded payload, written on demand into a buffer of its caller's (the sealer's, which encrypts it in
     * place), so the body is not copied into a payload array of its own on the way to the store.
     */
    public static Plaintext encoding(
            byte[] body, Map<String, MessageAttributeValue> user, Map<String, MessageAttributeValue> system) {
        Map<String, MessageAttributeValue> sortedUser = sorted(user);
        Map<String, MessageAttributeValue> sortedSystem = sorted(system);
        List<byte[]> parts = new ArrayList<>();
        int size = 1 + 4 + body.length + attributesSize(sortedUser, parts) + attributesSize(sortedSystem, parts);
        return new Plaintext() {
            @Override
            public int length() {
                return size;
            }

            @Override
            public void writeTo(byte[] out, int offset) {
                ByteBuffer buffer = ByteBuffer.wrap(out, offset, size);
                buffer.put(VERSION).putInt(body.length).put(body);
                int[] next = {0};
                putAttributes(buffer, sortedUser, parts, next);
                putAttributes(buffer, sortedSystem, parts, next);
            }
        };
    }

    /** Attributes in name order (the format's order); most messages have none, so no map is built for them. */
    private static Map<String, MessageAttributeValue> sorted(Map<String, MessageAttributeValue> attributes) {
        return attributes == null || attributes.isEmpty() ? Map.of() : new TreeMap<>(attributes);
    }

    /**
     * The UTF-8 body inside an encoded payload, as a view of {@code encoded} (nothing is copied); callers only read it.
     * Not a read-only buffer: that would hide the array, and {@code MessageDigest} would then copy it out in chunks.
     */
    public static ByteBuffer body(byte[] encoded) {
        ByteBuffer in = ByteBuffer.wrap(encoded);
        if (in.get() != VERSION) {
            throw new IllegalStateException("unknown payload version " + encoded[0]);
        }
        int length = in.getInt();
        return ByteBuffer.wrap(encoded, in.position(), length).slice();
    }

    public static MessagePayload decode(byte[] bytes) {
        ByteBuffer in = ByteBuffer.wrap(bytes);
        byte version = in.get();
        if (version != VERSION) {
            throw new IllegalStateException("unknown payload version " + version);
        }
        String body = string(in);
        Map<String, MessageAttributeValue> user = attributes(in);
        Map<String, MessageAttributeValue> system = attributes(in);
        return new MessagePayload(body, user, system);
    }

    private static int attributesSize(Map<String, MessageAttributeValue> sorted, List<byte[]> parts) {
        int size = 2;
        for (Map.Entry<String, MessageAttributeValue> e : sorted.entrySet()) {
            byte[] name = e.getKey().getBytes(StandardCharsets.UTF_8);
            byte[] type = e.getValue().dataType().getBytes(StandardCharsets.UTF_8);
            byte[] value = e.getValue().stringValue() != null
                    ? e.getValue().stringValue().getBytes(StandardCharsets.UTF_8)
                    : e.getValue().binaryValue();
            parts.add(name);
            parts.add(type);
            parts.add(value);
            size += 4 + name.length + 4 + type.length + 1 + 4 + value.length;
        }
        return size;
    }

    private static void putAttributes(
            ByteBuffer out, Map<String, MessageAttributeValue> sorted, List<byte[]> parts, int[] next) {
        out.putShort((short) sorted.size());
        for (Map.Entry<String, MessageAttributeValue> e : sorted.entrySet()) {
            byte[] name = parts.get(next[0]++);
            byte[] type = parts.get(next[0]++);
            byte[] value = parts.get(next[0]++);
            out.putInt(name.length).put(name).putInt(type.length).put(type);
            out.put(e.getValue().stringValue() != null ? STRING : BINARY);
            out.putInt(value.length).put(value);
        }
    }

    private static Map<String, MessageAttributeValue> attributes(ByteBuffer in) {
        int count = Short.toUnsignedInt(in.getShort());
        if (count == 0) {
            return Map.of();
        }
        Map<String, MessageAttributeValue> out = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = string(in);
            String type = string(in);
            byte kind = in.get();
            byte[] value = new byte[in.getInt()];
            in.get(value);
            out.put(
                    name,
                    kind == STRING
                            ? MessageAttributeValue.ofString(type, new String(value, StandardCharsets.UTF_8))
                            : MessageAttributeValue.ofBinary(type, value));
        }
        return out;
    }

    private static String string(ByteBuffer in) {
        int length = in.getInt();
        String s = new String(in.array(), in.arrayOffset() + in.position(), length, StandardCharsets.UTF_8);
        in.position(in.position() + length);
        return s;
    }
}
