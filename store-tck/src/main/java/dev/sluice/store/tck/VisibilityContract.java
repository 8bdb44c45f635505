package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.MessageRef;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import org.junit.jupiter.api.Test;

/** The contract for ChangeMessageVisibility (REFERENCE §2.13): current and lenient refs. */
public abstract class VisibilityContract extends StoreContractSupport {

    @Test
    void changeVisibilityOfTheCurrentDeliveryExtendsTheDeadline() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        VisibilityOutcome outcome = store.changeVisibility(queue, claimed.ref(), at(70), at(10), true);

        assertThat(outcome).isEqualTo(VisibilityOutcome.CHANGED);
        assertThat(receive(queue, 10, at(45), at(100))).isEmpty();
        assertThat(store.counts(queue, at(45))).isEqualTo(new QueueCounts(0, 1, 0));
        assertThat(receiveOne(queue, at(70), at(100)).receiveCount()).isEqualTo(2);
    }

    @Test
    void changeVisibilityCanShortenTheDeadline() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(300));

        assertThat(store.changeVisibility(queue, claimed.ref(), at(20), at(10), true))
                .isEqualTo(VisibilityOutcome.CHANGED);

        assertThat(receive(queue, 10, at(19), at(100))).isEmpty();
        assertThat(receiveOne(queue, at(20), at(100)).messageId()).isEqualTo("m1");
    }

    @Test
    void changeVisibilityToNowMakesTheMessageVisibleAtOnce() {
        // REFERENCE §2.13: a VisibilityTimeout of 0 makes the message visible immediately.
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.changeVisibility(queue, claimed.ref(), at(5), at(5), true))
                .isEqualTo(VisibilityOutcome.CHANGED);

        assertThat(store.counts(queue, at(5))).isEqualTo(new QueueCounts(1, 0, 0));
        StoredMessage again = receiveOne(queue, at(5), at(35));
        assertThat(again.receiveCount()).isEqualTo(2);
        assertThat(again.firstReceivedAt()).isEqualTo(at(0));
    }

    @Test
    void changeVisibilityWithRequireCurrentRefusesAnExpiredDelivery() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.changeVisibility(queue, claimed.ref(), at(90), at(30), true))
                .isEqualTo(VisibilityOutcome.RECEIPT_EXPIRED);

        assertThat(receiveOne(queue, at(30), at(60)).receiveCount()).isEqualTo(2);
    }

    @Test
    void changeVisibilityWithRequireCurrentRefusesAnOlderDeliveryAfterReReceive() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage first = receiveOne(queue, at(0), at(30));
        StoredMessage second = receiveOne(queue, at(30), at(60));

        assertThat(store.changeVisibility(queue, first.ref(), at(40), at(35), true))
                .isEqualTo(VisibilityOutcome.RECEIPT_EXPIRED);

        assertThat(receive(queue, 10, at(40), at(100))).isEmpty();
        assertThat(store.changeVisibility(queue, second.ref(), at(40), at(35), true))
                .isEqualTo(VisibilityOutcome.CHANGED);
    }

    @Test
    void changeVisibilityWithoutRequireCurrentAcceptsAnExpiredDelivery() {
        // REFERENCE §2.13: standard queue, handle already expired but message still present -> 200 OK.
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        assertThat(store.changeVisibility(queue, claimed.ref(), at(100), at(40), false))
                .isEqualTo(VisibilityOutcome.CHANGED);

        assertThat(receive(queue, 10, at(99), at(200))).isEmpty();
        assertThat(receiveOne(queue, at(100), at(200)).receiveCount()).isEqualTo(2);
    }

    @Test
    void changeVisibilityWithoutRequireCurrentAcceptsAnOlderDelivery() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage first = receiveOne(queue, at(0), at(30));
        receiveOne(queue, at(30), at(60));

        assertThat(store.changeVisibility(queue, first.ref(), at(35), at(35), false))
                .isEqualTo(VisibilityOutcome.CHANGED);

        assertThat(receiveOne(queue, at(35), at(60)).receiveCount()).isEqualTo(3);
    }

    @Test
    void changeVisibilityOfADeletedOrUnknownMessageIsNotFound() {
        // REFERENCE §2.13: deleted message -> "Message does not exist or is not available for visibility timeout
        // change".
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));
        store.delete(queue, claimed.ref(), at(1), true);

        assertThat(store.changeVisibility(queue, claimed.ref(), at(40), at(2), true))
                .isEqualTo(VisibilityOutcome.NOT_FOUND);
        assertThat(store.changeVisibility(queue, claimed.ref(), at(40), at(2), false))
                .isEqualTo(VisibilityOutcome.NOT_FOUND);
        assertThat(store.changeVisibility(queue, new MessageRef(claimed.sequence() + 1000, 1), at(40), at(2), false))
                .isEqualTo(VisibilityOutcome.NOT_FOUND);
    }

    @Test
    void changeVisibilityOfAnotherMessageLeavesThisOneAlone() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1", "m2");
        StoredMessage a = receiveOne(queue, at(0), at(30));
        StoredMessage b = receiveOne(queue, at(0), at(30));

        store.changeVisibility(queue, a.ref(), at(1), at(1), true);

        StoredMessage again = receiveOne(queue, at(1), at(30));
        assertThat(again.messageId()).isEqualTo(a.messageId());
        assertThat(receive(queue, 10, at(2), at(30))).isEmpty();
        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(0, 2, 0));
        assertThat(store.changeVisibility(queue, b.ref(), at(40), at(2), true)).isEqualTo(VisibilityOutcome.CHANGED);
    }
}
