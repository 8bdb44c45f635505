package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The contract for sending and receiving: append, claim and counts (REFERENCE §2.8-2.10). */
public abstract class MessageContract extends StoreContractSupport {

    @Test
    void appendReturnsOneResultPerMessageInRequestOrderWithStrictlyIncreasingSequences() {
        QueueId queue = standardQueue("orders");

        List<AppendResult> first = send(queue, "m1", "m2", "m3");
        List<AppendResult> second = send(queue, "m4");

        assertThat(first).extracting(AppendResult::messageId).containsExactly("m1", "m2", "m3");
        assertThat(first).extracting(AppendResult::duplicate).containsOnly(false);
        List<Long> all = new ArrayList<>(sequences(first));
        all.addAll(sequences(second));
        assertThat(all).isSortedAccordingTo(Long::compare).doesNotHaveDuplicates();
    }

    @Test
    void appendsToAnotherQueueDoNotDisturbAQueuesOrder() {
        QueueId a = standardQueue("a");
        QueueId b = standardQueue("b");

        long a1 = send(a, "a1").get(0).sequence();
        send(b, "b1", "b2");
        long a2 = send(a, "a2").get(0).sequence();

        assertThat(a2).isGreaterThan(a1);
        assertThat(peekAll(a)).extracting(StoredMessage::messageId).containsExactly("a1", "a2");
    }

    @Test
    void claimSetsVisibilityDeadlineReceiveCountAndFirstReceiveTime() {
        // REFERENCE §2.10: a receive increments ApproximateReceiveCount, sets ApproximateFirstReceiveTimestamp on the
        // first receive and starts the visibility timer.
        QueueId queue = standardQueue("orders");
        long sequence = send(queue, "m1").get(0).sequence();

        StoredMessage claimed = receiveOne(queue, at(5), at(35));

        assertThat(claimed.sequence()).isEqualTo(sequence);
        assertThat(claimed.messageId()).isEqualTo("m1");
        assertThat(claimed.payload()).isEqualTo(bytes("m1"));
        assertThat(claimed.sentAt()).isEqualTo(T0);
        assertThat(claimed.visibleAt()).isEqualTo(at(35));
        assertThat(claimed.receiveCount()).isEqualTo(1);
        assertThat(claimed.receivedAt()).isEqualTo(at(5));
        assertThat(claimed.firstReceivedAt()).isEqualTo(at(5));
        assertThat(claimed.groupId()).isNull();
        assertThat(claimed.deduplicationId()).isNull();
        assertThat(claimed.deadLetterSourceArn()).isNull();
        assertThat(claimed.ref().sequence()).isEqualTo(sequence);
        assertThat(claimed.ref().receiveCount()).isEqualTo(1);
    }

    @Test
    void claimedMessageIsInvisibleUntilItsDeadlineAndVisibleFromIt() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        receiveOne(queue, at(0), at(30));

        assertThat(receive(queue, 10, atMillis(29_999), at(60))).isEmpty();
        StoredMessage again = receiveOne(queue, at(30), at(60));

        assertThat(again.receiveCount()).isEqualTo(2);
        // the receive time is this delivery's; the first receive time stays
        assertThat(again.receivedAt()).isEqualTo(at(30));
        assertThat(again.firstReceivedAt()).isEqualTo(at(0));
        assertThat(again.visibleAt()).isEqualTo(at(60));
    }

    @Test
    void delayedMessageIsNotClaimableBeforeItsVisibleAt() {
        // REFERENCE §2.8: DelaySeconds keeps a message invisible (and counted as delayed) after the send.
        QueueId queue = standardQueue("orders");
        store.append(queue, List.of(NewMessage.of("late", bytes("late"), T0, at(30))), AppendOptions.at(T0));

        assertThat(receive(queue, 10, at(29), at(60))).isEmpty();
        assertThat(store.counts(queue, at(29))).isEqualTo(new QueueCounts(0, 0, 1));

        StoredMessage claimed = receiveOne(queue, at(30), at(60));
        assertThat(claimed.messageId()).isEqualTo("late");
        assertThat(claimed.receiveCount()).isEqualTo(1);
    }

    @Test
    void countsSeparateVisibleInFlightAndDelayedMessages() {
        // REFERENCE §3: ApproximateNumberOfMessages, ...NotVisible and ...Delayed.
        QueueId queue = standardQueue("orders");
        send(queue, "v1", "v2", "f1");
        store.append(queue, List.of(NewMessage.of("d1", bytes("d1"), T0, at(100))), AppendOptions.at(T0));
        assertThat(store.counts(queue, T0)).isEqualTo(new QueueCounts(3, 0, 1));

        receive(queue, 1, at(1), at(50));

        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(2, 1, 1));
        assertThat(store.counts(queue, at(50))).isEqualTo(new QueueCounts(3, 0, 1));
        assertThat(store.counts(queue, at(100))).isEqualTo(new QueueCounts(4, 0, 0));
    }

    @Test
    void countsOfAnEmptyQueueAreZero() {
        QueueId queue = standardQueue("orders");

        assertThat(store.counts(queue, T0)).isEqualTo(new QueueCounts(0, 0, 0));
    }

    @Test
    void claimReturnsAtMostMaxMessagesAndEachVisibleMessageOnce() {
        QueueId queue = standardQueue("orders");
        List<String> sent = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            sent.add("m" + i);
        }
        sendAt(queue, T0, sent.toArray(String[]::new));

        List<StoredMessage> first = receive(queue, 10, at(1), at(30));
        List<StoredMessage> second = receive(queue, 10, at(1), at(30));
        List<StoredMessage> third = receive(queue, 10, at(1), at(30));
        List<StoredMessage> fourth = receive(queue, 10, at(1), at(30));

        assertThat(first).hasSize(10);
        assertThat(second).hasSize(10);
        assertThat(third).hasSize(5);
        assertThat(fourth).isEmpty();
        Set<String> received = new HashSet<>(ids(first));
        received.addAll(ids(second));
        received.addAll(ids(third));
        assertThat(received).containsExactlyInAnyOrderElementsOf(sent);
    }

    @Test
    void claimOfAnEmptyQueueReturnsNothing() {
        QueueId queue = standardQueue("orders");

        assertThat(receive(queue, 10, T0, at(30))).isEmpty();
    }

    @Test
    void groupIdOnAStandardQueueIsKeptButDoesNotBlock() {
        // REFERENCE §7.6: on standard (fair) queues a group id names a tenant; there is no group blocking.
        QueueId queue = standardQueue("fair");
        store.append(
                queue,
                List.of(fifoMessage("t1", "tenant", null, T0), fifoMessage("t2", "tenant", null, T0)),
                AppendOptions.at(T0));

        StoredMessage first = receiveOne(queue, at(1), at(30));
        StoredMessage second = receiveOne(queue, at(1), at(30));

        assertThat(List.of(first.messageId(), second.messageId())).containsExactlyInAnyOrder("t1", "t2");
        assertThat(first.groupId()).isEqualTo("tenant");
    }

    @Test
    void payloadBytesRoundTripExactly() {
        QueueId queue = standardQueue("orders");
        byte[] everyByte = new byte[256];
        for (int i = 0; i < everyByte.length; i++) {
            everyByte[i] = (byte) i;
        }
        store.append(
                queue,
                List.of(
                        NewMessage.of("empty", new byte[0], T0, T0),
                        NewMessage.of("one", new byte[] {0}, T0, T0),
                        NewMessage.of("all", everyByte, T0, T0)),
                AppendOptions.at(T0));

        List<StoredMessage> claimed = receive(queue, 10, at(1), at(30));

        assertThat(claimed).hasSize(3);
        for (StoredMessage m : claimed) {
            byte[] expected = switch (m.messageId()) {
                case "empty" -> new byte[0];
                case "one" -> new byte[] {0};
                default -> everyByte;
            };
            assertThat(m.payload()).as(m.messageId()).isEqualTo(expected);
        }
    }

    @Test
    void largestPayloadRoundTripsExactly() {
        // REFERENCE §6.2: a message may be 1 MiB; the engine's sealed payload adds an envelope on top of that.
        QueueId queue = standardQueue("orders");
        byte[] large = new byte[1024 * 1024 + 16 * 1024];
        new Random(42).nextBytes(large);
        store.append(queue, List.of(NewMessage.of("big", large, T0, T0)), AppendOptions.at(T0));

        StoredMessage claimed = receiveOne(queue, at(1), at(30));

        assertThat(claimed.payload()).isEqualTo(large);
        assertThat(peekAll(queue).get(0).payload()).isEqualTo(large);
    }

    @Test
    void batchOfLargePayloadsRoundTrips() {
        QueueId queue = standardQueue("orders");
        List<NewMessage> batch = new ArrayList<>();
        Random random = new Random(7);
        for (int i = 0; i < 10; i++) {
            byte[] payload = new byte[100 * 1024 + i];
            random.nextBytes(payload);
            batch.add(NewMessage.of("m" + i, payload, T0, T0));
        }
        store.append(queue, batch, AppendOptions.at(T0));

        List<StoredMessage> claimed = receive(queue, 10, at(1), at(30));

        assertThat(claimed).hasSize(10);
        for (StoredMessage m : claimed) {
            int index = Integer.parseInt(m.messageId().substring(1));
            assertThat(m.payload()).isEqualTo(batch.get(index).payload());
        }
    }

    @Test
    void changingPayloadArraysOutsideTheStoreDoesNotChangeTheStoredMessage() {
        // The engine may reuse its buffers; the store keeps its own bytes and hands out arrays nobody else shares.
        QueueId queue = standardQueue("orders");
        byte[] sent = bytes("original");
        store.append(queue, List.of(NewMessage.of("m1", sent, T0, T0)), AppendOptions.at(T0));
        sent[0] = 'X';

        StoredMessage claimed = receiveOne(queue, at(1), at(30));
        assertThat(claimed.payload()).isEqualTo(bytes("original"));
        claimed.payload()[0] = 'Y';
        StoredMessage peeked = store.peek(queue, Long.MIN_VALUE, 1).get(0);
        assertThat(peeked.payload()).isEqualTo(bytes("original"));
        peeked.payload()[0] = 'Z';

        assertThat(store.peek(queue, Long.MIN_VALUE, 1).get(0).payload()).isEqualTo(bytes("original"));
    }
}
