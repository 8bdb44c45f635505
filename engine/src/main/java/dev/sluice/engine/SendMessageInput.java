package dev.sluice.engine;

import java.util.Map;

/**
 * One message to send, as decoded from SendMessage or one SendMessageBatch entry. Absent optional members are
 * {@code null} (a {@code null} map means none); the engine validates everything.
 */
public record SendMessageInput(
        String messageBody,
        Integer delaySeconds,
        Map<String, MessageAttributeValue> messageAttributes,
        Map<String, MessageAttributeValue> messageSystemAttributes,
        String messageDeduplicationId,
        String messageGroupId) {
    public static SendMessageInput ofBody(String body) {
        return new SendMessageInput(body, null, null, null, null, null);
    }
}
