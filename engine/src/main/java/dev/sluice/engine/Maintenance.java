package dev.sluice.engine;

import dev.sluice.store.QueueId;
import dev.sluice.store.QueueNotFoundException;
import dev.sluice.store.QueueRecord;
import dev.sluice.store.QueueStore;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Periodic housekeeping: removes messages past their queue's retention period (receives skip them anyway, so this
 * only frees space and keeps counts exact) and forgets old purge marks. A virtual thread runs it every second; tests
 * call {@link #run} directly with a manual clock.
 *
 * <p>The background pass sweeps a queue only when its last sweep is older than a hundredth of its retention period
 * (at most a minute): expiry stays within 1% of the period while a large backlog is not scanned every second.
 */
final class Maintenance {
    private static final Logger log = LoggerFactory.getLogger(Maintenance.class);
    private static final Duration PERIOD = Duration.ofSeconds(1);
    private static final Duration MAX_SWEEP_INTERVAL = Duration.ofMinutes(1);

    private final QueueStore store;
    private final InstantSource clock;
    private final QueueCatalog catalog;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition stopped = lock.newCondition();
    private boolean closed;
    private Thread thread;
    /** When each queue was last swept by the background pass (only touched by that thread). */
    private final Map<QueueId, Instant> lastSweep = new HashMap<>();

    Maintenance(QueueStore store, InstantSource clock, QueueCatalog catalog) {
        this.store = store;
        this.clock = clock;
        this.catalog = catalog;
    }

    void start() {
        thread = Thread.ofVirtual().name("sluice-maintenance").start(this::loop);
    }

    /** One pass over every queue; returns the number of messages expired. */
    long run() {
        Instant now = clock.instant();
        long expired = 0;
        for (QueueRecord queue : store.allQueues()) {
            expired += sweep(queue, now);
        }
        catalog.prunePurgeMarks(now);
        return expired;
    }

    /** The background pass: each queue at its own interval. */
    private void runDue() {
        Instant now = clock.instant();
        Map<QueueId, Instant> seen = new HashMap<>();
        for (QueueRecord queue : store.allQueues()) {
            Duration retention = QueueSettings.retentionOf(queue);
            Duration interval = retention.dividedBy(100);
            if (interval.compareTo(MAX_SWEEP_INTERVAL) > 0) {
                interval = MAX_SWEEP_INTERVAL;
            }
            Instant last = lastSweep.get(queue.id());
            if (last == null || !now.isBefore(last.plus(interval))) {
                sweep(queue, now);
                last = now;
            }
            seen.put(queue.id(), last);
        }
        lastSweep.clear();
        lastSweep.putAll(seen);
        catalog.prunePurgeMarks(now);
    }

    private long sweep(QueueRecord queue, Instant now) {
        try {
            return store.expire(queue.id(), now.minus(QueueSettings.retentionOf(queue)));
        } catch (QueueNotFoundException e) {
            return 0; // deleted meanwhile: nothing to expire
        }
    }

    private void loop() {
        while (true) {
            lock.lock();
            try {
                if (!closed) {
                    stopped.await(PERIOD.toNanos(), TimeUnit.NANOSECONDS);
                }
                if (closed) {
                    return;
                }
            } catch (InterruptedException e) {
                return;
            } finally {
                lock.unlock();
            }
            try {
                runDue();
            } catch (RuntimeException e) {
                log.warn("maintenance pass failed: {}", e.toString());
            }
        }
    }

    void close() {
        lock.lock();
        try {
            closed = true;
            stopped.signalAll();
        } finally {
            lock.unlock();
        }
        if (thread != null) {
            try {
                thread.join(PERIOD.toMillis() * 5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
