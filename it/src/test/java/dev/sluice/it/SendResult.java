package dev.sluice.it;

import java.util.Optional;

/**
 * What a successful send (single or batch entry) answered; the SDKs have already verified the digests.
 *
 * @param sequenceNumber the FIFO {@code SequenceNumber}, empty on standard queues
 */
public record SendResult(
        String messageId,
        String md5OfMessageBody,
        Optional<String> md5OfMessageAttributes,
        Optional<String> md5OfMessageSystemAttributes,
        Optional<String> sequenceNumber) {

    public SendResult(
            String messageId,
            String md5OfMessageBody,
            Optional<String> md5OfMessageAttributes,
            Optional<String> md5OfMessageSystemAttributes) {
        this(messageId, md5OfMessageBody, md5OfMessageAttributes, md5OfMessageSystemAttributes, Optional.empty());
    }
}
