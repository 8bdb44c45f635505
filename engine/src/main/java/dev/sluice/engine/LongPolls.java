package dev.sluice.engine;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueStore;
import dev.sluice.store.StoreListener;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Push-based long polling: receivers that found nothing park here, and the store's "messages available" callback
 * wakes them.
 *
 * <p>Protocol: a receiver reads its queue's generation, claims, and if the claim was empty parks with that
 * generation; a notification that arrived in between has bumped the generation, so the receiver returns at once and
 * claims again (no lost wake-ups). A notification wakes one parked receiver (oldest first), not all of them: a woken
 * receiver that fills its whole batch passes the wake on ({@link #wakeOne}), so a burst of messages drains through a
 * chain of receivers while a single message does not stampede ten thousand of them. Receivers also wake at their own
 * deadline or when the next delayed/in-flight message becomes visible (the caller passes that as the wait), and all of
 * them wake on {@link #close} or when their queue is deleted.
 *
 * <p>The store announces appends and earlier visibility deadlines, but not the moment an in-flight message's
 * visibility timeout runs out. So after every receive the receiver reports the new deadline ({@link
 * #expectVisibleAt}); while a queue has parked receivers it keeps one timer at its earliest such instant, which wakes
 * one receiver and re-arms itself at the store's next visibility instant.
 *
 * <p>Locks: one {@link ReentrantLock} per queue guards that queue's generation, parked set and timer instant; no other
 * lock is held while it is taken, and the store is never called under it. The callback only takes that lock briefly and never blocks.
 */
public final class LongPolls implements StoreListener {
    private final Map<QueueId, Waiters> queues = new ConcurrentHashMap<>();
    private final QueueStore store;
    private final InstantSource clock;
    private final ScheduledExecutorService timer;
    private volatile boolean closed;

    public LongPolls(QueueStore store, InstantSource clock) {
        this.store = store;
        this.clock = clock;
        this.timer = Executors.newSingleThreadScheduledExecutor(
                r -> Thread.ofPlatform().daemon().name("sluice-long-poll-timer").unstarted(r));
    }

    @Override
    public void messagesAvailable(QueueId queue) {
        Waiters w = queues.get(queue);
        if (w != null) {
            w.wake(false);
        }
    }

    /** The queue's current generation; read it before claiming. */
    public long generation(QueueId queue) {
        return waiters(queue).generation();
    }

    /**
     * Parks until a notification newer than {@code generation}, {@code nanos} elapse, the queue is forgotten, or
     * {@link #close}.
     */
    public void await(QueueId queue, long generation, long nanos) {
        if (closed || nanos <= 0) {
            return;
        }
        waiters(queue).await(generation, nanos, this);
    }

    /**
     * Tells that a message of {@code queue} becomes visible again at {@code visibleAt} (the deadline a receive just
     * set); parked receivers are woken then.
     */
    public void expectVisibleAt(QueueId queue, Instant visibleAt) {
        Waiters w = queues.get(queue);
        if (w == null || closed) {
            return;
        }
        w.lock.lock();
        try {
            if (w.parked.isEmpty() || (w.timerAt != null && !w.timerAt.isAfter(visibleAt))) {
                return;
            }
            w.timerAt = visibleAt;
        } finally {
            w.lock.unlock();
        }
        long delay = Math.max(0, Duration.between(clock.instant(), visibleAt).toNanos());
        try {
            timer.schedule(() -> fire(queue, w, visibleAt), delay, TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException e) {
            // closed meanwhile: every receiver has been answered
        }
    }

    private void fire(QueueId queue, Waiters w, Instant at) {
        w.lock.lock();
        try {
            if (!at.equals(w.timerAt)) {
                return;
            }
            w.timerAt = null;
        } finally {
            w.lock.unlock();
        }
        w.wake(false);
        if (w.size() > 0 && !closed) {
            try {
                store.nextVisibleAt(queue, clock.instant()).ifPresent(next -> expectVisibleAt(queue, next));
            } catch (RuntimeException e) {
                // queue deleted or store closed: its receivers are woken by forget/close
            }
        }
    }

    /** Passes a wake-up on to the next parked receiver of the queue. */
    public void wakeOne(QueueId queue) {
        messagesAvailable(queue);
    }

    /** Wakes every receiver of a deleted queue. */
    public void forget(QueueId queue) {
        Waiters w = queues.remove(queue);
        if (w != null) {
            w.wake(true);
        }
    }

    public boolean isClosed() {
        return closed;
    }

    /** Number of parked receivers (for tests and metrics). */
    public int parked() {
        int n = 0;
        for (Waiters w : queues.values()) {
            n += w.size();
        }
        return n;
    }

    /** Wakes every parked receiver; later waits return at once. */
    public void close() {
        closed = true;
        timer.shutdownNow();
        for (Waiters w : new ArrayList<>(queues.values())) {
            w.wake(true);
        }
    }

    private Waiters waiters(QueueId queue) {
        return queues.computeIfAbsent(queue, q -> new Waiters());
    }

    /** One queue's parked receivers. */
    private static final class Waiters {
        private final ReentrantLock lock = new ReentrantLock();
        private final LinkedHashSet<Waiter> parked = new LinkedHashSet<>();
        private long generation;
        /** The instant the pending timer wakes a receiver at, or null when none is pending. */
        private Instant timerAt;

        long generation() {
            lock.lock();
            try {
                return generation;
            } finally {
                lock.unlock();
            }
        }

        int size() {
            lock.lock();
            try {
                return parked.size();
            } finally {
                lock.unlock();
            }
        }

        void wake(boolean all) {
            lock.lock();
            try {
                generation++;
                List<Waiter> woken = new ArrayList<>(all ? parked.size() : 1);
                if (all) {
                    woken.addAll(parked);
                    parked.clear();
                } else if (!parked.isEmpty()) {
                    woken.add(parked.removeFirst());
                }
                for (Waiter w : woken) {
                    w.woken = true;
                    w.condition.signal();
                }
            } finally {
                lock.unlock();
            }
        }

        void await(long seen, long nanos, LongPolls owner) {
            lock.lock();
            try {
                if (generation != seen || owner.closed) {
                    return;
                }
                Waiter w = new Waiter(lock.newCondition());
                parked.add(w);
                try {
                    long remaining = nanos;
                    while (!w.woken && remaining > 0 && !owner.closed) {
                        remaining = w.condition.awaitNanos(remaining);
                    }
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    if (!w.woken) {
                        parked.remove(w);
                    }
                }
            } finally {
                lock.unlock();
            }
        }
    }

    /** One parked receiver; {@code woken} is guarded by its queue's lock. */
    private static final class Waiter {
        final Condition condition;
        boolean woken;

        Waiter(Condition condition) {
            this.condition = condition;
        }
    }
}
