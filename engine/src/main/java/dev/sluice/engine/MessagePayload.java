package dev.sluice.engine;

import java.util.Map;

/** What a stored payload holds: the body, the user attributes and the system attributes (maps never null). */
public record MessagePayload(
        String body,
        Map<String, MessageAttributeValue> messageAttributes,
        Map<String, MessageAttributeValue> systemAttributes) {
    public MessagePayload {
        messageAttributes = messageAttributes == null ? Map.of() : messageAttributes;
        systemAttributes = systemAttributes == null ? Map.of() : systemAttributes;
    }
}
