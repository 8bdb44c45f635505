package dev.sluice.it;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A message as a client sends it.
 *
 * @param delaySeconds per-message delay, or null to send none (the queue default applies)
 * @param awsTraceHeader the {@code AWSTraceHeader} system attribute, or null to send none
 * @param messageGroupId the FIFO {@code MessageGroupId}, or null to send none
 * @param messageDeduplicationId the FIFO {@code MessageDeduplicationId}, or null to send none
 */
public record OutgoingMessage(
        String body,
        Integer delaySeconds,
        Map<String, MessageAttribute> attributes,
        String awsTraceHeader,
        String messageGroupId,
        String messageDeduplicationId) {
    public OutgoingMessage {
        Objects.requireNonNull(body, "body");
        attributes = Map.copyOf(attributes);
    }

    public OutgoingMessage(
            String body, Integer delaySeconds, Map<String, MessageAttribute> attributes, String awsTraceHeader) {
        this(body, delaySeconds, attributes, awsTraceHeader, null, null);
    }

    public static OutgoingMessage of(String body) {
        return new OutgoingMessage(body, null, Map.of(), null, null, null);
    }

    public OutgoingMessage withDelay(int seconds) {
        return new OutgoingMessage(body, seconds, attributes, awsTraceHeader, messageGroupId, messageDeduplicationId);
    }

    public OutgoingMessage withAttribute(String name, MessageAttribute value) {
        var copy = new LinkedHashMap<>(attributes);
        copy.put(name, value);
        return new OutgoingMessage(body, delaySeconds, copy, awsTraceHeader, messageGroupId, messageDeduplicationId);
    }

    public OutgoingMessage withTraceHeader(String header) {
        return new OutgoingMessage(body, delaySeconds, attributes, header, messageGroupId, messageDeduplicationId);
    }

    public OutgoingMessage withGroup(String groupId) {
        return new OutgoingMessage(body, delaySeconds, attributes, awsTraceHeader, groupId, messageDeduplicationId);
    }

    public OutgoingMessage withDeduplicationId(String deduplicationId) {
        return new OutgoingMessage(body, delaySeconds, attributes, awsTraceHeader, messageGroupId, deduplicationId);
    }
}
