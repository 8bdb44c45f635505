package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.ClaimRequest;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.Redrive;
import dev.sluice.store.StoredMessage;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The contract that recovery rebuilds the state the store had, and never an older one: replaying history must not
 * bring back deleted queues' messages, purged deduplication ids, reused sequences or blocked groups unblocked. Each
 * test runs once across a clean restart and once across a simulated crash.
 */
public abstract class ReplayContract extends StoreContractSupport {

    /** How the store goes down between the two halves of a test. */
    protected enum Restart {
        CLEAN,
        CRASH
    }

    private void restart(Restart how) {
        if (how == Restart.CLEAN) {
            restart();
        } else {
            crash();
        }
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void messagesOfADeletedQueueDoNotReappearInItsSuccessor(Restart how) {
        QueueId queue = standardQueue("orders");
        send(queue, "old1", "old2");
        store.deleteQueue(queue, at(1));
        createQueue(queue, false);
        send(queue, "new");

        restart(how);

        assertThat(ids(peekAll(queue))).containsExactly("new");
        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(1, 0, 0));
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void sequencesAreNotReusedAfterTheNewestMessagesWereDeleted(Restart how) {
        // REFERENCE §7.4: SequenceNumber is strictly increasing; a reused sequence would also let an old ref match a
        // new message.
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        send(queue, "m2");
        StoredMessage m2 = receive(queue, 10, at(1), at(30)).stream()
                .filter(m -> m.messageId().equals("m2"))
                .findFirst()
                .orElseThrow();
        store.delete(queue, m2.ref(), at(2), true);

        restart(how);

        AppendResult m3 = send(queue, "m3").get(0);
        assertThat(m3.sequence()).isGreaterThan(m2.sequence());
        receive(queue, 10, at(40), at(70));
        assertThat(store.delete(queue, new MessageRef(m2.sequence(), 1), at(41), false))
                .isEqualTo(DeleteOutcome.NOT_FOUND);
        assertThat(ids(peekAll(queue))).containsExactly("m1", "m3");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void sequencesAreNotReusedAfterAPurge(Restart how) {
        QueueId queue = fifoQueue("orders");
        long before = sendToGroup(queue, "g", "m1", "m2").get(1).sequence();
        store.purge(queue);

        restart(how);

        assertThat(sendToGroup(queue, "g", "m3").get(0).sequence()).isGreaterThan(before);
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void purgedDeduplicationIdsStayForgotten(Restart how) {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "d1");
        store.purge(queue);

        restart(how);

        AppendResult again = store.append(queue, List.of(fifoMessage("m2", "g", "d1", at(1))), AppendOptions.at(at(1)))
                .get(0);
        assertThat(again.duplicate()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void deduplicationWindowStillEndsAfterARestart(Restart how) {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "d1");

        restart(how);

        Instant later = T0.plus(AppendOptions.SQS_DEDUPLICATION_WINDOW).plusSeconds(1);
        AppendResult again = store.append(queue, List.of(fifoMessage("m2", "g", "d1", later)), AppendOptions.at(later))
                .get(0);
        assertThat(again.duplicate()).isFalse();
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void fifoGroupStaysBlockedByItsInFlightHead(Restart how) {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        receiveOne(queue, at(1), at(30));

        restart(how);

        assertThat(receive(queue, 10, at(2), at(30))).isEmpty();
        assertThat(ids(receive(queue, 10, at(30), at(60)))).containsExactly("m1", "m2");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void messagesRemovedByAClaimForRetentionStayRemoved(Restart how) {
        QueueId queue = standardQueue("orders");
        sendAt(queue, at(0), "old");
        sendAt(queue, at(100), "new");
        store.claim(queue, new ClaimRequest(10, at(101), at(130), at(50), null, null));

        restart(how);

        assertThat(ids(peekAll(queue))).containsExactly("new");
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void lastQueueUpdateWins(Restart how) {
        QueueId queue = standardQueue("orders");
        for (int i = 1; i <= 5; i++) {
            int version = i;
            store.updateQueue(queue, q -> q.withAttributes(Map.of("DelaySeconds", "" + version), at(version)));
        }

        restart(how);

        assertThat(store.findQueue(queue).orElseThrow().attributes()).isEqualTo(Map.of("DelaySeconds", "5"));
        assertThat(store.findQueue(queue).orElseThrow().lastModified()).isEqualTo(at(5));
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void survivorsOfAMostlyDeletedBacklogKeepTheirPayloadsAndOrder(Restart how) {
        // Enough data to fill several segments of a segmented log, most of it deleted: whatever the backend reclaims,
        // the survivors must come back intact.
        QueueId queue = standardQueue("orders");
        Random random = new Random(11);
        List<byte[]> payloads = new ArrayList<>();
        for (int batch = 0; batch < 20; batch++) {
            List<NewMessage> messages = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                byte[] payload = new byte[12 * 1024];
                random.nextBytes(payload);
                payloads.add(payload);
                messages.add(NewMessage.of("m" + (batch * 10 + i), payload, T0, T0));
            }
            store.append(queue, messages, AppendOptions.at(T0));
        }
        List<StoredMessage> all = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            all.addAll(receive(queue, 10, at(1), at(30)));
        }
        assertThat(all).hasSize(200);
        for (StoredMessage m : all) {
            if (Integer.parseInt(m.messageId().substring(1)) % 25 != 0) {
                store.delete(queue, m.ref(), at(2), true);
            }
        }
        restart();
        send(queue, "after-restart");

        restart(how);

        List<StoredMessage> survivors = peekAll(queue);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 200; i += 25) {
            expected.add("m" + i);
        }
        expected.add("after-restart");
        assertThat(ids(survivors)).containsExactlyElementsOf(expected);
        for (StoredMessage m : survivors.subList(0, survivors.size() - 1)) {
            int index = Integer.parseInt(m.messageId().substring(1));
            assertThat(m.payload()).as(m.messageId()).isEqualTo(payloads.get(index));
            assertThat(m.receiveCount()).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Restart.class)
    void movedMessageKeepsItsPayloadAfterTheSourceMessagesAroundItAreGone(Restart how) {
        // A backend may leave a moved payload where it was written; reclaiming the source's dead data must not take it.
        QueueId source = standardQueue("orders");
        QueueId dlq = standardQueue("orders-dlq");
        byte[] poison = new byte[20 * 1024];
        new Random(5).nextBytes(poison);
        store.append(source, List.of(NewMessage.of("poison", poison, T0, T0)), AppendOptions.at(T0));
        for (int batch = 0; batch < 12; batch++) {
            List<NewMessage> filler = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                filler.add(NewMessage.of("f" + batch + "-" + i, new byte[12 * 1024], T0, at(1000)));
            }
            store.append(source, filler, AppendOptions.at(T0));
        }
        Redrive policy = new Redrive(dlq, 1, "arn:aws:sqs:us-east-1:000000000000:orders");
        receiveWithRedrive(source, 10, at(0), at(30), policy);
        assertThat(receiveWithRedrive(source, 10, at(30), at(60), policy)).isEmpty();
        store.purge(source);
        restart();

        restart(how);

        List<StoredMessage> inDlq = peekAll(dlq);
        assertThat(ids(inDlq)).containsExactly("poison");
        assertThat(inDlq.get(0).payload()).isEqualTo(poison);
    }
}
