package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.ClaimRequest;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The contract for FIFO receive retries by {@code ReceiveRequestAttemptId} (REFERENCE §7.3, {@link ClaimRequest}): a
 * retry within five minutes repeats the earlier claim's deliveries, with its receive time, so the engine hands out the
 * same receipt handles; a member deleted, changed or received again since makes the id new.
 */
public abstract class ReceiveAttemptContract extends StoreContractSupport {

    private List<StoredMessage> claim(QueueId queue, String attemptId, Instant now, Instant visibleUntil) {
        return store.claim(queue, new ClaimRequest(10, now, visibleUntil, RETAIN_ALL, null, attemptId));
    }

    private static List<MessageRef> refs(List<StoredMessage> messages) {
        return messages.stream().map(StoredMessage::ref).toList();
    }

    /** A FIFO queue with m1 and m2 in group g, both claimed by attempt a1 at 1 s, in flight until 31 s. */
    private QueueId queueWithAttempt() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        assertThat(ids(claim(queue, "a1", at(1), at(31)))).containsExactly("m1", "m2");
        return queue;
    }

    @Test
    void retryRepeatsTheDeliveriesWithTheirOriginalReceiveTimeAndANewDeadline() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        List<StoredMessage> first = claim(queue, "a1", at(1), at(31));

        List<StoredMessage> retry = claim(queue, "a1", at(11), at(41));

        assertThat(refs(retry)).containsExactlyElementsOf(refs(first));
        assertThat(ids(retry)).containsExactly("m1", "m2");
        assertThat(retry).extracting(StoredMessage::receivedAt).containsOnly(at(1));
        assertThat(retry).extracting(StoredMessage::receiveCount).containsOnly(1);
        assertThat(retry).extracting(StoredMessage::visibleAt).containsOnly(at(41));
        assertThat(retry.get(0).payload()).isEqualTo(bytes("m1"));
        // the renewed deadline holds: nothing is visible before 41 s, and the refs are still current
        assertThat(claim(queue, "other", at(35), at(60))).isEmpty();
        assertThat(store.delete(queue, first.get(0).ref(), at(36), true)).isEqualTo(DeleteOutcome.DELETED);
    }

    @Test
    void retryRepeatsOnlyTheEarlierClaimEvenWhenMoreMessagesArrived() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g1", "m1");
        claim(queue, "a1", at(1), at(31));
        sendToGroup(queue, "g2", "m2");

        assertThat(ids(claim(queue, "a1", at(2), at(32)))).containsExactly("m1");
        assertThat(ids(claim(queue, "a2", at(3), at(33)))).containsExactly("m2");
    }

    @Test
    void retryAfterTheDeadlineRanOutRepeatsWhileNobodyElseReceivedTheMessages() {
        QueueId queue = queueWithAttempt();

        List<StoredMessage> retry = claim(queue, "a1", at(40), at(70));

        assertThat(ids(retry)).containsExactly("m1", "m2");
        assertThat(retry).extracting(StoredMessage::receiveCount).containsOnly(1);
        assertThat(retry).extracting(StoredMessage::receivedAt).containsOnly(at(1));
        assertThat(claim(queue, "other", at(41), at(71))).isEmpty();
    }

    @Test
    void retryAfterFiveMinutesIsANewClaim() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1");
        claim(queue, "a1", at(1), at(1_000));

        // just inside the window (counted from the first claim, whatever the retries): a repeat
        assertThat(claim(queue, "a1", atMillis(300_999), at(1_000)))
                .extracting(StoredMessage::receivedAt)
                .containsOnly(at(1));
        // five minutes after the first claim: a new claim, and m1 is still in flight
        assertThat(claim(queue, "a1", at(301), at(1_000))).isEmpty();
        assertThat(ids(claim(queue, "a1", at(1_000), at(1_030)))).containsExactly("m1");
    }

    @Test
    void retryAfterOneOfTheMessagesWasDeletedIsANewClaim() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        List<StoredMessage> first = claim(queue, "a1", at(1), at(31));
        assertThat(store.delete(queue, first.get(1).ref(), at(2), true)).isEqualTo(DeleteOutcome.DELETED);

        // a new claim: m1 is in flight, so its group delivers nothing
        assertThat(claim(queue, "a1", at(3), at(33))).isEmpty();
    }

    @Test
    void retryAfterAVisibilityChangeIsANewClaimEvenIfTheDeadlineIsTheSame() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        List<StoredMessage> first = claim(queue, "a1", at(1), at(31));
        assertThat(store.changeVisibility(queue, first.get(1).ref(), at(31), at(2), true))
                .isEqualTo(VisibilityOutcome.CHANGED);

        assertThat(claim(queue, "a1", at(3), at(33))).isEmpty();
    }

    @Test
    void retryAfterAMessageWasMadeVisibleIsANewClaimThatReceivesItAgain() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        List<StoredMessage> first = claim(queue, "a1", at(1), at(31));
        store.changeVisibility(queue, first.get(0).ref(), at(2), at(2), true);

        List<StoredMessage> retry = claim(queue, "a1", at(3), at(33));

        // m1 is visible again and m2 still in flight: the group's prefix is m1 alone
        assertThat(ids(retry)).containsExactly("m1");
        assertThat(retry.get(0).receiveCount()).isEqualTo(2);
        assertThat(retry.get(0).receivedAt()).isEqualTo(at(3));
        // and the id now names this new claim
        assertThat(refs(claim(queue, "a1", at(4), at(34)))).containsExactlyElementsOf(refs(retry));
    }

    @Test
    void retryAfterAnotherReceiverGotTheMessagesIsANewClaim() {
        QueueId queue = queueWithAttempt();
        assertThat(ids(claim(queue, "a2", at(40), at(70)))).containsExactly("m1", "m2");

        assertThat(claim(queue, "a1", at(41), at(71))).isEmpty();
    }

    @Test
    void retryAfterAPurgeIsANewClaim() {
        QueueId queue = queueWithAttempt();
        store.purge(queue);
        sendToGroup(queue, "g", "m3");

        assertThat(ids(claim(queue, "a1", at(2), at(32)))).containsExactly("m3");
    }

    @Test
    void claimThatReturnedNothingIsNotRemembered() {
        QueueId queue = fifoQueue("orders");
        assertThat(claim(queue, "a1", at(1), at(31))).isEmpty();
        sendToGroup(queue, "g", "m1");

        assertThat(ids(claim(queue, "a1", at(2), at(32)))).containsExactly("m1");
    }

    @Test
    void attemptIdsBelongToOneQueue() {
        QueueId first = queueWithAttempt();
        QueueId other = fifoQueue("other");
        sendToGroup(other, "g", "o1");

        assertThat(ids(claim(other, "a1", at(2), at(32)))).containsExactly("o1");
        assertThat(ids(claim(first, "a1", at(3), at(33)))).containsExactly("m1", "m2");
    }

    @Test
    void attemptIdsAreIgnoredOnStandardQueues() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1", "m2");

        List<StoredMessage> first = store.claim(queue, new ClaimRequest(1, at(1), at(31), RETAIN_ALL, null, "a1"));
        List<StoredMessage> second = store.claim(queue, new ClaimRequest(1, at(2), at(32), RETAIN_ALL, null, "a1"));

        // two ordinary claims: each takes one message, so together they take both
        assertThat(ids(first)).hasSize(1);
        assertThat(ids(second)).hasSize(1).doesNotContainAnyElementsOf(ids(first));
        assertThat(second.get(0).receivedAt()).isEqualTo(at(2));
    }
}
