package dev.sluice.it;

import java.util.Optional;

/** What a successful send (single or batch entry) answered; the SDKs have already verified the digests. */
public record SendResult(
        String messageId,
        String md5OfMessageBody,
        Optional<String> md5OfMessageAttributes,
        Optional<String> md5OfMessageSystemAttributes) {}
