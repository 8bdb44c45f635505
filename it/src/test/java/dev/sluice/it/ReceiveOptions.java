package dev.sluice.it;

import java.util.List;

/**
 * The optional parameters of ReceiveMessage; null means "not sent".
 *
 * @param systemAttributeNames sent as {@code MessageSystemAttributeNames} (v2) or {@code AttributeName.N} (v1)
 */
public record ReceiveOptions(
        Integer maxNumberOfMessages,
        Integer waitTimeSeconds,
        Integer visibilityTimeout,
        List<String> systemAttributeNames,
        List<String> messageAttributeNames) {

    public static ReceiveOptions defaults() {
        return new ReceiveOptions(null, null, null, List.of(), List.of());
    }

    /** Up to ten messages, short poll. */
    public static ReceiveOptions upTo(int max) {
        return defaults().max(max);
    }

    public ReceiveOptions max(int n) {
        return new ReceiveOptions(n, waitTimeSeconds, visibilityTimeout, systemAttributeNames, messageAttributeNames);
    }

    public ReceiveOptions wait(int seconds) {
        return new ReceiveOptions(
                maxNumberOfMessages, seconds, visibilityTimeout, systemAttributeNames, messageAttributeNames);
    }

    public ReceiveOptions visibility(int seconds) {
        return new ReceiveOptions(
                maxNumberOfMessages, waitTimeSeconds, seconds, systemAttributeNames, messageAttributeNames);
    }

    public ReceiveOptions systemAttributes(String... names) {
        return new ReceiveOptions(
                maxNumberOfMessages, waitTimeSeconds, visibilityTimeout, List.of(names), messageAttributeNames);
    }

    public ReceiveOptions messageAttributes(String... names) {
        return new ReceiveOptions(
                maxNumberOfMessages, waitTimeSeconds, visibilityTimeout, systemAttributeNames, List.of(names));
    }
}
