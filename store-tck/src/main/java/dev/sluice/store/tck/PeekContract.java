package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The contract for the read-only browse ({@link dev.sluice.store.QueueStore#peek}) the console uses. */
public abstract class PeekContract extends StoreContractSupport {

    @Test
    void peekReturnsMessagesInSequenceOrderWithTheirStoredFields() {
        QueueId queue = standardQueue("orders");
        List<AppendResult> sent = send(queue, "m1", "m2", "m3");

        List<StoredMessage> peeked = store.peek(queue, Long.MIN_VALUE, 10);

        assertThat(peeked).extracting(StoredMessage::messageId).containsExactly("m1", "m2", "m3");
        assertThat(peeked).extracting(StoredMessage::sequence).containsExactlyElementsOf(sequences(sent));
        StoredMessage first = peeked.get(0);
        assertThat(first.payload()).isEqualTo(bytes("m1"));
        assertThat(first.sentAt()).isEqualTo(T0);
        assertThat(first.visibleAt()).isEqualTo(T0);
        assertThat(first.receiveCount()).isZero();
        assertThat(first.firstReceivedAt()).isNull();
    }

    @Test
    void peekPagesAfterTheGivenSequence() {
        QueueId queue = standardQueue("orders");
        List<AppendResult> sent = send(queue, "m1", "m2", "m3", "m4", "m5");

        List<StoredMessage> page1 = store.peek(queue, Long.MIN_VALUE, 2);
        List<StoredMessage> page2 = store.peek(queue, page1.get(1).sequence(), 2);
        List<StoredMessage> page3 = store.peek(queue, page2.get(1).sequence(), 2);
        List<StoredMessage> page4 = store.peek(queue, sent.get(4).sequence(), 2);

        assertThat(ids(page1)).containsExactly("m1", "m2");
        assertThat(ids(page2)).containsExactly("m3", "m4");
        assertThat(ids(page3)).containsExactly("m5");
        assertThat(page4).isEmpty();
        assertThat(ids(store.peek(queue, sent.get(0).sequence(), 10))).containsExactly("m2", "m3", "m4", "m5");
    }

    @Test
    void peekShowsInFlightAndDelayedMessagesButNotDeletedOnes() {
        QueueId queue = standardQueue("orders");
        send(queue, "visible", "inflight", "deleted");
        store.append(queue, List.of(NewMessage.of("delayed", bytes("d"), T0, at(600))), AppendOptions.at(T0));
        for (StoredMessage m : receive(queue, 10, at(1), at(30))) {
            if (m.messageId().equals("deleted")) {
                store.delete(queue, m.ref(), at(2), true);
            } else if (m.messageId().equals("visible")) {
                store.changeVisibility(queue, m.ref(), at(2), at(2), true);
            }
        }

        List<StoredMessage> peeked = peekAll(queue);

        assertThat(ids(peeked)).containsExactly("visible", "inflight", "delayed");
        assertThat(peeked.get(1).visibleAt()).isEqualTo(at(30));
        assertThat(peeked.get(1).receiveCount()).isEqualTo(1);
        assertThat(peeked.get(1).firstReceivedAt()).isEqualTo(at(1));
        // a peek is no receive: it reports no receive time, even for a message in flight
        assertThat(peeked).extracting(StoredMessage::receivedAt).containsOnlyNulls();
        assertThat(peeked.get(2).visibleAt()).isEqualTo(at(600));
    }

    @Test
    void peekChangesNothing() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1", "m2");
        QueueCounts before = store.counts(queue, at(1));

        peekAll(queue);
        peekAll(queue);

        assertThat(store.counts(queue, at(1))).isEqualTo(before);
        List<StoredMessage> claimed = receive(queue, 10, at(1), at(30));
        assertThat(claimed).extracting(StoredMessage::receiveCount).containsOnly(1);
        assertThat(claimed).extracting(StoredMessage::firstReceivedAt).containsOnly(at(1));
        peekAll(queue);
        assertThat(peekAll(queue)).extracting(StoredMessage::receiveCount).containsOnly(1);
    }

    @Test
    void peekOfAnEmptyQueueIsEmpty() {
        QueueId queue = standardQueue("orders");

        assertThat(store.peek(queue, Long.MIN_VALUE, 10)).isEmpty();
    }
}
