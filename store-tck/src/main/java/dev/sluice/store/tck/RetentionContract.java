package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract for retention and PurgeQueue (REFERENCE §2.7, §3 MessageRetentionPeriod). */
public abstract class RetentionContract extends StoreContractSupport {

    @Test
    void expireRemovesMessagesSentBeforeTheCutoffInEveryState() {
        QueueId queue = standardQueue("orders");
        sendAt(queue, at(0), "old-visible", "old-inflight");
        store.append(queue, List.of(NewMessage.of("old-delayed", bytes("x"), at(0), at(900))), AppendOptions.at(at(0)));
        sendAt(queue, at(100), "new");
        receive(queue, 1, at(1), at(1000));

        long expired = store.expire(queue, at(100));

        assertThat(expired).isEqualTo(3);
        assertThat(ids(peekAll(queue))).containsExactly("new");
        assertThat(store.counts(queue, at(101))).isEqualTo(new QueueCounts(1, 0, 0));
    }

    @Test
    void expireKeepsMessagesSentAtTheCutoff() {
        QueueId queue = standardQueue("orders");
        sendAt(queue, at(10), "m1");

        assertThat(store.expire(queue, at(10))).isZero();

        assertThat(ids(peekAll(queue))).containsExactly("m1");
    }

    @Test
    void expiredMessageCanNoLongerBeDeletedOrChanged() {
        QueueId queue = standardQueue("orders");
        sendAt(queue, at(0), "m1");
        StoredMessage claimed = receiveOne(queue, at(1), at(30));
        store.expire(queue, at(5));

        assertThat(store.delete(queue, claimed.ref(), at(6), false)).isEqualTo(DeleteOutcome.NOT_FOUND);
    }

    @Test
    void claimRemovesExpiredMessagesInsteadOfDeliveringThem() {
        // REFERENCE §3: messages older than MessageRetentionPeriod are deleted, never delivered.
        QueueId queue = standardQueue("orders");
        sendAt(queue, at(0), "old1", "old2");
        sendAt(queue, at(60), "new");

        List<StoredMessage> claimed = store.claim(queue, new ClaimRequest(10, at(70), at(100), at(60), null, null));

        assertThat(ids(claimed)).containsExactly("new");
        assertThat(ids(peekAll(queue))).containsExactly("new");
        assertThat(store.counts(queue, at(100))).isEqualTo(new QueueCounts(1, 0, 0));
    }

    @Test
    void claimNeverDeliversAMessageThatExpiredWhileInFlight() {
        QueueId queue = standardQueue("orders");
        sendAt(queue, at(0), "m1");
        receiveOne(queue, at(1), at(30));

        List<StoredMessage> claimed = store.claim(queue, new ClaimRequest(10, at(30), at(60), at(10), null, null));

        assertThat(claimed).isEmpty();
        assertThat(peekAll(queue)).isEmpty();
    }

    @Test
    void purgeRemovesVisibleInFlightAndDelayedMessages() {
        // REFERENCE §2.7: PurgeQueue deletes all messages, visible, in-flight and delayed.
        QueueId queue = standardQueue("orders");
        send(queue, "visible", "inflight");
        store.append(queue, List.of(NewMessage.of("delayed", bytes("d"), T0, at(600))), AppendOptions.at(T0));
        StoredMessage inFlight = receiveOne(queue, at(1), at(30));

        assertThat(store.purge(queue)).isEqualTo(3);

        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(0, 0, 0));
        assertThat(peekAll(queue)).isEmpty();
        assertThat(receive(queue, 10, at(700), at(800))).isEmpty();
        assertThat(store.delete(queue, inFlight.ref(), at(2), false)).isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(store.nextVisibleAt(queue, at(2))).isEmpty();
    }

    @Test
    void purgeOfAnEmptyQueueRemovesNothing() {
        QueueId queue = standardQueue("orders");

        assertThat(store.purge(queue)).isZero();
    }

    @Test
    void queueAcceptsMessagesAfterPurge() {
        QueueId queue = standardQueue("orders");
        long before = send(queue, "m1").get(0).sequence();
        store.purge(queue);

        long after = send(queue, "m2").get(0).sequence();

        assertThat(after).isGreaterThan(before);
        assertThat(ids(receive(queue, 10, at(1), at(30)))).containsExactly("m2");
    }
}
