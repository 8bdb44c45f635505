package dev.sluice.it;

import java.util.Map;
import java.util.Optional;

/** A message as ReceiveMessage returned it (digests already verified by the SDK). */
public record ReceivedMessage(
        String messageId,
        String receiptHandle,
        String body,
        String md5OfBody,
        Optional<String> md5OfMessageAttributes,
        Map<String, String> systemAttributes,
        Map<String, MessageAttribute> messageAttributes) {}
