package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.AppendResult;
import dev.sluice.store.CreateOutcome;
import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.StoredMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The contract that a process crash loses nothing a store acknowledged (issue: "Visibility changes and receive counts
 * survive a process crash"; the {@link dev.sluice.store.QueueStore} javadoc: claims and visibility changes reach the
 * file before returning). Runs only on backends that implement {@link StoreBackend#crashAndReopenStore(dev.sluice.store.QueueStore)}.
 */
public abstract class CrashRecoveryContract extends StoreContractSupport {

    @Test
    void acknowledgedQueueChangesAndSettingsSurviveACrash() {
        QueueId kept = standardQueue("kept");
        QueueRecord updated = store.updateQueue(kept, q -> q.withTags(Map.of("a", "b")));
        QueueId deleted = fifoQueue("deleted");
        store.deleteQueue(deleted, at(100));
        store.putSetting("s", bytes("v"));

        crash();

        assertThat(store.findQueue(kept)).contains(updated);
        assertThat(store.findQueue(deleted)).isEmpty();
        assertThat(store.createQueue(queueRecord(deleted, true), at(99)))
                .isInstanceOf(CreateOutcome.DeletedRecently.class);
        assertThat(store.getSetting("s")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v")));
    }

    @Test
    void acknowledgedAppendsSurviveACrashWithTheirPayloads() {
        QueueId queue = standardQueue("orders");
        Random random = new Random(3);
        List<byte[]> payloads = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            byte[] payload = new byte[1 + random.nextInt(40_000)];
            random.nextBytes(payload);
            payloads.add(payload);
            store.append(queue, List.of(NewMessage.of("m" + i, payload, T0, T0)), AppendOptions.at(T0));
        }

        crash();

        List<StoredMessage> peeked = peekAll(queue);
        assertThat(peeked).hasSize(20);
        for (int i = 0; i < 20; i++) {
            assertThat(peeked.get(i).messageId()).isEqualTo("m" + i);
            assertThat(peeked.get(i).payload()).isEqualTo(payloads.get(i));
        }
    }

    @Test
    void receiveCountsAndVisibilityChangesSurviveACrash() {
        QueueId queue = standardQueue("orders");
        send(queue, "claimed", "extended", "released");
        List<StoredMessage> first = receive(queue, 10, at(0), at(30));
        for (StoredMessage m : first) {
            switch (m.messageId()) {
                case "extended" -> store.changeVisibility(queue, m.ref(), at(500), at(1), true);
                case "released" -> store.changeVisibility(queue, m.ref(), at(1), at(1), true);
                default -> {}
            }
        }

        crash();

        assertThat(store.counts(queue, at(2))).isEqualTo(new QueueCounts(1, 2, 0));
        assertThat(ids(receive(queue, 10, at(2), at(1000)))).containsExactly("released");
        StoredMessage claimedAgain = receiveOne(queue, at(30), at(1000));
        assertThat(claimedAgain.messageId()).isEqualTo("claimed");
        assertThat(claimedAgain.receiveCount()).isEqualTo(2);
        assertThat(claimedAgain.firstReceivedAt()).isEqualTo(at(0));
        assertThat(receive(queue, 10, at(499), at(1000))).isEmpty();
        assertThat(ids(receive(queue, 10, at(500), at(1000)))).containsExactly("extended");
    }

    @Test
    void acknowledgedDeletesPurgesAndExpiriesSurviveACrash() {
        QueueId queue = standardQueue("orders");
        send(queue, "deleted", "kept");
        StoredMessage toDelete = receive(queue, 10, at(0), at(30)).stream()
                .filter(m -> m.messageId().equals("deleted"))
                .findFirst()
                .orElseThrow();
        assertThat(store.delete(queue, toDelete.ref(), at(1), true)).isEqualTo(DeleteOutcome.DELETED);
        QueueId purged = standardQueue("purged");
        send(purged, "p1");
        store.purge(purged);
        QueueId expired = standardQueue("expired");
        sendAt(expired, at(0), "old");
        store.expire(expired, at(1));

        crash();

        assertThat(ids(peekAll(queue))).containsExactly("kept");
        assertThat(peekAll(purged)).isEmpty();
        assertThat(peekAll(expired)).isEmpty();
    }

    @Test
    void deduplicationHistorySurvivesACrash() {
        QueueId queue = fifoQueue("orders");
        AppendResult original = sendToGroup(queue, "g", "m1").get(0);

        crash();

        AppendResult again = store.append(queue, List.of(fifoMessage("m2", "g", "m1", at(1))), AppendOptions.at(at(1)))
                .get(0);
        assertThat(again).isEqualTo(new AppendResult("m1", original.sequence(), true));
    }

    @Test
    void storeKeepsWorkingThroughSeveralCrashes() {
        QueueId queue = fifoQueue("orders");
        List<String> expected = new ArrayList<>();
        long lastSequence = Long.MIN_VALUE;
        for (int round = 0; round < 4; round++) {
            List<AppendResult> sent = sendToGroup(queue, "g" + round, "r" + round + "a", "r" + round + "b");
            expected.add("r" + round + "a");
            expected.add("r" + round + "b");
            assertThat(sent.get(0).sequence()).isGreaterThan(lastSequence);
            lastSequence = sent.get(1).sequence();
            crash();
        }

        assertThat(ids(peekAll(queue))).containsExactlyElementsOf(expected);
    }

    @Test
    void largestPayloadSurvivesACrash() {
        QueueId queue = standardQueue("orders");
        byte[] large = new byte[1024 * 1024 + 16 * 1024];
        new Random(9).nextBytes(large);
        send(queue, "before");
        store.append(queue, List.of(NewMessage.of("big", large, T0, T0)), AppendOptions.at(T0));
        send(queue, "after");

        crash();

        List<StoredMessage> peeked = peekAll(queue);
        assertThat(ids(peeked)).containsExactly("before", "big", "after");
        assertThat(peeked.get(1).payload()).isEqualTo(large);
    }
}
