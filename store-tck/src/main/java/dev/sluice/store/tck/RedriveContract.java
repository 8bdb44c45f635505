package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The contract for the atomic move to a dead-letter queue inside claim (REFERENCE §8.1, §8.2). */
public abstract class RedriveContract extends StoreContractSupport {

    private static String arn(QueueId queue) {
        return "arn:aws:sqs:us-east-1:" + queue.account() + ":" + queue.name();
    }

    private static Redrive redrive(QueueId source, QueueId dlq, int maxReceiveCount) {
        return new Redrive(dlq, maxReceiveCount, arn(source));
    }

    @Test
    void secondReceiveWithMaxReceiveCountOneMovesTheMessageToTheDeadLetterQueue() {
        // REFERENCE §8.1 [O]: with maxReceiveCount=1 the first receive delivers, the second moves; the moved message
        // keeps its MessageId, body and SentTimestamp, its receive count carries on, and it gains
        // DeadLetterQueueSourceArn.
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        byte[] payload = {9, 8, 7, 0, 1};
        store.append(source, List.of(NewMessage.of("m1", payload, at(-5), at(-5))), AppendOptions.at(at(-5)));
        Redrive policy = redrive(source, dlq, 1);

        StoredMessage first =
                receiveWithRedrive(source, 10, at(0), at(30), policy).get(0);
        List<StoredMessage> second = receiveWithRedrive(source, 10, at(30), at(60), policy);

        assertThat(first.receiveCount()).isEqualTo(1);
        assertThat(second).isEmpty();
        assertThat(store.counts(source, at(30))).isEqualTo(new QueueCounts(0, 0, 0));
        assertThat(peekAll(source)).isEmpty();
        StoredMessage moved = receiveOne(dlq, at(31), at(60));
        assertThat(moved.messageId()).isEqualTo("m1");
        assertThat(moved.payload()).isEqualTo(payload);
        assertThat(moved.sentAt()).isEqualTo(at(-5));
        assertThat(moved.receiveCount()).isEqualTo(2);
        assertThat(moved.deadLetterSourceArn()).isEqualTo(arn(source));
    }

    @Test
    void movedMessageIsVisibleInTheDeadLetterQueueWithItsReceiveCount() {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "m1");
        Redrive policy = redrive(source, dlq, 1);
        receiveWithRedrive(source, 10, at(0), at(30), policy);

        receiveWithRedrive(source, 10, at(30), at(60), policy);

        assertThat(store.counts(dlq, at(30))).isEqualTo(new QueueCounts(1, 0, 0));
        List<StoredMessage> inDlq = peekAll(dlq);
        assertThat(ids(inDlq)).containsExactly("m1");
        assertThat(inDlq.get(0).receiveCount()).isEqualTo(1);
        assertThat(inDlq.get(0).deadLetterSourceArn()).isEqualTo(arn(source));
    }

    @Test
    void messageIsDeliveredUntilItsReceiveCountWouldExceedMaxReceiveCount() {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "m1");
        Redrive policy = redrive(source, dlq, 3);

        for (int receive = 1; receive <= 3; receive++) {
            List<StoredMessage> claimed =
                    receiveWithRedrive(source, 10, at(30L * receive), at(30L * receive + 30), policy);
            assertThat(claimed).extracting(StoredMessage::receiveCount).containsExactly(receive);
        }
        assertThat(receiveWithRedrive(source, 10, at(120), at(150), policy)).isEmpty();

        assertThat(ids(peekAll(dlq))).containsExactly("m1");
    }

    @Test
    void missingDeadLetterQueueLeavesTheMessageToBeDeliveredNormally() {
        // REFERENCE §8.2: while the DLQ is missing, keep the message in the source queue and deliver it.
        QueueId source = standardQueue("orders");
        QueueId missing = new QueueId(ACCOUNT, "gone-dlq");
        send(source, "m1");
        Redrive policy = redrive(source, missing, 1);
        receiveWithRedrive(source, 10, at(0), at(30), policy);

        List<StoredMessage> second = receiveWithRedrive(source, 10, at(30), at(60), policy);

        assertThat(ids(second)).containsExactly("m1");
        assertThat(second.get(0).receiveCount()).isEqualTo(2);
        assertThat(second.get(0).deadLetterSourceArn()).isNull();
    }

    @Test
    void oldReceiptOfAMovedMessageNoLongerDeletesInTheSource() {
        // REFERENCE §8.1: receipt handles from the source become invalid.
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "m1");
        Redrive policy = redrive(source, dlq, 1);
        StoredMessage first =
                receiveWithRedrive(source, 10, at(0), at(30), policy).get(0);
        receiveWithRedrive(source, 10, at(30), at(60), policy);

        assertThat(store.delete(source, first.ref(), at(31), false)).isEqualTo(DeleteOutcome.NOT_FOUND);

        assertThat(ids(peekAll(dlq))).containsExactly("m1");
    }

    @Test
    void moveTellsListenersOfTheDeadLetterQueue() throws InterruptedException {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "m1");
        Redrive policy = redrive(source, dlq, 1);
        receiveWithRedrive(source, 10, at(0), at(30), policy);
        LinkedBlockingQueue<QueueId> notified = new LinkedBlockingQueue<>();
        store.addListener(notified::add);

        receiveWithRedrive(source, 10, at(30), at(60), policy);

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(2);
        QueueId seen = null;
        while (!dlq.equals(seen) && System.nanoTime() < deadline) {
            seen = notified.poll(deadline - System.nanoTime(), TimeUnit.NANOSECONDS);
        }
        assertThat(seen).isEqualTo(dlq);
    }

    @Test
    void fifoMoveKeepsGroupAndDeduplicationIdAndUnblocksTheGroup() {
        // REFERENCE §8.1: a FIFO DLQ keeps group and dedup id; a message moved out of a group unblocks that group.
        QueueId source = fifoQueue("orders");
        QueueId dlq = fifoQueue("orders-dlq");
        sendToGroup(source, "g", "m1", "m2");
        Redrive policy = redrive(source, dlq, 1);
        assertThat(ids(receiveWithRedrive(source, 1, at(0), at(30), policy))).containsExactly("m1");

        List<StoredMessage> second = receiveWithRedrive(source, 10, at(30), at(60), policy);

        assertThat(ids(second)).containsExactly("m2");
        StoredMessage moved = receiveOne(dlq, at(31), at(60));
        assertThat(moved.messageId()).isEqualTo("m1");
        assertThat(moved.groupId()).isEqualTo("g");
        assertThat(moved.deduplicationId()).isEqualTo("m1");
        assertThat(moved.receiveCount()).isEqualTo(2);
    }

    @Test
    void claimWithoutRedriveNeverMovesMessages() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");

        for (int receive = 1; receive <= 5; receive++) {
            assertThat(receiveOne(queue, at(30L * receive), at(30L * receive + 30))
                            .receiveCount())
                    .isEqualTo(receive);
        }
    }

    @Test
    void messageAlreadyOverALoweredLimitIsMovedOnItsNextReceive() {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "m1");
        for (int receive = 1; receive <= 3; receive++) {
            receiveOne(source, at(30L * receive), at(30L * receive + 30));
        }

        assertThat(receiveWithRedrive(source, 10, at(120), at(150), redrive(source, dlq, 2)))
                .isEmpty();

        List<StoredMessage> inDlq = peekAll(dlq);
        assertThat(ids(inDlq)).containsExactly("m1");
        assertThat(inDlq.get(0).receiveCount()).isEqualTo(3);
    }

    @Test
    void claimDeliversOtherMessagesWhileMovingOne() {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "poison");
        Redrive policy = redrive(source, dlq, 1);
        receiveWithRedrive(source, 10, at(0), at(30), policy);
        send(source, "fresh");

        List<StoredMessage> claimed = receiveWithRedrive(source, 10, at(30), at(60), policy);

        assertThat(ids(claimed)).containsExactly("fresh");
        assertThat(ids(peekAll(dlq))).containsExactly("poison");
    }
}
