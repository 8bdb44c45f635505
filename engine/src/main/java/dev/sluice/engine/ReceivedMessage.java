package dev.sluice.engine;

import java.util.Map;

/**
 * One delivered message. {@code attributes} holds the requested system attributes (string values);
 * {@code messageAttributes} the user attributes selected by the request, and {@code md5OfMessageAttributes} their
 * digest, {@code null} when none are returned. Maps are sorted by name.
 */
public record ReceivedMessage(
        String messageId,
        String receiptHandle,
        String md5OfBody,
        String body,
        Map<String, String> attributes,
        String md5OfMessageAttributes,
        Map<String, MessageAttributeValue> messageAttributes) {}
