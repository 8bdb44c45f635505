package dev.sluice.it;

import java.util.List;

/**
 * The optional parameters of ReceiveMessage; null means "not sent".
 *
 * @param systemAttributeNames sent as {@code MessageSystemAttributeNames} (v2) or {@code AttributeName.N} (v1)
 * @param receiveRequestAttemptId the FIFO {@code ReceiveRequestAttemptId}, or null to send none
 */
public record ReceiveOptions(
        Integer maxNumberOfMessages,
        Integer waitTimeSeconds,
        Integer visibilityTimeout,
        List<String> systemAttributeNames,
        List<String> messageAttributeNames,
        String receiveRequestAttemptId) {

    public ReceiveOptions(
            Integer maxNumberOfMessages,
            Integer waitTimeSeconds,
            Integer visibilityTimeout,
            List<String> systemAttributeNames,
            List<String> messageAttributeNames) {
        this(
                maxNumberOfMessages,
                waitTimeSeconds,
                visibilityTimeout,
                systemAttributeNames,
                messageAttributeNames,
                null);
    }

    public static ReceiveOptions defaults() {
        return new ReceiveOptions(null, null, null, List.of(), List.of(), null);
    }

    /** Up to ten messages, short poll. */
    public static ReceiveOptions upTo(int max) {
        return defaults().max(max);
    }

    public ReceiveOptions max(int n) {
        return new ReceiveOptions(
                n,
                waitTimeSeconds,
                visibilityTimeout,
                systemAttributeNames,
                messageAttributeNames,
                receiveRequestAttemptId);
    }

    public ReceiveOptions wait(int seconds) {
        return new ReceiveOptions(
                maxNumberOfMessages,
                seconds,
                visibilityTimeout,
                systemAttributeNames,
                messageAttributeNames,
                receiveRequestAttemptId);
    }

    public ReceiveOptions visibility(int seconds) {
        return new ReceiveOptions(
                maxNumberOfMessages,
                waitTimeSeconds,
                seconds,
                systemAttributeNames,
                messageAttributeNames,
                receiveRequestAttemptId);
    }

    public ReceiveOptions systemAttributes(String... names) {
        return new ReceiveOptions(
                maxNumberOfMessages,
                waitTimeSeconds,
                visibilityTimeout,
                List.of(names),
                messageAttributeNames,
                receiveRequestAttemptId);
    }

    public ReceiveOptions messageAttributes(String... names) {
        return new ReceiveOptions(
                maxNumberOfMessages,
                waitTimeSeconds,
                visibilityTimeout,
                systemAttributeNames,
                List.of(names),
                receiveRequestAttemptId);
    }

    public ReceiveOptions attemptId(String id) {
        return new ReceiveOptions(
                maxNumberOfMessages,
                waitTimeSeconds,
                visibilityTimeout,
                systemAttributeNames,
                messageAttributeNames,
                id);
    }
}
