package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import org.junit.jupiter.api.Test;

/** The contract for DeleteMessage (REFERENCE §2.11): outcomes for current, expired and older deliveries. */
public abstract class DeleteContract extends StoreContractSupport {

    @Test
    void deleteOfTheCurrentDeliveryRemovesTheMessage() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1", "m2");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.delete(queue, claimed.ref(), at(1), true)).isEqualTo(DeleteOutcome.DELETED);

        assertThat(store.counts(queue, at(1))).isEqualTo(new QueueCounts(1, 0, 0));
        assertThat(ids(peekAll(queue))).doesNotContain(claimed.messageId()).hasSize(1);
        assertThat(ids(receive(queue, 10, at(31), at(60)))).doesNotContain(claimed.messageId());
    }

    @Test
    void secondDeleteOfTheSameMessageIsNotFound() {
        // REFERENCE §2.11: a valid handle of a message already deleted succeeds, repeatedly (the engine maps
        // NOT_FOUND to success).
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));
        store.delete(queue, claimed.ref(), at(1), true);

        assertThat(store.delete(queue, claimed.ref(), at(2), true)).isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(store.delete(queue, claimed.ref(), at(2), false)).isEqualTo(DeleteOutcome.NOT_FOUND);
    }

    @Test
    void deleteOfAnUnknownSequenceIsNotFound() {
        QueueId queue = standardQueue("orders");
        long sequence = send(queue, "m1").get(0).sequence();

        assertThat(store.delete(queue, new MessageRef(sequence + 1000, 1), at(1), false))
                .isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(store.counts(queue, at(1)).visible()).isEqualTo(1);
    }

    @Test
    void deleteWithRequireCurrentRefusesAnExpiredDeliveryAndKeepsTheMessage() {
        // REFERENCE §2.11: on FIFO queues a handle whose visibility timeout expired is refused.
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.delete(queue, claimed.ref(), at(30), true)).isEqualTo(DeleteOutcome.RECEIPT_EXPIRED);

        assertThat(store.counts(queue, at(30))).isEqualTo(new QueueCounts(1, 0, 0));
    }

    @Test
    void deleteWithRequireCurrentSucceedsJustBeforeTheDeadline() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.delete(queue, claimed.ref(), atMillis(29_999), true)).isEqualTo(DeleteOutcome.DELETED);
    }

    @Test
    void deleteWithRequireCurrentRefusesAnOlderDeliveryAfterReReceive() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage first = receiveOne(queue, at(0), at(30));
        StoredMessage second = receiveOne(queue, at(30), at(60));

        assertThat(store.delete(queue, first.ref(), at(31), true)).isEqualTo(DeleteOutcome.RECEIPT_EXPIRED);

        assertThat(store.counts(queue, at(31))).isEqualTo(new QueueCounts(0, 1, 0));
        assertThat(store.delete(queue, second.ref(), at(31), true)).isEqualTo(DeleteOutcome.DELETED);
    }

    @Test
    void deleteWithoutRequireCurrentRemovesAMessageWhoseDeliveryExpired() {
        // REFERENCE §2.11: standard queue, a handle whose visibility timeout expired still deletes the message.
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.delete(queue, claimed.ref(), at(45), false)).isEqualTo(DeleteOutcome.DELETED);

        assertThat(store.counts(queue, at(45))).isEqualTo(new QueueCounts(0, 0, 0));
    }

    @Test
    void deleteWithoutRequireCurrentRemovesTheMessageThroughAnOlderDelivery() {
        // REFERENCE §2.11: deleting on any handle of the message is the lenient, compatible choice.
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage first = receiveOne(queue, at(0), at(30));
        receiveOne(queue, at(30), at(60));

        assertThat(store.delete(queue, first.ref(), at(31), false)).isEqualTo(DeleteOutcome.DELETED);

        assertThat(store.counts(queue, at(61))).isEqualTo(new QueueCounts(0, 0, 0));
        assertThat(peekAll(queue)).isEmpty();
    }
}
