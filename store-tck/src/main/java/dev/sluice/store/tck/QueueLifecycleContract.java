package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.sluice.store.CreateOutcome;
import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueRecord;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract for queues: create, find, list, update and delete (REFERENCE §2.1-2.4, §2.6, §2.16). */
public abstract class QueueLifecycleContract extends StoreContractSupport {

    @Test
    void createdQueueIsFoundWithTheStoredRecord() {
        QueueId id = new QueueId(ACCOUNT, "orders");
        QueueRecord proposed =
                new QueueRecord(id, 0, false, Map.of("DelaySeconds", "5"), Map.of("team", "red"), "", at(1), at(2));

        CreateOutcome outcome = store.createQueue(proposed, NO_RECREATE_GUARD);

        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        QueueRecord created = ((CreateOutcome.Created) outcome).queue();
        assertThat(created.id()).isEqualTo(id);
        assertThat(created.fifo()).isFalse();
        assertThat(created.attributes()).isEqualTo(Map.of("DelaySeconds", "5"));
        assertThat(created.tags()).isEqualTo(Map.of("team", "red"));
        assertThat(created.created()).isEqualTo(at(1));
        assertThat(created.lastModified()).isEqualTo(at(2));
        assertThat(store.findQueue(id)).contains(created);
    }

    @Test
    void findQueueOfUnknownQueueIsEmpty() {
        assertThat(store.findQueue(new QueueId(ACCOUNT, "missing"))).isEmpty();
    }

    @Test
    void createOfExistingQueueReportsItAndChangesNothing() {
        QueueId id = new QueueId(ACCOUNT, "orders");
        QueueRecord first = createQueue(id, false);
        QueueRecord different =
                new QueueRecord(id, 0, true, Map.of("DelaySeconds", "9"), Map.of("x", "y"), "k", at(5), at(5));

        CreateOutcome outcome = store.createQueue(different, NO_RECREATE_GUARD);

        assertThat(outcome).isEqualTo(new CreateOutcome.Exists(first));
        assertThat(store.findQueue(id)).contains(first);
    }

    @Test
    void queueDeletedAfterRecreateAfterCannotBeCreatedAgain() {
        // REFERENCE §6.5: a queue name cannot be reused within 60 s of its deletion; the engine passes now - 60 s.
        QueueId id = standardQueue("orders");
        assertThat(store.deleteQueue(id, at(10))).isTrue();

        CreateOutcome outcome = store.createQueue(queueRecord(id, false), at(9));

        assertThat(outcome).isInstanceOf(CreateOutcome.DeletedRecently.class);
        assertThat(store.findQueue(id)).isEmpty();
    }

    @Test
    void queueDeletedBeforeRecreateAfterCanBeCreatedAgainWithANewIncarnation() {
        QueueId id = new QueueId(ACCOUNT, "orders");
        QueueRecord first = createQueue(id, false);
        store.deleteQueue(id, at(10));

        CreateOutcome outcome = store.createQueue(queueRecord(id, false), at(11));

        assertThat(outcome).isInstanceOf(CreateOutcome.Created.class);
        QueueRecord second = ((CreateOutcome.Created) outcome).queue();
        assertThat(second.incarnation()).isNotEqualTo(first.incarnation());
        assertThat(store.findQueue(id)).contains(second);
    }

    @Test
    void storeAssignsTheIncarnationAndIgnoresTheProposedOne() {
        QueueId id = new QueueId(ACCOUNT, "orders");
        QueueRecord first = createQueue(id, false);
        store.deleteQueue(id, at(1));
        QueueRecord proposedWithOldIncarnation =
                new QueueRecord(id, first.incarnation(), false, Map.of(), Map.of(), "", T0, T0);

        CreateOutcome outcome = store.createQueue(proposedWithOldIncarnation, NO_RECREATE_GUARD);

        assertThat(((CreateOutcome.Created) outcome).queue().incarnation()).isNotEqualTo(first.incarnation());
    }

    @Test
    void listQueuesReturnsTheAccountsQueuesWithThePrefixSortedByName() {
        // REFERENCE §2.3: ListQueues filters by name prefix, within the caller's account.
        standardQueue("orders-b");
        standardQueue("audit");
        standardQueue("orders-a");
        fifoQueue("orders-c");
        createQueue(new QueueId(OTHER_ACCOUNT, "orders-0"), false);

        assertThat(store.listQueues(ACCOUNT, "orders").stream().map(q -> q.id().name()))
                .containsExactly("orders-a", "orders-b", "orders-c.fifo");
        assertThat(store.listQueues(ACCOUNT, "").stream().map(q -> q.id().name()))
                .containsExactly("audit", "orders-a", "orders-b", "orders-c.fifo");
        assertThat(store.listQueues(OTHER_ACCOUNT, "").stream().map(QueueRecord::id))
                .containsExactly(new QueueId(OTHER_ACCOUNT, "orders-0"));
        assertThat(store.listQueues(ACCOUNT, "none")).isEmpty();
    }

    @Test
    void listQueuesPrefixIsCaseSensitive() {
        // REFERENCE §2.3: QueueNamePrefix is a case-sensitive prefix on the queue name.
        standardQueue("Orders");
        standardQueue("orders");

        assertThat(store.listQueues(ACCOUNT, "Ord").stream().map(q -> q.id().name()))
                .containsExactly("Orders");
    }

    @Test
    void allQueuesListsEveryAccountSortedByAccountThenName() {
        // REFERENCE §2.3: sort by name so that pages are stable.
        createQueue(new QueueId(OTHER_ACCOUNT, "b"), false);
        standardQueue("b");
        createQueue(new QueueId(OTHER_ACCOUNT, "a"), false);
        standardQueue("a");

        assertThat(store.allQueues().stream().map(QueueRecord::id))
                .containsExactly(
                        new QueueId(ACCOUNT, "a"),
                        new QueueId(ACCOUNT, "b"),
                        new QueueId(OTHER_ACCOUNT, "a"),
                        new QueueId(OTHER_ACCOUNT, "b"));
    }

    @Test
    void deletedQueueIsNotFoundNorListed() {
        QueueId id = standardQueue("orders");
        standardQueue("other");

        assertThat(store.deleteQueue(id, at(1))).isTrue();

        assertThat(store.findQueue(id)).isEmpty();
        assertThat(store.listQueues(ACCOUNT, "").stream().map(QueueRecord::id)).doesNotContain(id);
        assertThat(store.allQueues().stream().map(QueueRecord::id)).doesNotContain(id);
    }

    @Test
    void deleteOfUnknownQueueReturnsFalse() {
        assertThat(store.deleteQueue(new QueueId(ACCOUNT, "missing"), at(1))).isFalse();
        QueueId id = standardQueue("orders");
        store.deleteQueue(id, at(1));
        assertThat(store.deleteQueue(id, at(2))).isFalse();
    }

    @Test
    void updateQueueChangesAttributesTagsAndLastModified() {
        QueueId id = standardQueue("orders");

        QueueRecord updated = store.updateQueue(
                id,
                current -> current.withAttributes(Map.of("VisibilityTimeout", "60"), at(7))
                        .withTags(Map.of("team", "blue")));

        assertThat(updated.attributes()).isEqualTo(Map.of("VisibilityTimeout", "60"));
        assertThat(updated.tags()).isEqualTo(Map.of("team", "blue"));
        assertThat(updated.lastModified()).isEqualTo(at(7));
        assertThat(store.findQueue(id)).contains(updated);
    }

    @Test
    void updateQueueKeepsIdIncarnationFifoDataKeyAndCreatedWhateverTheChangeReturns() {
        QueueId id = new QueueId(ACCOUNT, "orders.fifo");
        QueueRecord original = createQueue(id, true);
        QueueId otherId = new QueueId(OTHER_ACCOUNT, "elsewhere");

        QueueRecord updated = store.updateQueue(
                id,
                current -> new QueueRecord(
                        otherId,
                        current.incarnation() + 99,
                        false,
                        Map.of("DelaySeconds", "3"),
                        Map.of("t", "v"),
                        "another-key",
                        at(500),
                        at(600)));

        QueueRecord expected = new QueueRecord(
                id,
                original.incarnation(),
                true,
                Map.of("DelaySeconds", "3"),
                Map.of("t", "v"),
                original.dataKeyId(),
                original.created(),
                at(600));
        assertThat(updated).isEqualTo(expected);
        assertThat(store.findQueue(id)).contains(expected);
        assertThat(store.findQueue(otherId)).isEmpty();
    }

    @Test
    void updateQueueWhoseChangeThrowsPropagatesTheExceptionAndChangesNothing() {
        QueueId id = standardQueue("orders");
        QueueRecord before = store.findQueue(id).orElseThrow();
        IllegalArgumentException refused = new IllegalArgumentException("invalid attribute");

        assertThatThrownBy(() -> store.updateQueue(id, current -> {
                    throw refused;
                }))
                .isSameAs(refused);

        assertThat(store.findQueue(id)).contains(before);
    }

    @Test
    void updateOfUnknownQueueThrowsQueueNotFound() {
        QueueId missing = new QueueId(ACCOUNT, "missing");

        assertThatThrownBy(() -> store.updateQueue(missing, current -> current))
                .isInstanceOf(QueueNotFoundException.class)
                .extracting(e -> ((QueueNotFoundException) e).queue())
                .isEqualTo(missing);
    }

    @Test
    void deletingAQueueDeletesItsMessages() {
        QueueId id = standardQueue("orders");
        send(id, "m1", "m2");
        store.deleteQueue(id, at(1));

        createQueue(id, false);

        assertThat(peekAll(id)).isEmpty();
        assertThat(store.counts(id, at(2)).visible()).isZero();
        assertThat(receive(id, 10, at(2), at(30))).isEmpty();
    }

    @Test
    void settingIsEmptyUntilPutAndThenReturnsTheSameBytes() {
        assertThat(store.getSetting("master-key-check")).isEmpty();

        store.putSetting("master-key-check", new byte[] {1, 2, 3, 0, -1});

        assertThat(store.getSetting("master-key-check"))
                .hasValueSatisfying(v -> assertThat(v).containsExactly(1, 2, 3, 0, -1));
    }

    @Test
    void puttingTheSameSettingValueAgainIsAccepted() {
        store.putSetting("k", bytes("v"));

        store.putSetting("k", bytes("v"));

        assertThat(store.getSetting("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v")));
    }

    @Test
    void puttingADifferentSettingValueFailsAndKeepsTheFirst() {
        store.putSetting("k", bytes("v1"));

        assertThatThrownBy(() -> store.putSetting("k", bytes("v2"))).isInstanceOf(RuntimeException.class);

        assertThat(store.getSetting("k")).hasValueSatisfying(v -> assertThat(v).isEqualTo(bytes("v1")));
    }
}
