package dev.sluice.store.tck;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.store.AppendOptions;
import dev.sluice.store.NewMessage;
import dev.sluice.store.QueueId;
import dev.sluice.store.StoredMessage;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The contract for waking long polls (REFERENCE §2.10): the "messages available" listener and {@link
 * dev.sluice.store.QueueStore#nextVisibleAt}. Listeners run on the store's threads, so the kit waits for them, at
 * most {@link #LISTENER_WAIT}.
 */
public abstract class NotificationContract extends StoreContractSupport {
    private static final Duration LISTENER_WAIT = Duration.ofSeconds(2);

    private final LinkedBlockingQueue<QueueId> notified = new LinkedBlockingQueue<>();

    private QueueId nextNotification() throws InterruptedException {
        return notified.poll(LISTENER_WAIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void listenerIsToldAfterAnAppendCommits() throws InterruptedException {
        QueueId queue = standardQueue("orders");
        store.addListener(notified::add);

        send(queue, "m1");

        assertThat(nextNotification()).isEqualTo(queue);
    }

    @Test
    void listenerIsToldWhichQueueReceivedMessages() throws InterruptedException {
        QueueId a = standardQueue("a");
        QueueId b = standardQueue("b");
        store.addListener(notified::add);

        send(b, "m1");

        assertThat(nextNotification()).isEqualTo(b);
        notified.clear();
        send(a, "m2");
        assertThat(nextNotification()).isEqualTo(a);
    }

    @Test
    void listenerIsToldAfterAVisibilityChangeToNow() throws InterruptedException {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));
        store.addListener(notified::add);

        store.changeVisibility(queue, claimed.ref(), at(5), at(5), true);

        assertThat(nextNotification()).isEqualTo(queue);
    }

    @Test
    void everyRegisteredListenerIsTold() throws InterruptedException {
        QueueId queue = standardQueue("orders");
        LinkedBlockingQueue<QueueId> second = new LinkedBlockingQueue<>();
        store.addListener(notified::add);
        store.addListener(second::add);

        send(queue, "m1");

        assertThat(nextNotification()).isEqualTo(queue);
        assertThat(second.poll(LISTENER_WAIT.toMillis(), TimeUnit.MILLISECONDS)).isEqualTo(queue);
    }

    @Test
    void nextVisibleAtIsEmptyWithoutDelayedOrInFlightMessages() {
        QueueId queue = standardQueue("orders");
        assertThat(store.nextVisibleAt(queue, T0)).isEmpty();

        send(queue, "visible");

        assertThat(store.nextVisibleAt(queue, at(1))).isEmpty();
    }

    @Test
    void nextVisibleAtIsTheEarliestDeadlineOfDelayedAndInFlightMessages() {
        QueueId queue = standardQueue("orders");
        store.append(queue, List.of(NewMessage.of("delayed", bytes("d"), T0, at(50))), AppendOptions.at(T0));
        send(queue, "inflight");
        receiveOne(queue, at(1), at(20));

        assertThat(store.nextVisibleAt(queue, at(2))).contains(at(20));
        assertThat(store.nextVisibleAt(queue, at(25))).contains(at(50));
        assertThat(store.nextVisibleAt(queue, at(51))).isEmpty();
    }

    @Test
    void nextVisibleAtFollowsVisibilityChangesAndDeletes() {
        QueueId queue = standardQueue("orders");
        send(queue, "m1");
        StoredMessage claimed = receiveOne(queue, at(0), at(30));

        store.changeVisibility(queue, claimed.ref(), at(80), at(10), true);
        assertThat(store.nextVisibleAt(queue, at(10))).contains(at(80));

        store.delete(queue, claimed.ref(), at(11), true);
        assertThat(store.nextVisibleAt(queue, at(11))).isEmpty();
    }
}
