package dev.sluice.protocol;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The HTTP {@code Date} header value (RFC 1123, GMT), formatted once per second rather than once per response. */
final class HttpDates {
    private static final DateTimeFormatter FORMAT = DateTimeFormatter.RFC_1123_DATE_TIME.withZone(ZoneOffset.UTC);

    private volatile Formatted last = new Formatted(Long.MIN_VALUE, "");

    String format(Instant now) {
        Formatted cached = last;
        long second = now.getEpochSecond();
        if (cached.second() != second) {
            cached = new Formatted(second, FORMAT.format(Instant.ofEpochSecond(second)));
            last = cached;
        }
        return cached.text();
    }

    private record Formatted(long second, String text) {}
}
