package dev.sluice.protocol;

import java.util.Objects;

/**
 * How the protocol layer builds and reads queue URLs.
 *
 * @param advertisedBaseUrl the base of every queue URL handed out (e.g. {@code http://sqs.local:9324}); empty to use
 *     the scheme and {@code Host} header of each request
 * @param defaultAccount the account of unauthenticated callers ({@code 000000000000})
 */
public record ProtocolConfig(String advertisedBaseUrl, String defaultAccount) {
    public ProtocolConfig {
        Objects.requireNonNull(advertisedBaseUrl, "advertisedBaseUrl");
        Objects.requireNonNull(defaultAccount, "defaultAccount");
    }
}
