package dev.sluice.bench;

import java.util.OptionalLong;

/**
 * Message bodies of exactly 1 KiB that carry their send time, so that a consumer in the same process can compute
 * the end-to-end latency from System.nanoTime().
 */
final class Bodies {
    static final int SIZE = 1024;
    private static final String PADDING = "x".repeat(SIZE);

    private Bodies() {}

    static String stamped(long nanoTime) {
        String head = "t=" + nanoTime + ";";
        return head + PADDING.substring(head.length());
    }

    static String plain() {
        return PADDING;
    }

    static OptionalLong stamp(String body) {
        if (!body.startsWith("t=")) {
            return OptionalLong.empty();
        }
        int end = body.indexOf(';');
        return end < 0 ? OptionalLong.empty() : OptionalLong.of(Long.parseLong(body.substring(2, end)));
    }
}
