package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoreException;
import dev.sluice.store.StoredMessage;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract that everything a store acknowledged is still there after it is closed and reopened on the same data
 * (issue: "Visibility changes and receive counts survive ... Queues, attributes and tags survive restarts").
 */
public abstract class DurabilityContract extends StoreContractSupport {

    @Test
    void queuesWithAttributesTagsAndIncarnationsSurviveARestart() {
        QueueId standard = standardQueue("orders");
        QueueId fifo = fifoQueue("events");
        QueueRecord updated = store.updateQueue(
                standard,
                q -> q.withAttributes(Map.of("DelaySeconds", "7"), at(9)).withTags(Map.of("team", "red")));
        QueueRecord fifoRecord = store.findQueue(fifo).orElseThrow();
        QueueId other = new QueueId(OTHER_ACCOUNT, "orders");
        QueueRecord otherRecord = createQueue(other, false);

        restart();

        assertThat(store.findQueue(standard)).contains(updated);
        assertThat(store.findQueue(fifo)).contains(fifoRecord);
        assertThat(store.allQueues()).containsExactly(fifoRecord, updated, otherRecord);
    }

    @Test
    void deletedQueueStaysDeletedAndRemembersItsDeletionTimeAcrossARestart() {
        QueueId queue = standardQueue("orders");
        QueueRecord first = store.findQueue(queue).orElseThrow();
        send(queue, "m1");
        store.deleteQueue(queue, at(100));

        restart();

        assertThat(store.findQueue(queue)).isEmpty();
        assertThat(store.createQueue(queueRecord(queue, false), at(50)))
                .isInstanceOf(CreateOutcome.DeletedRecently.class);
        CreateOutcome recreated = store.createQueue(queueRecord(queue, false), at(160));
        assertThat(recreated).isInstanceOf(CreateOutcome.Created.class);
        assertThat(((CreateOutcome.Created) recreated).queue().incarnation()).isNotEqualTo(first.incarnation());
        assertThat(peekAll(queue)).isEmpty();
    }

    @Test
    void settingsSurviveARestart() {
        store.putSetting("wrapped-key:q1", new byte[] {1, 2, 3});

        restart();

        assertThat(store.getSetting("wrapped-key:q1"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3));
    }

    @Test
    void messagesAndTheirPayloadsSurviveARestartInOrder() {
        QueueId queue = standardQueue("orders");
        byte[] large = new byte[300 * 1024];
        new Random(1).nextBytes(large);
        List<AppendResult> sent = send(queue, "m1", "m2");
        store.append(queue, List.of(NewMessage.of("big", large, at(1), at(1))), AppendOptions.at(at(1)));
        store.append(queue, List.of(NewMessage.of("delayed", bytes("d"), at(2), at(500))), AppendOptions.at(at(2)));

        restart();

        List<StoredMessage> peeked = peekAll(queue);
        assertThat(ids(peeked)).containsExactly("m1", "m2", "big", "delayed");
        assertThat(peeked.get(0).sequence()).isEqualTo(sent.get(0).sequence());
        assertThat(peeked.get(0).payload()).isEqualTo(bytes("m1"));
        assertThat(peeked.get(2).payload()).isEqualTo(large);
        assertThat(peeked.get(2).sentAt()).isEqualTo(at(1));
        assertThat(peeked.get(3).visibleAt()).isEqualTo(at(500));
        assertThat(store.counts(queue, at(3))).isEqualTo(new QueueCounts(3, 0, 1));
    }

    @Test
    void sequencesKeepIncreasingAfterARestart() {
        QueueId queue = fifoQueue("orders");
        long before = sendToGroup(queue, "g", "m1", "m2").get(1).sequence();

        restart();

        assertThat(sendToGroup(queue, "g", "m3").get(0).sequence()).isGreaterThan(before);
    }

    @Test
    void receiveCountsAndInFlightDeadlinesSurviveARestart() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage first = receiveOne(queue, at(0), at(30));
        receiveOne(queue, at(30), at(90));

        restart();

        assertThat(receive(queue, 10, at(89), at(100))).isEmpty();
        assertThat(store.counts(queue, at(89))).isEqualTo(new QueueCounts(0, 1, 0));
        StoredMessage third = receiveOne(queue, at(90), at(120));
        assertThat(third.receiveCount()).isEqualTo(3);
        assertThat(third.firstReceivedAt()).isEqualTo(first.firstReceivedAt());
    }

    @Test
    void visibilityChangesSurviveARestart() {
        QueueId queue = standardQueue("orders");
        send(queue, "extended", "released");
        for (StoredMessage m : receive(queue, 10, at(0), at(30))) {
            Instant target = m.messageId().equals("extended") ? at(500) : at(1);
            store.changeVisibility(queue, m.ref(), target, at(1), true);
        }

        restart();

        assertThat(ids(receive(queue, 10, at(2), at(1000)))).containsExactly("released");
        assertThat(ids(receive(queue, 10, at(499), at(600)))).isEmpty();
        assertThat(ids(receive(queue, 10, at(500), at(600)))).containsExactly("extended");
    }

    @Test
    void currentRefsStillWorkAfterARestart() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        restart();

        assertThat(store.delete(queue, claimed.ref(), at(1), true)).isEqualTo(DeleteOutcome.DELETED);
    }

    @Test
    void deletionsExpiriesAndPurgesSurviveARestart() {
        QueueId deleted = standardQueue("deleted");
        send(deleted, "gone", "kept");
        StoredMessage gone = receive(deleted, 10, at(0), at(30)).stream()
                .filter(m -> m.messageId().equals("gone"))
                .findFirst()
                .orElseThrow();
        store.delete(deleted, gone.ref(), at(1), true);
        QueueId purged = standardQueue("purged");
        send(purged, "p1", "p2");
        store.purge(purged);
        QueueId expired = standardQueue("expired");
        sendAt(expired, at(0), "old");
        sendAt(expired, at(10), "new");
        store.expire(expired, at(5));

        restart();

        assertThat(ids(peekAll(deleted))).containsExactly("kept");
        assertThat(peekAll(purged)).isEmpty();
        assertThat(ids(peekAll(expired))).containsExactly("new");
        assertThat(store.delete(deleted, gone.ref(), at(2), false)).isEqualTo(DeleteOutcome.NOT_FOUND);
    }

    @Test
    void purgeBeforeARestartStaysPurgedWhileLaterSendsSurvive() {
        QueueId queue = standardQueue("orders");
        send(queue, "before");
        store.purge(queue);
        send(queue, "after");

        restart();

        assertThat(ids(peekAll(queue))).containsExactly("after");
    }

    @Test
    void deduplicationHistorySurvivesARestart() {
        QueueId queue = fifoQueue("orders");
        AppendResult original = store.append(queue, List.of(fifoMessage("first", "g", "d1", T0)), AppendOptions.at(T0))
                .get(0);

        restart();

        AppendResult again = store.append(
                        queue, List.of(fifoMessage("second", "g", "d1", at(10))), AppendOptions.at(at(10)))
                .get(0);
        assertThat(again).isEqualTo(new AppendResult("first", original.sequence(), true));
    }

    @Test
    void deadLetterMovesSurviveARestart() {
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        send(source, "m1");
        Redrive policy = new Redrive(dlq, 1, "arn:aws:sqs:us-east-1:000000000000:orders");
        receiveWithRedrive(source, 10, at(0), at(30), policy);
        receiveWithRedrive(source, 10, at(30), at(60), policy);

        restart();

        assertThat(peekAll(source)).isEmpty();
        List<StoredMessage> inDlq = peekAll(dlq);
        assertThat(ids(inDlq)).containsExactly("m1");
        assertThat(inDlq.get(0).deadLetterSourceArn()).isEqualTo(policy.sourceArn());
        assertThat(inDlq.get(0).receiveCount()).isEqualTo(1);
    }

    @Test
    void stateSurvivesSeveralRestartsInARow() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        restart();
        send(queue, "m2");
        receive(queue, 1, at(1), at(30));
        restart();
        send(queue, "m3");
        restart();

        assertThat(ids(peekAll(queue))).containsExactly("m1", "m2", "m3");
        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(2, 1, 0));
    }

    @Test
    void closedStoreRefusesCallsWithStoreException() {
        QueueId queue = standardQueue("orders");

        closeStore();

        assertThatThrownBy(() -> store.findQueue(queue)).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> send(queue, "m1")).isInstanceOf(StoreException.class);
        assertThatThrownBy(() -> receive(queue, 1, at(1), at(30))).isInstanceOf(StoreException.class);
    }

    @Test
    void millisecondInstantsSurviveARestartExactly() {
        // SQS timestamps are epoch milliseconds (REFERENCE §4); a backend must keep at least that precision.
        QueueId queue = standardQueue("orders");
        QueueRecord updated = store.updateQueue(queue, q -> q.withAttributes(Map.of(), atMillis(1_234)));
        store.append(
                queue,
                List.of(NewMessage.of("m1", bytes("m1"), atMillis(5_001), atMillis(6_002))),
                AppendOptions.at(T0));
        StoredMessage claimed = receiveOne(queue, atMillis(7_003), atMillis(9_999));

        restart();

        assertThat(store.findQueue(queue)).contains(updated);
        StoredMessage peeked = peekAll(queue).get(0);
        assertThat(peeked.sentAt()).isEqualTo(atMillis(5_001));
        assertThat(peeked.visibleAt()).isEqualTo(atMillis(9_999));
        assertThat(peeked.firstReceivedAt())
                .isEqualTo(claimed.firstReceivedAt())
                .isEqualTo(atMillis(7_003));
        assertThat(receive(queue, 10, atMillis(9_998), at(60))).isEmpty();
        assertThat(receive(queue, 10, atMillis(9_999), at(60))).hasSize(1);
    }
}
