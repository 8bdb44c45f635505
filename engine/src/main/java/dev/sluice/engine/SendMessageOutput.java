package dev.sluice.engine;

/**
 * The result of sending one message. {@code md5OfMessageAttributes} and {@code md5OfMessageSystemAttributes} are
 * {@code null} when none were sent; {@code sequenceNumber} is {@code null} on standard queues.
 */
public record SendMessageOutput(
        String messageId,
        String md5OfMessageBody,
        String md5OfMessageAttributes,
        String md5OfMessageSystemAttributes,
        String sequenceNumber) {}
