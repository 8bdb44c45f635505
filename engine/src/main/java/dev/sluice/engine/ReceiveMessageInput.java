package dev.sluice.engine;

import java.util.List;

/**
 * A ReceiveMessage request. Absent optional members are {@code null}. {@code attributeNames} is the union of the
 * request's {@code AttributeNames} and {@code MessageSystemAttributeNames}.
 */
public record ReceiveMessageInput(
        Integer maxNumberOfMessages,
        Integer visibilityTimeout,
        Integer waitTimeSeconds,
        List<String> attributeNames,
        List<String> messageAttributeNames,
        String receiveRequestAttemptId) {
    public static ReceiveMessageInput defaults() {
        return new ReceiveMessageInput(null, null, null, List.of(), List.of(), null);
    }
}
