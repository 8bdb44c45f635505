package dev.sluice.store.tck;

import static dev.sluice.store.DeleteOutcome.DELETED;
import static dev.sluice.store.DeleteOutcome.NOT_FOUND;
import static dev.sluice.store.DeleteOutcome.RECEIPT_EXPIRED;
import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.DeleteOutcome;
import dev.sluice.store.MessageRef;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueCounts;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import dev.sluice.store.VisibilityOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The contract for {@link dev.sluice.store.QueueStore#deleteAll} and {@link
 * dev.sluice.store.QueueStore#changeVisibilityAll} (DeleteMessageBatch and ChangeMessageVisibilityBatch, REFERENCE
 * §2.12 and §2.14): a batch is the single calls made one after another, in list order, with their outcomes, their
 * durability and their effect on FIFO groups. {@link BatchScenario} builds the mixed batches these tests share.
 */
public abstract class BatchContract extends StoreContractSupport {
    private static final Duration LISTENER_WAIT = Duration.ofSeconds(2);

    @Test
    void deleteAllRequiringCurrentRefsGivesEachEntryTheOutcomeOfASingleDeleteInOrder() {
        BatchScenario s = BatchScenario.prepare(this, standardQueue("orders"));

        List<DeleteOutcome> outcomes = store.deleteAll(s.queue(), s.deleteRefs(), s.now(), true);

        // a1, stale b1, unknown, c1, a1 again, current b2, d1
        assertThat(outcomes).containsExactly(DELETED, RECEIPT_EXPIRED, NOT_FOUND, DELETED, NOT_FOUND, DELETED, DELETED);
        assertThat(ids(peekAll(s.queue()))).containsExactly("e");
        assertThat(store.counts(s.queue(), s.now())).isEqualTo(new QueueCounts(0, 1, 0));
    }

    @Test
    void deleteAllWithoutRequiringCurrentRefsDeletesThroughOlderDeliveriesOnce() {
        BatchScenario s = BatchScenario.prepare(this, standardQueue("orders"));

        List<DeleteOutcome> outcomes = store.deleteAll(s.queue(), s.deleteRefs(), s.now(), false);

        // the stale b1 deletes b, so its current b2 later in the batch finds nothing
        assertThat(outcomes).containsExactly(DELETED, DELETED, NOT_FOUND, DELETED, NOT_FOUND, NOT_FOUND, DELETED);
        assertThat(ids(peekAll(s.queue()))).containsExactly("e");
    }

    @Test
    void deleteAllOfARepeatedRefDeletesOnceThenFindsNothing() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        MessageRef ref = receiveOne(queue, at(0), at(30)).ref();

        assertThat(store.deleteAll(queue, List.of(ref, ref, ref), at(1), true))
                .containsExactly(DELETED, NOT_FOUND, NOT_FOUND);
        assertThat(peekAll(queue)).isEmpty();
    }

    @Test
    void deleteAllOfTenMessagesRemovesThemAll() {
        QueueId queue = standardQueue("orders");
        send(queue, IntStream.range(0, 10).mapToObj(i -> "m" + i).toArray(String[]::new));
        List<MessageRef> refs = receive(queue, 10, at(0), at(30)).stream()
                .map(StoredMessage::ref)
                .toList();
        assertThat(refs).hasSize(10);

        assertThat(store.deleteAll(queue, refs, at(1), true)).hasSize(10).containsOnly(DELETED);
        assertThat(store.counts(queue, at(31))).isEqualTo(new QueueCounts(0, 0, 0));
    }

    @Test
    void emptyBatchesChangeNothing() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");

        assertThat(store.deleteAll(queue, List.of(), at(1), true)).isEmpty();
        assertThat(store.changeVisibilityAll(queue, List.of(), at(1), true)).isEmpty();
        assertThat(store.counts(queue, at(1))).isEqualTo(new QueueCounts(1, 0, 0));
    }

    @Test
    void changeVisibilityAllRequiringCurrentRefsGivesEachEntryTheOutcomeOfASingleChangeInOrder() {
        BatchScenario s = BatchScenario.prepare(this, standardQueue("orders"));

        List<VisibilityOutcome> outcomes = store.changeVisibilityAll(s.queue(), s.visibilityChanges(), s.now(), true);

        // a1 -> 100, stale b1, unknown, c1 -> now (released), a1 -> 200, c1 again (no longer in flight), b2 -> 60
        assertThat(outcomes)
                .containsExactly(
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.RECEIPT_EXPIRED,
                        VisibilityOutcome.NOT_FOUND,
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.RECEIPT_EXPIRED,
                        VisibilityOutcome.CHANGED);
        assertThat(ids(receive(s.queue(), 10, s.now(), at(1000)))).containsExactly("c");
        assertThat(ids(receive(s.queue(), 10, at(30), at(1000)))).containsExactlyInAnyOrder("d", "e");
        assertThat(receive(s.queue(), 10, at(59), at(1000))).isEmpty();
        assertThat(ids(receive(s.queue(), 10, at(60), at(1000)))).containsExactly("b");
        assertThat(receive(s.queue(), 10, at(199), at(1000))).isEmpty();
        assertThat(ids(receive(s.queue(), 10, at(200), at(1000)))).containsExactly("a");
    }

    @Test
    void changeVisibilityAllWithoutRequiringCurrentRefsLetsTheLastEntryOfAMessageWin() {
        BatchScenario s = BatchScenario.prepare(this, standardQueue("orders"));

        List<VisibilityOutcome> outcomes = store.changeVisibilityAll(s.queue(), s.visibilityChanges(), s.now(), false);

        assertThat(outcomes)
                .containsExactly(
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.NOT_FOUND,
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.CHANGED,
                        VisibilityOutcome.CHANGED);
        assertThat(ids(receive(s.queue(), 10, at(30), at(1000)))).containsExactlyInAnyOrder("d", "e");
        assertThat(receive(s.queue(), 10, at(49), at(1000))).isEmpty();
        assertThat(ids(receive(s.queue(), 10, at(50), at(1000)))).containsExactly("c");
        assertThat(ids(receive(s.queue(), 10, at(60), at(1000)))).containsExactly("b");
        assertThat(receive(s.queue(), 10, at(199), at(1000))).isEmpty();
        assertThat(ids(receive(s.queue(), 10, at(200), at(1000)))).containsExactly("a");
    }

    @ParameterizedTest(name = "requireCurrent={0}")
    @ValueSource(booleans = {true, false})
    void deleteAllEndsWhereTheSingleDeletesEnd(boolean requireCurrent) {
        BatchScenario batched = BatchScenario.prepare(this, standardQueue("batched"));
        BatchScenario single = BatchScenario.prepare(this, standardQueue("single"));

        List<DeleteOutcome> batchOutcomes =
                store.deleteAll(batched.queue(), batched.deleteRefs(), batched.now(), requireCurrent);
        List<DeleteOutcome> singleOutcomes = new ArrayList<>();
        for (MessageRef ref : single.deleteRefs()) {
            singleOutcomes.add(store.delete(single.queue(), ref, single.now(), requireCurrent));
        }

        assertThat(batchOutcomes).isEqualTo(singleOutcomes);
        assertThat(stateOf(batched.queue())).isEqualTo(stateOf(single.queue()));
    }

    @ParameterizedTest(name = "requireCurrent={0}")
    @ValueSource(booleans = {true, false})
    void changeVisibilityAllEndsWhereTheSingleChangesEnd(boolean requireCurrent) {
        BatchScenario batched = BatchScenario.prepare(this, standardQueue("batched"));
        BatchScenario single = BatchScenario.prepare(this, standardQueue("single"));

        List<VisibilityOutcome> batchOutcomes =
                store.changeVisibilityAll(batched.queue(), batched.visibilityChanges(), batched.now(), requireCurrent);
        List<VisibilityOutcome> singleOutcomes = new ArrayList<>();
        for (NewVisibility change : single.visibilityChanges()) {
            singleOutcomes.add(store.changeVisibility(
                    single.queue(), change.ref(), change.visibleAt(), single.now(), requireCurrent));
        }

        assertThat(batchOutcomes).isEqualTo(singleOutcomes);
        assertThat(stateOf(batched.queue())).isEqualTo(stateOf(single.queue()));
        assertThat(store.nextVisibleAt(batched.queue(), batched.now()))
                .isEqualTo(store.nextVisibleAt(single.queue(), single.now()));
    }

    @Test
    void acknowledgedBatchesSurviveACrash() {
        QueueId queue = standardQueue("orders");
        List<StoredMessage> claimed = claimAll(queue, "deleted1", "deleted2", "extended", "released");

        assertThat(store.deleteAll(
                        queue, List.of(claimed.get(0).ref(), claimed.get(1).ref()), at(1), true))
                .containsExactly(DELETED, DELETED);
        assertThat(store.changeVisibilityAll(
                        queue,
                        List.of(
                                new NewVisibility(claimed.get(2).ref(), at(500)),
                                new NewVisibility(claimed.get(3).ref(), at(1))),
                        at(1),
                        true))
                .containsOnly(VisibilityOutcome.CHANGED);

        crash();

        assertBatchesApplied(queue);
    }

    @Test
    void acknowledgedBatchesSurviveARestart() {
        QueueId queue = standardQueue("orders");
        List<StoredMessage> claimed = claimAll(queue, "deleted1", "deleted2", "extended", "released");
        store.deleteAll(queue, List.of(claimed.get(0).ref(), claimed.get(1).ref()), at(1), true);
        store.changeVisibilityAll(
                queue,
                List.of(
                        new NewVisibility(claimed.get(2).ref(), at(500)),
                        new NewVisibility(claimed.get(3).ref(), at(1))),
                at(1),
                true);

        restart();

        assertBatchesApplied(queue);
    }

    @Test
    void deleteAllOfInFlightHeadsUnblocksTheirGroups() {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g1", "a1", "a2");
        sendToGroup(queue, "g2", "b1", "b2");
        List<StoredMessage> heads = receive(queue, 1, at(1), at(30));
        heads = new ArrayList<>(heads);
        heads.addAll(receive(queue, 1, at(1), at(30)));
        assertThat(ids(heads)).containsExactlyInAnyOrder("a1", "b1");
        assertThat(receive(queue, 10, at(2), at(30))).isEmpty();

        List<MessageRef> refs = heads.stream().map(StoredMessage::ref).toList();
        assertThat(store.deleteAll(queue, refs, at(2), true)).containsExactly(DELETED, DELETED);

        assertThat(ids(receive(queue, 10, at(3), at(30)))).containsExactlyInAnyOrder("a2", "b2");
    }

    @Test
    void changeVisibilityAllToNowReleasesTheGroupFromItsHeadAndTellsTheListener() throws InterruptedException {
        QueueId queue = fifoQueue("orders");
        sendToGroup(queue, "g", "m1", "m2");
        StoredMessage head = receiveOne(queue, at(1), at(30));
        LinkedBlockingQueue<QueueId> notified = new LinkedBlockingQueue<>();
        store.addListener(notified::add);

        assertThat(store.changeVisibilityAll(queue, List.of(new NewVisibility(head.ref(), at(2))), at(2), true))
                .containsExactly(VisibilityOutcome.CHANGED);

        assertThat(notified.poll(LISTENER_WAIT.toMillis(), TimeUnit.MILLISECONDS))
                .isEqualTo(queue);
        assertThat(ids(receive(queue, 10, at(2), at(30)))).containsExactly("m1", "m2");
    }

    /** Sends the messages and receives them all at 0 until 30, returned in the order of {@code ids}. */
    private List<StoredMessage> claimAll(QueueId queue, String... ids) {
        send(queue, ids);
        List<StoredMessage> received = receive(queue, 10, at(0), at(30));
        List<StoredMessage> claimed = new ArrayList<>();
        for (String id : ids) {
            claimed.add(BatchScenario.find(received, id));
        }
        return claimed;
    }

    private void assertBatchesApplied(QueueId queue) {
        assertThat(ids(peekAll(queue))).containsExactly("extended", "released");
        assertThat(ids(receive(queue, 10, at(2), at(1000)))).containsExactly("released");
        assertThat(receive(queue, 10, at(499), at(1000))).isEmpty();
        assertThat(ids(receive(queue, 10, at(500), at(1000)))).containsExactly("extended");
    }

    /** What a client can observe of a queue's messages, without the sequences, which differ between queues. */
    private List<String> stateOf(QueueId queue) {
        return peekAll(queue).stream()
                .map(m -> m.messageId() + " rc=" + m.receiveCount() + " visibleAt=" + m.visibleAt())
                .toList();
    }
}
