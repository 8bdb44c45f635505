package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.MessageRef;
import dev.sluice.store.NewVisibility;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.time.Instant;
import java.util.List;

/**
 * The mixed batch {@link BatchContract} applies: on a standard queue, messages a to e are received at 0 until 30; b is
 * released at 10 and received again until 40, so {@code b1} is a stale ref and {@code b2} the current one. At {@link
 * #now()} (11) the delete batch is {@code [a1, b1, unknown, c1, a1, b2, d1]} and the visibility batch is {@code [a1 ->
 * 100, b1 -> 100, unknown -> 100, c1 -> now, a1 -> 200, c1 -> 50, b2 -> 60]}: current, stale and unknown refs, a
 * repeated ref, and a ref repeated after its first entry released the message.
 */
record BatchScenario(QueueId queue, List<MessageRef> deleteRefs, List<NewVisibility> visibilityChanges) {
    private static final Instant NOW = StoreContractSupport.at(11);

    /** Sends and receives the scenario's messages on {@code queue} (an empty standard queue) through {@code kit}. */
    static BatchScenario prepare(StoreContractSupport kit, QueueId queue) {
        kit.send(queue, "a", "b", "c", "d", "e");
        List<StoredMessage> first = kit.receive(queue, 10, StoreContractSupport.at(0), StoreContractSupport.at(30));
        assertThat(first).hasSize(5);
        MessageRef a1 = find(first, "a").ref();
        MessageRef b1 = find(first, "b").ref();
        MessageRef c1 = find(first, "c").ref();
        MessageRef d1 = find(first, "d").ref();
        kit.store.changeVisibility(queue, b1, StoreContractSupport.at(10), StoreContractSupport.at(1), true);
        StoredMessage b = kit.receiveOne(queue, StoreContractSupport.at(10), StoreContractSupport.at(40));
        assertThat(b.messageId()).isEqualTo("b");
        MessageRef b2 = b.ref();
        long lastSequence =
                first.stream().mapToLong(StoredMessage::sequence).max().orElseThrow();
        MessageRef unknown = new MessageRef(lastSequence + 1000, 1);
        return new BatchScenario(
                queue,
                List.of(a1, b1, unknown, c1, a1, b2, d1),
                List.of(
                        new NewVisibility(a1, at(100)),
                        new NewVisibility(b1, at(100)),
                        new NewVisibility(unknown, at(100)),
                        new NewVisibility(c1, NOW),
                        new NewVisibility(a1, at(200)),
                        new NewVisibility(c1, at(50)),
                        new NewVisibility(b2, at(60))));
    }

    /** When the batches are applied. */
    Instant now() {
        return NOW;
    }

    static StoredMessage find(List<StoredMessage> messages, String id) {
        return messages.stream()
                .filter(m -> m.messageId().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no message " + id + " in " + messages));
    }

    private static Instant at(long seconds) {
        return StoreContractSupport.at(seconds);
    }
}
