package dev.sluice.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as a client sends it.
 *
 * @param delaySeconds per-message delay, or null to send none (the queue default applies)
 * @param awsTraceHeader the {@code AWSTraceHeader} system attribute, or null to send none
 */
public record OutgoingMessage(
        String body, Integer delaySeconds, Map<String, MessageAttribute> attributes, String awsTraceHeader) {
    public OutgoingMessage {
        Objects.requireNonNull(body, "body");
        attributes = Map.copyOf(attributes);
    }

    public static OutgoingMessage of(String body) {
        return new OutgoingMessage(body, null, Map.of(), null);
    }

    public OutgoingMessage withDelay(int seconds) {
        return new OutgoingMessage(body, seconds, attributes, awsTraceHeader);
    }

    public OutgoingMessage withAttribute(String name, MessageAttribute value) {
        var copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        return new OutgoingMessage(body, delaySeconds, copy, awsTraceHeader);
    }

    public OutgoingMessage withTraceHeader(String header) {
        return new OutgoingMessage(body, delaySeconds, attributes, header);
    }
}
