package dev.sluice.engine;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The opaque ListQueues NextToken: the prefix of the listing and the last name of the previous page, base64url. */
final class ListQueuesToken {
    private static final String VERSION = "v1";

    private ListQueuesToken() {}

    static String encode(String prefix, String lastName) {
        String raw = VERSION + "\n" + prefix + "\n" + lastName;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    /** The last name of the previous page; InvalidParameterValue when the token is not one of ours for this prefix. */
    static String decode(String token, String prefix) {
        String raw;
        try {
            raw = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalid(token);
        }
        String[] parts = raw.split("\n", -1);
        if (parts.length != 3 || !parts[0].equals(VERSION) || !parts[1].equals(prefix)) {
            throw invalid(token);
        }
        return parts[2];
    }

    private static SqsException invalid(String token) {
        return SqsException.invalidParameterValue(token, "NextToken", "Invalid or expired next token.");
    }
}
