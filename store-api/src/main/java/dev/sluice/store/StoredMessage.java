package dev.sluice.store;

import java.time.Instant;

/**
 * A message as the store holds it, returned by claim and peek.
 *
 * @param sequence the message's position in its queue (see {@link AppendResult#sequence()})
 * @param receiveCount receives so far, including the one that returned this object
 * @param receivedAt when the receive that returned this object happened: the claim's {@code now}, or, for a claim
 *     that repeated an earlier one by its {@code ReceiveRequestAttemptId}, the {@code now} of that earlier claim (so
 *     the engine rebuilds the same receipt handle); {@code null} from peek, which is no receive
 * @param firstReceivedAt time of the first receive, or {@code null} if never received
 * @param visibleAt when the message is (or becomes) visible: its delay end, or the end of the current in-flight time
 * @param groupId {@code null} when absent
 * @param deduplicationId {@code null} when absent
 * @param deadLetterSourceArn the ARN of the queue it was dead-lettered from, {@code null} otherwise
 */
public record StoredMessage(
        long sequence,
        String messageId,
        byte[] payload,
        Instant sentAt,
        Instant visibleAt,
        int receiveCount,
        Instant receivedAt,
        Instant firstReceivedAt,
        String groupId,
        String deduplicationId,
        String deadLetterSourceArn) {
    /** The ref of the delivery that produced this object. */
    public MessageRef ref() {
        return new MessageRef(sequence, receiveCount);
    }
}
